import { describe, expect, it } from "vitest";
import { analyzeCommand } from "./analyze-command.js";
import { commandOutput } from "./command-output.js";

const ctx = { cwd: "/home/dev/project", projectDir: "/home/dev/project", home: "/home/dev" };
const outputOf = (command: string, context = ctx) => {
  const cmd = analyzeCommand(command, context).commands[0];
  return cmd == null ? "no command" : commandOutput(cmd, context);
};

describe("commandOutput", () => {
  it.each([
    ["echo a  b", "a b\n"],
    ["echo -n rm", "rm"],
    ["echo -e 'a\\tb'", "a\tb\n"],
    ["printf '%s-' a b", "a-b-"],
    ["printf 'r%s' m", "rm"],
    ["printf '%d%%\\n' 7", "7%\n"],
    ["pwd", "/home/dev/project\n"],
    ["cd src", ""],
    ["dirname ~/x/y", "/home/dev/x\n"],
    ["basename /a/b.txt .txt", "b\n"],
    ["realpath ..", "/home/dev\n"],
    ["readlink -f ~/x", "/home/dev/x\n"],
    ["mktemp -d", "/tmp/tmp.XXXXXXXXXX\n"],
    ["mktemp -d -t build.XXXX", "/tmp/build.XXXX\n"],
    ["mktemp ./out.XXXX", "/home/dev/project/out.XXXX\n"],
    ["whoami", "dev\n"],
    ["cat <<EOF\nrm -rf ~\nEOF", "rm -rf ~\n"],
    ["git rev-parse --show-toplevel", "/home/dev/project\n"],
    ["true", ""],
  ])("knows what %j prints", (command, printed) => {
    expect(outputOf(command)).toBe(printed);
  });

  it.each([["readlink x"], ["dirname $X"], ["cat list.txt"], ["date"], ["ls"]])("does not guess what %j prints", (command) => {
    expect(outputOf(command)).toBeUndefined();
  });

  it("does not take the project for the repository when the command runs outside it", () => {
    expect(outputOf("git rev-parse --show-toplevel", { ...ctx, cwd: "/srv/other" })).toBeUndefined();
  });
});
