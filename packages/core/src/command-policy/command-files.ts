import type { CommandContext, SimpleCommand } from "./command-types.js";
import { classifyTarget, type PathClass } from "./rules/classify-path.js";
import { contextFor } from "./rules/remote-context.js";
import { analyzeCommand } from "./shell/analyze-command.js";
import { deletionTargets, OUTPUT_OPS, positionals, readWords, sedInPlaceFiles, writeWords } from "./shell/command-paths.js";
import { isDynamic, isGlob, resolveWord } from "./shell/resolve-word.js";

/**
 * The files a command touches, as the guard reads it: the one answer behind `warden explain`'s
 * targets and the `files_accessed` of a recorded Bash call. The guard's rules take every operand
 * of a program they do not know as a possible path, to err on the side of caution; a word is
 * listed here as a file only when it surely is one: a redirect target, an operand of a program
 * whose operands are files, what a command deletes, or a word shaped like a path. So `sleep 0.2`,
 * `npm run build` and `git log -n 5` touch nothing, `cp a.txt b.txt` touches both.
 */

export interface FileTarget {
  readonly word: string;
  /** Absolute; a glob stays a pattern (`/project/*.log`). */
  readonly path: string;
  readonly kind: PathClass;
  readonly access: "read" | "write" | "delete";
}

/** Programs whose operands (once options and their values are set aside) all name files. */
const FILE_OPERANDS = new Set([
  "cat",
  "tac",
  "less",
  "more",
  "head",
  "tail",
  "wc",
  "diff",
  "cmp",
  "bat",
  "touch",
  "rm",
  "rmdir",
  "mkdir",
  "unlink",
  "shred",
  "cp",
  "mv",
  "ln",
  "install",
  "tee",
  "md5sum",
  "sha1sum",
  "sha256sum",
  "sha512sum",
  "shasum",
  "b2sum",
  "cksum",
  "xxd",
  "hexdump",
  "strings",
  "nl",
  "base64",
  "source",
  ".",
  "vi",
  "vim",
  "nvim",
  "nano",
  "emacs",
  "trash",
  "rimraf",
  "sed",
  "tar",
  "grep",
  "egrep",
  "fgrep",
  "zgrep",
  "rg",
  "ag",
  "ack",
]);
/** Counts, durations, modes, versions, process ids: `20`, `0.2`, `755`, `1.2.3`. */
const NUMBER = /^[+-]?\d+(?:[.,:]\d+)*$/;
/** Has a directory part, starts at home or here, or ends in an extension (`notes.md`, `.env`). */
const PATH_SHAPED = /^~$|^~\/|^\.{1,2}$|\/|\.[A-Za-z][A-Za-z0-9]{0,9}$/;
/** `host:/tmp`, `$PWD:/app`, `user@host:dir`: another machine's file, or a mapping; a drive letter (`C:/x`) is a path. */
const HAS_COLON = /^(?![A-Za-z]:\/).*:/;

/** The files one command of an analysis touches: deleted, then written, then read; each word once per access. */
export function fileTargets(cmd: SimpleCommand, ctx: CommandContext): FileTarget[] {
  const targets: FileTarget[] = [];
  const add = (word: string, access: FileTarget["access"], sure: boolean): void => {
    if (!namesFile(word, cmd, sure)) return;
    const where = classifyTarget(word, cmd.cwd, contextFor(cmd, ctx));
    if (where == null || targets.some((t) => t.word === word && (t.access === access || t.access === "delete"))) return;
    const path = isGlob(word) ? (resolveWord(word, cmd.cwd, contextFor(cmd, ctx).home) ?? where.path) : where.path;
    targets.push({ word, path, kind: where.cls, access });
  };
  const redirected = new Set(cmd.redirects.map((r) => r.target));
  const operandsAreFiles = FILE_OPERANDS.has(cmd.name) || cmd.synthetic != null;
  for (const target of deletionTargets(cmd)) add(target.word, "delete", true);
  for (const word of writeWords(cmd)) add(word, "write", operandsAreFiles || redirected.has(word));
  for (const word of readWords(cmd)) add(word, "read", operandsAreFiles || redirected.has(word));
  return targets;
}

/**
 * The absolute paths a shell command touches on this machine (a remote or container side's files
 * are not this machine's), in the order first named.
 */
export function commandFiles(command: string, ctx: CommandContext): string[] {
  const analysis = analyzeCommand(command, ctx);
  const paths = analysis.commands
    .filter((cmd) => cmd.remote == null)
    .flatMap((cmd) => inCommandOrder(fileTargets(cmd, ctx), cmd).map((t) => t.path));
  return [...new Set(paths)];
}

/** Targets in the order the command names them (`cp a b`: `a`, then `b`), redirects last. */
function inCommandOrder(targets: readonly FileTarget[], cmd: SimpleCommand): FileTarget[] {
  const position = (word: string) => {
    const at = cmd.argv.indexOf(word);
    return at >= 0 ? at : cmd.argv.length + cmd.redirects.findIndex((r) => r.target === word) + 1;
  };
  return targets.toSorted((a, b) => position(a.word) - position(b.word));
}

function namesFile(word: string, cmd: SimpleCommand, sure: boolean): boolean {
  if (word === "" || word === "-" || isDynamic(word) || /^\/dev\/(?:null|stdout|stderr|tty)$/.test(word)) return false;
  if (sure) return !NUMBER.test(word) || cmd.redirects.some((r) => r.target === word);
  if (NUMBER.test(word) || /\s|=|:\/\//.test(word) || HAS_COLON.test(word)) return false;
  return PATH_SHAPED.test(word);
}

/**
 * The files whose new text a command takes from the command itself, so the lines it writes are the
 * author's of the command (for provenance, the model's): `echo`/`printf` redirected to a file, `cat`
 * or `tee` fed a heredoc or here-string, `sed -i`. What a program produces (`npm test > log`, `cp`,
 * a download) is not among them. Absolute paths of this machine; globs and dynamic words left out.
 */
export function authoredFiles(command: string, ctx: CommandContext): string[] {
  const analysis = analyzeCommand(command, ctx);
  const files = analysis.commands
    .filter((cmd) => cmd.remote == null)
    .flatMap((cmd) =>
      authoredWords(cmd).flatMap((word) => {
        if (word === "" || isDynamic(word) || isGlob(word) || word.startsWith("/dev/")) return [];
        const where = classifyTarget(word, cmd.cwd, contextFor(cmd, ctx));
        return where == null ? [] : [where.path];
      }),
    );
  return [...new Set(files)];
}

function authoredWords(cmd: SimpleCommand): string[] {
  const outputs = cmd.redirects.filter((r) => OUTPUT_OPS.has(r.op) && (r.fd == null || r.fd === "1")).map((r) => r.target);
  if (cmd.name === "echo" || cmd.name === "printf") return outputs;
  if ((cmd.name === "cat" && positionals(cmd.args).length === 0) || cmd.name === "tee")
    return cmd.stdinText == null ? [] : cmd.name === "tee" ? [...positionals(cmd.args), ...outputs] : outputs;
  if (cmd.name === "sed") return sedInPlaceFiles(cmd.args);
  return [];
}
