import type { RuleHit, SimpleCommand } from "../command-types.js";
import { DYNAMIC } from "../shell/markers.js";
import type { CommandRule } from "./rule-context.js";

/**
 * `cat cmds.txt | xargs -I{} sh -c '{}'`, `ls | parallel {}`, `… | xargs -n1 bash -c`: the lines
 * xargs or parallel read become the program or the shell code itself. What runs is whatever the
 * input holds, which the guard never sees. (Input used as arguments, `xargs rm`, is judged as the
 * arguments it could be; a script file, `bash build.sh`, is the user's own code and runs.)
 */

const INPUT = `${DYNAMIC}{stdin}`;

function runsInput(cmd: SimpleCommand): RuleHit | undefined {
  if (!cmd.layers.some((layer) => layer === "xargs" || layer === "parallel")) return undefined;
  const program = cmd.argv[0] ?? "";
  return program.startsWith(INPUT) ? { detail: "the commands come from the input of xargs/parallel" } : undefined;
}

export const inputCodeRules: readonly CommandRule[] = [
  {
    id: "shell.run-input",
    severity: "medium",
    action: "ask",
    category: "execution",
    reason:
      "it runs, as commands, whatever lines it reads from its input (xargs or parallel handing its input to a shell or as the program), which the guard cannot check",
    check: runsInput,
  },
];
