import type { SimpleCommand } from "../command-types.js";
import { parseOptions, type ParsedOptions } from "./parse-options.js";

/** `git [global options] <subcommand> [args]`, e.g. `git -C repo -c k=v push -f` is `push` with `-f`. */
export interface GitCommand {
  readonly sub: string;
  readonly args: readonly string[];
  /** The `-C dir` it runs in, if any. */
  readonly dir?: string;
  /** `--git-dir` or `--work-tree` point it at a repository other than the one around its directory. */
  readonly elsewhere?: boolean;
}

const GLOBAL_VALUE_SHORT = "Cc";
const GLOBAL_VALUE_LONG = ["git-dir", "work-tree", "namespace", "exec-path", "config-env", "super-prefix"];

export function parseGit(args: readonly string[]): GitCommand {
  const globals = parseOptions(args, { value: GLOBAL_VALUE_SHORT, valueLong: GLOBAL_VALUE_LONG, stopAtPositional: true });
  const dirs = globals.values.get("C");
  const dir = dirs?.[dirs.length - 1];
  const sub = args[globals.rest] ?? "";
  const rest = args.slice(globals.rest + 1);
  const elsewhere = globals.long.has("git-dir") || globals.long.has("work-tree");
  return { sub, args: rest, ...(dir == null ? {} : { dir }), ...(elsewhere ? { elsewhere } : {}) };
}

/** The git command when `cmd` is `git <sub> …`; undefined for any other command or subcommand. */
export function gitSubcommand(cmd: SimpleCommand, sub: string): GitCommand | undefined {
  if (cmd.name !== "git") return undefined;
  const g = parseGit(cmd.args);
  return g.sub === sub ? g : undefined;
}

/** Options of a git subcommand; `value` lists its short options that take a value. */
export function gitOptions(git: GitCommand, value = "", valueLong: readonly string[] = []): ParsedOptions {
  return parseOptions(git.args, { value, valueLong });
}
