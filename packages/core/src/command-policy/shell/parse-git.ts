import { parseOptions, type ParsedOptions } from "./parse-options.js";

/** `git [global options] <subcommand> [args]`, e.g. `git -C repo -c k=v push -f` is `push` with `-f`. */
export interface GitCommand {
  readonly sub: string;
  readonly args: readonly string[];
  /** The `-C dir` it runs in, if any. */
  readonly dir?: string;
}

const GLOBAL_VALUE_SHORT = "Cc";
const GLOBAL_VALUE_LONG = ["git-dir", "work-tree", "namespace", "exec-path", "config-env", "super-prefix"];

export function parseGit(args: readonly string[]): GitCommand {
  const globals = parseOptions(args, { value: GLOBAL_VALUE_SHORT, valueLong: GLOBAL_VALUE_LONG, stopAtPositional: true });
  const dirs = globals.values.get("C");
  const dir = dirs?.[dirs.length - 1];
  const sub = args[globals.rest] ?? "";
  const rest = args.slice(globals.rest + 1);
  return dir == null ? { sub, args: rest } : { sub, args: rest, dir };
}

/** Options of a git subcommand; `value` lists its short options that take a value. */
export function gitOptions(git: GitCommand, value = "", valueLong: readonly string[] = []): ParsedOptions {
  return parseOptions(git.args, { value, valueLong });
}
