import path from "node:path";
import type { SimpleCommand } from "../command-types.js";
import { parseOptions, type OptionSpec } from "../shell/parse-options.js";

/**
 * Whether a command that picks processes by name (`pkill`, `pgrep`, `killall`, `pidof`) would pick
 * Warden's resident server. The server is `node` (its name in the process table) running
 * `…/hooks/server.mjs`: a name pattern is tried on `node`, a full-command-line one (`-f`) on
 * stand-in lines whose folders before `warden/hooks` are unknown, so `pkill -f server.mjs` and
 * `pkill -f warden` pick it and `pkill -f vite` or `pkill -f "node server.js"` do not.
 */

const SERVER_NAME = "node";
/** Node named by its path (how Warden starts the server) or by its name; NUL stands for the unknown folders, which no typed pattern matches. */
const SERVER_COMMAND_LINES = ["/usr/bin/node /\u0000/warden/hooks/server.mjs", "node /\u0000/warden/hooks/server.mjs"];

export interface ProcessPattern {
  readonly text: string;
  /** Matched against the whole command line (`pkill -f`), not the process name. */
  readonly full: boolean;
  /** An extended regular expression (pkill, pgrep, `killall -r`), else a whole name (killall, pidof). */
  readonly regex: boolean;
  /** The whole name or line must match (`pkill -x`). */
  readonly exact: boolean;
  readonly ignoreCase: boolean;
}

/** pkill/pgrep: `-SIGNAL` aside, these short options take a value. */
const PGREP_OPTIONS: OptionSpec = {
  value: "dgGPstuUF",
  valueLong: ["signal", "delimiter", "pgroup", "group", "parent", "session", "terminal", "euid", "uid", "pidfile", "ns", "nslist"],
};
const KILLALL_OPTIONS: OptionSpec = { value: "suoynZ", valueLong: ["signal", "user", "older-than", "younger-than", "ns", "context"] };
/** `-9`, `-KILL`, `-SIGTERM`, `-USR1`: a signal given as an option of its own. */
export const SIGNAL_OPTION = /^-(?:\d+|SIG[A-Z0-9+-]+|[A-Z]{2,}[0-9]*(?:[+-]\d+)?)$/;

/** The patterns a process-picking command names, and how it matches them; empty for any other command. */
export function processPatterns(cmd: SimpleCommand): ProcessPattern[] {
  const args = cmd.args.filter((a) => !SIGNAL_OPTION.test(a));
  if (cmd.name === "pkill" || cmd.name === "pgrep") {
    const p = parseOptions(args, PGREP_OPTIONS);
    const flags = {
      full: p.short.has("f") || p.long.has("full"),
      regex: true,
      exact: p.short.has("x") || p.long.has("exact"),
      ignoreCase: p.short.has("i") || p.long.has("ignore-case"),
    };
    return p.positionals.map((text) => ({ text, ...flags }));
  }
  if (cmd.name === "killall") {
    const p = parseOptions(args, KILLALL_OPTIONS);
    const regex = p.short.has("r") || p.long.has("regexp");
    const flags = { full: false, regex, exact: !regex, ignoreCase: p.short.has("I") || p.long.has("ignore-case") };
    return p.positionals.map((text) => ({ text, ...flags }));
  }
  if (cmd.name === "pidof") {
    return parseOptions(args, { value: "o", valueLong: ["omit-pid"] }).positionals.map((text) => ({
      text,
      full: false,
      regex: false,
      exact: true,
      ignoreCase: false,
    }));
  }
  return [];
}

const GREPS: Readonly<Record<string, string>> = { grep: "efABCmdD", egrep: "efABCmdD", fgrep: "efABCmdD", rg: "efgtTABCmjMr" };
const REGEX_SPECIALS = /[.*+?^${}()|[\]\\]/g;

/** What `grep PATTERN` keeps of `ps` output, as a pattern on command lines; none for `grep -v` (it drops them). */
export function grepPattern(cmd: SimpleCommand): ProcessPattern | undefined {
  const values = GREPS[cmd.name];
  if (values == null) return undefined;
  const p = parseOptions(cmd.args, { value: values, valueLong: ["regexp", "file", "glob", "type"] });
  if (p.short.has("v") || p.long.has("invert-match")) return undefined;
  const text = p.values.get("e")?.[0] ?? (typeof p.long.get("regexp") === "string" ? String(p.long.get("regexp")) : p.positionals[0]);
  if (text == null) return undefined;
  const fixed = cmd.name === "fgrep" || p.short.has("F") || p.long.has("fixed-strings");
  return {
    text: fixed ? text.replace(REGEX_SPECIALS, "\\$&") : text,
    full: true,
    regex: true,
    exact: p.short.has("x") || p.long.has("line-regexp"),
    ignoreCase: p.short.has("i") || p.long.has("ignore-case"),
  };
}

/** Whether the pattern picks the resident server. */
export function picksServer(pattern: ProcessPattern): boolean {
  return (pattern.full ? SERVER_COMMAND_LINES : [SERVER_NAME]).some((subject) => matches(pattern, subject));
}

function matches(pattern: ProcessPattern, subject: string): boolean {
  // killall and pidof given a path match the program file: `killall /usr/bin/node`.
  const text = !pattern.regex && pattern.text.includes("/") ? path.posix.basename(pattern.text) : pattern.text;
  if (!pattern.regex) return pattern.ignoreCase ? text.toLowerCase() === subject.toLowerCase() : text === subject;
  const source = pattern.exact ? `^(?:${text})$` : text;
  try {
    return new RegExp(source, pattern.ignoreCase ? "i" : "").test(subject);
  } catch {
    // Not a JavaScript regular expression: read it as the literal text it most likely means.
    return (pattern.ignoreCase ? subject.toLowerCase() : subject).includes(pattern.ignoreCase ? text.toLowerCase() : text);
  }
}
