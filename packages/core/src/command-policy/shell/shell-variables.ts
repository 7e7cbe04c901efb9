import type { CommandContext } from "../command-types.js";
import type { Frame } from "./command-layers.js";
import { parseOptions } from "./parse-options.js";
import { isDynamic } from "./resolve-word.js";

/**
 * The shell variables the analysis follows, as bash sets them: what the environment is known to
 * hold, plain assignments, loop lists (`for d in a b`), and variables `read` overwrites with
 * something unknown. A prefix assignment (`VAR=x cmd $VAR`) is not here: bash expands `$VAR`
 * before the assignment takes effect, so the command sees the outer value.
 */

/** A variable or a substitution's output longer than this is taken as unknown (`x=$x$x` repeated doubles it). */
export const MAX_VALUE = 100_000;
/** Commands that set variables to what they read, with their options that take a value. */
const READER_VALUES: Readonly<Record<string, string>> = { read: "adpntNui", mapfile: "dnOsuCc", readarray: "dnOsuCc" };
export const READERS = new Set(Object.keys(READER_VALUES));
/** The values a loop variable takes, written as a brace list so each is checked: `for d in a b` makes `$d` `{a,b}`. */
const LOOP_VALUE_SAFE = /^[^,{}]*$/;

/** What the environment is known to hold before the command line runs. */
export function initialVariables(ctx: CommandContext): Map<string, string> {
  const user = ctx.home.slice(ctx.home.lastIndexOf("/") + 1);
  return new Map([
    ["HOME", ctx.home],
    ["PWD", ctx.cwd],
    ["CLAUDE_PROJECT_DIR", ctx.projectDir],
    ["TMPDIR", "/tmp"],
    ["USER", user],
    ["LOGNAME", user],
  ]);
}

/** `for NAME in WORDS`: NAME takes each word in turn; unknown when a word is. */
export function setLoopVariable(frame: Frame, words: readonly string[]): void {
  const name = words[1];
  if (name == null || (words[0] !== "for" && words[0] !== "select")) return;
  const values = words[2] === "in" ? words.slice(3) : [];
  if (values.length > 0 && values.every((v) => !isDynamic(v) && LOOP_VALUE_SAFE.test(v)))
    frame.vars.set(name, values.length === 1 ? (values[0] ?? "") : `{${values.join(",")}}`);
  else frame.vars.delete(name);
}

/** `read NAME…`, `mapfile NAME`: the variables now hold what was read, which is unknown. */
export function forgetReadVariables(frame: Frame, name: string, args: readonly string[]): void {
  const p = parseOptions(args, { value: READER_VALUES[name] ?? "" });
  for (const variable of [...p.positionals, ...(p.values.get("a") ?? [])]) frame.vars.delete(variable);
}

export function setVariable(frame: Frame, assignment: string): void {
  const eq = assignment.indexOf("=");
  if (assignment.length - eq > MAX_VALUE) frame.vars.delete(assignment.slice(0, eq));
  else frame.vars.set(assignment.slice(0, eq), assignment.slice(eq + 1));
}
