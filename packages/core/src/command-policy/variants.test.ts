import { describe, expect, it } from "vitest";
import type { CommandContext } from "./command-types.js";
import { createCommandPolicy } from "./create-command-policy.js";

/**
 * Each core dangerous command, spelled every way the generators below know, must still be stopped
 * with the same decision: the cross product of program spellings, target spellings, wrappers and
 * shell layers. A new spelling that slips through shows up as the variants it breaks.
 */

interface Core {
  readonly program: string;
  readonly args: readonly string[];
  /** The argument holding the target, and the target inside it (`of=/dev/sda` holds `/dev/sda`). */
  readonly target: { readonly index: number; readonly path: string };
  readonly decision: "deny" | "ask";
}

const CORES: readonly Core[] = [
  { program: "rm", args: ["-rf", "~"], target: { index: 1, path: "~" }, decision: "deny" },
  { program: "rm", args: ["-rf", "/"], target: { index: 1, path: "/" }, decision: "deny" },
  { program: "rm", args: ["-rf", "~/.ssh"], target: { index: 1, path: "~/.ssh" }, decision: "ask" },
  { program: "mkfs.ext4", args: ["/dev/sda"], target: { index: 0, path: "/dev/sda" }, decision: "deny" },
  { program: "dd", args: ["if=/dev/zero", "of=/dev/sda"], target: { index: 1, path: "/dev/sda" }, decision: "deny" },
  { program: "chmod", args: ["-R", "777", "/"], target: { index: 2, path: "/" }, decision: "deny" },
];

const PROGRAM_SPELLINGS: readonly ((p: string) => string)[] = [
  (p) => p,
  (p) => `"${p}"`,
  (p) => `'${p}'`,
  (p) => `\\${p}`,
  (p) => `${p.slice(0, 1)}\\${p.slice(1)}`,
  (p) => `${p.slice(0, 1)}''${p.slice(1)}`,
  (p) => `"$(echo ${p})"`,
  (p) => `$(echo ${p})`,
  (p) => `\`echo ${p}\``,
  (p) => `$(printf '%s' ${p})`,
];

const TARGET_SPELLINGS: readonly ((t: string) => string)[] = [(t) => t, (t) => `"$(echo ${t})"`, (t) => `$(printf '%s' ${t})`];

const WRAPPERS: readonly string[] = [
  "",
  "sudo ",
  "sudo -u root ",
  "env ",
  "env X=1 ",
  "command ",
  "nice ",
  "nice -n 5 ",
  "timeout 5 ",
  "nohup ",
  "time ",
  "xargs ",
  "doas ",
  "setsid ",
  "flock /tmp/l ",
];

const singleQuoted = (s: string) => `'${s.split("'").join("'\\''")}'`;
const doubleQuoted = (s: string) => `"${s.replace(/[\\"$`]/g, (ch) => `\\${ch}`)}"`;

const LAYERS: readonly ((command: string) => string)[] = [
  (c) => c,
  (c) => `bash -c ${singleQuoted(c)}`,
  (c) => `sh -c ${doubleQuoted(c)}`,
  (c) => `eval ${doubleQuoted(c)}`,
  (c) => `bash <<'EOF'\n${c}\nEOF`,
  (c) => `cat <<EOF | bash\n${c}\nEOF`,
  (c) => `echo ${singleQuoted(c)} | sh`,
  (c) => `su -c ${singleQuoted(c)}`,
  (c) => `(${c})`,
  (c) => `if true; then ${c}; fi`,
];

function variantsOf(core: Core): string[] {
  const out: string[] = [];
  for (const spellProgram of PROGRAM_SPELLINGS) {
    for (const spellTarget of TARGET_SPELLINGS) {
      const args = core.args.map((arg, k) =>
        k === core.target.index ? arg.replace(core.target.path, spellTarget(core.target.path)) : arg,
      );
      const command = [spellProgram(core.program), ...args].join(" ");
      for (const wrapper of WRAPPERS) for (const layer of LAYERS) out.push(layer(`${wrapper}${command}`));
    }
  }
  return out;
}

const policy = createCommandPolicy();
const ctx: CommandContext = { cwd: "/home/dev/project", projectDir: "/home/dev/project", home: "/home/dev" };

describe("spelling variants of dangerous commands", () => {
  it.each(CORES.map((core) => [[core.program, ...core.args].join(" "), core] as const))(
    "every variant of %j gets the core's decision",
    (_name, core) => {
      const variants = variantsOf(core);
      const missed = variants.filter((command) => policy.evaluateCommand(command, ctx).decision.decision !== core.decision);
      console.log(
        `${[core.program, ...core.args].join(" ")}: ${variants.length - missed.length} of ${variants.length} variants ${core.decision}`,
      );
      expect(missed).toEqual([]);
    },
  );
});
