import { describe, expect, it } from "vitest";
import type { CommandContext } from "./command-types.js";
import { createCommandPolicy } from "./create-command-policy.js";

/**
 * Random command strings from a shell alphabet (quotes, substitutions, heredocs, operators, groups,
 * newlines, wrappers): the policy answers every one with a decision and never throws. The seed is
 * fixed, so a failure names a string that fails again.
 */

const ALPHABET: readonly string[] = [
  "rm",
  "-rf",
  "~",
  "/",
  ".",
  "*",
  "echo",
  "x",
  "find",
  "-exec",
  "-delete",
  "-name",
  "{}",
  "+",
  "\\;",
  "xargs",
  "parallel",
  ":::",
  "bash",
  "sh",
  "-c",
  "eval",
  "sudo",
  "env",
  "python3",
  "$HOME",
  "$X",
  "${X:-/}",
  "x=$x$x",
  "for",
  "in",
  "do",
  "done",
  "while",
  "read",
  "'",
  '"',
  "$(",
  "`",
  "$((",
  "))",
  "${",
  "<(",
  "<<",
  "<<-",
  "<<<",
  "EOF",
  "'EOF'",
  "|",
  "||",
  "&&",
  "&",
  ";",
  "(",
  ")",
  "{",
  "}",
  "\n",
  "\t",
  ">",
  "2>&1",
  "\\",
  "=",
  "#",
  // balanced pieces, so that many strings parse and reach the deeper layers
  "'rm -rf ~'",
  '"$X/y"',
  "$(echo rm)",
  "`pwd`",
  "$((1 + $(echo 2)))",
  "<(echo x)",
  "<<'EOF'\nrm -rf ~\nEOF\n",
  "<<EOF\n$(echo /)\nEOF\n",
  "find . -exec rm {} +",
  "| xargs -I{} rm -rf {}",
];
const STRINGS = 5_000;
const SEED = 20_260_101;
const MAX_TOKENS = 40;

/** mulberry32: a small seeded generator, so every run draws the same strings. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function commandStrings(seed: number, count: number): string[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return Array.from({ length: count }, () => {
    const tokens = Array.from({ length: 1 + Math.floor(next() * MAX_TOKENS) }, () => pick(ALPHABET));
    return tokens.reduce((text, token) => text + (next() < 0.7 ? " " : "") + token, "");
  });
}

const policy = createCommandPolicy();
const ctx: CommandContext = { cwd: "/home/dev/project", projectDir: "/home/dev/project", home: "/home/dev" };

describe("random command strings", () => {
  it(`are each answered with a decision (${STRINGS} strings, seed ${SEED})`, () => {
    const evaluations = commandStrings(SEED, STRINGS).map((command) => policy.evaluateCommand(command, ctx));
    const decisions = evaluations.map((e) => e.decision.decision);
    const counts = Object.fromEntries(["allow", "ask", "deny"].map((d) => [d, decisions.filter((x) => x === d).length]));
    const parsed = evaluations.filter((e) => e.analysis.errors.length === 0).length;
    const most = Math.max(...evaluations.map((e) => e.analysis.commands.length));
    console.log(`${STRINGS} random strings: ${JSON.stringify(counts)}; ${parsed} parsed; at most ${most} commands in one`);
    expect(decisions.filter((d) => d !== "allow" && d !== "ask" && d !== "deny")).toEqual([]);
    // A workload, not a speed check (that is `pnpm bench`): on a loaded 2-core machine it takes seconds.
  }, 60_000);
});

/** Commands whose layers multiply (each `find -exec` and `xargs -I` runs its command per item). */
const MULTIPLYING: readonly (readonly [string, string])[] = [
  ["nested find -exec", `${"find a b c d -exec ".repeat(10)}rm {} ${"+ ".repeat(10)}`],
  ["a chain of xargs -I", `echo a b c d | ${"xargs -I{} ".repeat(15)}rm {}`],
];

describe("commands that multiply", () => {
  it.each(MULTIPLYING)("are followed only so far, then asked about (%s)", (_name, command) => {
    const evaluation = policy.evaluateCommand(command, ctx);
    expect({ decision: evaluation.decision.decision, rules: evaluation.decision.findings.map((f) => f.rule) }).toEqual({
      decision: "ask",
      rules: ["shell.too-complex"],
    });
  });

  it("keep a doubled variable bounded: past the limit its value is unknown", () => {
    const command = `x=aaaa; ${"x=$x$x; ".repeat(30)}rm -rf "$x"`;
    expect(policy.evaluateCommand(command, ctx).decision.findings.map((f) => f.rule)).toEqual(["fs.rm-unresolved"]);
  });
});
