import { describe, expect, it } from "vitest";
import { analyzeCommand } from "./analyze-command.js";

const ctx = { cwd: "/home/dev/project", projectDir: "/home/dev/project", home: "/home/dev" };
const run = (command: string) => analyzeCommand(command, ctx).commands.map((c) => ({ argv: c.argv, layers: c.layers }));

describe("analyzeCommand", () => {
  it.each([
    ["sudo -u root env -i PATH=/bin nice -n 5 nohup timeout -s KILL 10s rm -rf x", ["sudo", "env", "nice", "nohup", "timeout"]],
    ["doas -u root stdbuf -oL time -p command rm x", ["doas", "stdbuf", "time", "command"]],
    ["npx -y rimraf dist", ["npx"]],
    [
      "flock /tmp/l chroot / taskset -c 0 systemd-run --user --scope firejail --noprofile rm x",
      ["flock", "chroot", "taskset", "systemd-run", "firejail"],
    ],
    ["runuser -u dev -- uv run --with x mise exec node@20 -- rm x", ["runuser", "uv run", "mise exec"]],
  ])("sees through the wrappers of %j", (command, wrappers) => {
    expect(analyzeCommand(command, ctx).commands[0]?.wrappers).toEqual(wrappers);
  });

  it.each(["script -c 'rm x' /dev/null", "flock /tmp/l -c 'rm x'", "runuser -l dev -c 'rm x'", "sg docker 'rm x'"])(
    "runs the command string of %j in a shell",
    (command) => {
      expect(run(command).map((c) => c.argv)).toEqual([
        ["sh", "-c", "rm x"],
        ["rm", "x"],
      ]);
    },
  );

  it("treats `command -v` as a lookup, not a run", () => {
    expect(run("command -v rm")).toEqual([]);
  });

  it("follows variables assigned earlier in the line", () => {
    expect(run("T=/tmp/x; rm -rf $T")[1]?.argv).toEqual(["rm", "-rf", "/tmp/x"]);
  });

  it("gives a loop variable each word of its list", () => {
    expect(run("for d in dist build; do rm -rf $d; done")[0]?.argv).toEqual(["rm", "-rf", "{dist,build}"]);
  });

  it("forgets what read overwrites", () => {
    expect(run("d=dist; read -r d; rm -rf $d").at(-1)?.argv).toEqual(["rm", "-rf", "\u0001{d}"]);
  });

  it("expands a bare $(( )) to an unknown value and still runs what is substituted in it", () => {
    expect(run("echo $(( $(rm x) + 1 ))").map((c) => c.argv)).toEqual([
      ["rm", "x"],
      ["echo", "\u0001{arithmetic}\u00020\u0003"],
    ]);
  });

  it("puts the output of a substitution that only prints known text where it stands", () => {
    expect(run('$(echo rm) -rf "$(dirname $PWD)"').map((c) => c.argv)).toEqual([
      ["echo", "rm"],
      ["dirname", "/home/dev/project"],
      ["rm", "-rf", "/home/dev"],
    ]);
  });

  it("marks unknown variables as dynamic", () => {
    expect(run("rm -rf $UNKNOWN")[0]?.argv).toEqual(["rm", "-rf", "\u0001{UNKNOWN}"]);
  });

  it("substitutes find's starting points into -exec", () => {
    expect(run("find /var/log -exec rm {} +")).toEqual([
      { argv: ["find", "/var/log", "-exec", "rm", "{}", "+"], layers: [] },
      { argv: ["rm", "/var/log"], layers: ["find -exec"] },
      { argv: ["rm", "/var/log/**"], layers: ["find -exec"] },
    ]);
  });

  it("feeds xargs with what echo prints", () => {
    expect(run("echo a b | xargs -I{} rm {}").slice(1)).toEqual([
      { argv: ["xargs", "-I{}", "rm", "{}"], layers: [] },
      { argv: ["rm", "a"], layers: ["xargs"] },
      { argv: ["rm", "b"], layers: ["xargs"] },
    ]);
  });

  it("reads perl's clustered -e", () => {
    expect(run(`perl -lne 'system("reboot")'`).map((c) => c.argv[0])).toContain("reboot");
  });

  it("keeps pipelines apart from lists", () => {
    expect(analyzeCommand("a | b && c | d", ctx).commands.map((c) => [c.name, c.stage])).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 0],
      ["d", 1],
    ]);
  });

  it("stops at a nesting depth limit", () => {
    const deep = Array.from({ length: 20 }).reduce<string>((inner) => `eval ${inner}`, "ls");
    expect(analyzeCommand(deep, ctx).limits).toEqual(["nested more than 16 layers deep (eval › eval › eval › eval › …)"]);
  });
});
