import path from "node:path";
import type { CommandContext, SimpleCommand } from "../command-types.js";
import { literalOutput } from "./command-layers.js";
import { parseOptions, hasOption, optionValue } from "./parse-options.js";
import { isDynamic, resolveWord } from "./resolve-word.js";

/**
 * What a command prints, when that can be told without running it: `echo`, `printf`, `pwd`,
 * `dirname`, `basename`, `realpath`, `readlink -f`, `mktemp`, `whoami`, `cat` of a heredoc,
 * `git rev-parse --show-toplevel` inside the project (its root), and the commands that print nothing
 * (`cd`, `true`, an assignment). So `$(echo rm) -rf ~`,
 * `rm -rf "$(dirname $PWD)"` and `bash -c "$(cat <<EOF … EOF)"` are checked as what they run.
 * Undefined when the output depends on anything else (files, the network, the clock).
 */

const SILENT = new Set(["", "cd", "true", ":", "export", "unset", "local", "readonly", "shift", "set"]);
const ECHO_FLAGS = /^-[neE]+$/;
const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", "\\": "\\", a: "\u0007", e: "\u001b", "0": "\0" };
/** `mktemp`'s file name when it is given no template. */
const DEFAULT_TEMPLATE = "tmp.XXXXXXXXXX";
const MAX_PRINTF_ROUNDS = 64;
/** Commands whose output is made from their arguments as paths: unknown when an argument is. */
const PATH_PRINTERS = new Set(["dirname", "basename", "realpath", "readlink"]);

export function commandOutput(cmd: SimpleCommand, ctx: CommandContext): string | undefined {
  const { name, args } = cmd;
  if (SILENT.has(name)) return "";
  if (PATH_PRINTERS.has(name) && args.some(isDynamic)) return undefined;
  switch (name) {
    case "echo":
      return echo(args);
    case "printf":
      return args[0] == null || args[0] === "-v" ? undefined : printf(args[0], args.slice(1));
    case "pwd":
      return `${cmd.cwd}\n`;
    case "whoami":
    case "logname":
      return `${path.posix.basename(ctx.home)}\n`;
    case "dirname":
      return lines(pathArgs(args).map((word) => path.posix.dirname(expandTilde(word, ctx))));
    case "basename":
      return basename(args);
    case "realpath":
      return lines(pathArgs(args).map((word) => resolveWord(word, cmd.cwd, ctx.home) ?? word));
    case "readlink": {
      const p = parseOptions(args);
      if (!hasOption(p, "fem", ["canonicalize", "canonicalize-existing", "canonicalize-missing"])) return undefined;
      return lines(p.positionals.map((word) => resolveWord(word, cmd.cwd, ctx.home) ?? word));
    }
    case "mktemp":
      return mktemp(args, cmd.cwd);
    case "git":
      return args.length === 2 && args[0] === "rev-parse" && args[1] === "--show-toplevel" && isWithin(ctx.projectDir, cmd.cwd)
        ? `${ctx.projectDir}\n`
        : undefined;
    default: {
      const literal = literalOutput(cmd);
      return literal == null ? undefined : name === "cat" ? literal : `${literal}\n`;
    }
  }
}

function echo(args: readonly string[]): string {
  let k = 0;
  let newline = true;
  let escapes = false;
  for (; ECHO_FLAGS.test(args[k] ?? ""); k += 1) {
    const flags = args[k] ?? "";
    if (flags.includes("n")) newline = false;
    if (flags.includes("e")) escapes = true;
  }
  const text = args.slice(k).join(" ");
  return `${escapes ? unescape(text) : text}${newline ? "\n" : ""}`;
}

/** printf's format, reused while arguments remain: `%s`, `%b`, `%d`, `%c`, `%q` and `%%`. */
function printf(format: string, args: readonly string[]): string {
  let out = "";
  let next = 0;
  for (let round = 0; round < MAX_PRINTF_ROUNDS; round += 1) {
    let consumed = false;
    for (let k = 0; k < format.length; k += 1) {
      const ch = format[k] ?? "";
      if (ch === "\\") {
        out += unescape(format.slice(k, k + 2));
        k += 1;
      } else if (ch === "%") {
        let j = k + 1;
        while (j < format.length && "-+ #0123456789.".includes(format[j] ?? "")) j += 1;
        const conversion = format[j] ?? "";
        k = j;
        if (conversion === "%") out += "%";
        else {
          const arg = args[next] ?? "";
          if (next < args.length) consumed = true;
          next += 1;
          out +=
            conversion === "b"
              ? unescape(arg)
              : conversion === "c"
                ? arg.slice(0, 1)
                : conversion === "d" || conversion === "i"
                  ? String(Number.parseInt(arg || "0", 10) || 0)
                  : arg;
        }
      } else out += ch;
    }
    if (!consumed || next >= args.length) break;
  }
  return out;
}

function basename(args: readonly string[]): string | undefined {
  const p = parseOptions(args, { value: "s", valueLong: ["suffix"] });
  const suffix = optionValue(p, "s", ["suffix"]);
  const many = hasOption(p, "a", ["multiple"]) || suffix != null;
  const words = many ? p.positionals : p.positionals.slice(0, 1);
  const strip = suffix ?? (many ? undefined : p.positionals[1]);
  return lines(
    words.map((word) => {
      const base = path.posix.basename(word);
      return strip != null && base !== strip && base.endsWith(strip) ? base.slice(0, -strip.length) : base;
    }),
  );
}

/** `mktemp [-d] [-p DIR | --tmpdir[=DIR]] [-t] [TEMPLATE]`: a new name in the temp directory (or where the template says). */
function mktemp(args: readonly string[], cwd: string): string | undefined {
  const p = parseOptions(args, { value: "p", valueLong: ["suffix"] });
  const tmpdir = p.long.get("tmpdir");
  const dir = optionValue(p, "p", []) ?? (typeof tmpdir === "string" ? tmpdir : undefined);
  const template = p.positionals[0] ?? DEFAULT_TEMPLATE;
  if (isDynamic(template) || (dir != null && isDynamic(dir))) return undefined;
  const inTemp = dir != null || tmpdir != null || p.short.has("t") || p.positionals.length === 0;
  const where = inTemp ? path.posix.join(dir ?? "/tmp", path.posix.basename(template)) : path.posix.resolve(cwd, template);
  return `${where}\n`;
}

function pathArgs(args: readonly string[]): string[] {
  return parseOptions(args, { valueLong: ["relative-to", "relative-base"] }).positionals;
}

/** The project's own repository is the one found from inside it (a nested one would be inside too). */
function isWithin(dir: string, cwd: string): boolean {
  const root = dir.length > 1 && dir.endsWith("/") ? dir.slice(0, -1) : dir;
  return cwd === root || cwd.startsWith(`${root}/`);
}

function expandTilde(word: string, ctx: CommandContext): string {
  return word === "~" || word.startsWith("~/") ? ctx.home + word.slice(1) : word;
}

function lines(words: readonly string[]): string | undefined {
  return words.length === 0 ? undefined : `${words.join("\n")}\n`;
}

function unescape(text: string): string {
  let out = "";
  for (let k = 0; k < text.length; k += 1) {
    const ch = text[k] ?? "";
    const known = ch === "\\" ? ESCAPES[text[k + 1] ?? ""] : undefined;
    if (known == null) out += ch;
    else {
      out += known;
      k += 1;
    }
  }
  return out;
}
