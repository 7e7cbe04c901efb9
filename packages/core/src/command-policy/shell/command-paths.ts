import type { SimpleCommand } from "../command-types.js";
import { describeFetch } from "./describe-fetch.js";
import { parseFind } from "./parse-find.js";
import { parseGit } from "./parse-git.js";
import { parseOptions, hasOption, optionValue, type OptionSpec } from "./parse-options.js";
import { readRemoteCommand } from "./remote-command.js";
import { expandBraces } from "./resolve-word.js";
import { tarFiles } from "./parse-tar.js";

/**
 * Which words of a command name files it reads, writes or deletes. Quoted data is not a path:
 * `grep "rm -rf /" docs/` reads `docs/` (the pattern is not a file), `echo '…' >> notes.md`
 * writes `notes.md` and reads nothing, `git commit -m "…"` touches neither.
 */

/** Commands that do not show a file's contents to anyone (listing, moving, permissions, loading). */
const NON_READING = new Set([
  "",
  "ls",
  "stat",
  "test",
  "[",
  "[[",
  "touch",
  "rm",
  "rmdir",
  "unlink",
  "mkdir",
  "chmod",
  "chown",
  "chgrp",
  "file",
  "du",
  "df",
  "ssh",
  "ssh-add",
  "ssh-keygen",
  "ssh-copy-id",
  "echo",
  "printf",
  "find",
  "fd",
  "which",
  "type",
  "cd",
  "pushd",
  "realpath",
  "readlink",
  "dirname",
  "basename",
  "source",
  ".",
  "export",
  "true",
  "false",
  "mv",
  "ln",
  "trash",
  "shred",
  "wc",
  "docker",
  "docker-compose",
  "podman",
  "dotenv",
  "direnv",
  "code",
  "open",
  "tree",
  "sleep",
]);
/** Commands that never change the files they are given. */
const READ_ONLY = new Set([
  "cat",
  "less",
  "more",
  "head",
  "tail",
  "grep",
  "egrep",
  "fgrep",
  "zgrep",
  "rg",
  "ag",
  "ack",
  "wc",
  "diff",
  "cmp",
  "jq",
  "ls",
  "stat",
  "file",
  "bat",
  "echo",
  "printf",
  "test",
  "[",
  "[[",
  "realpath",
  "readlink",
  "dirname",
  "basename",
  "md5sum",
  "sha1sum",
  "sha256sum",
  "sha512sum",
  "shasum",
  "b2sum",
  "cksum",
  "xxd",
  "od",
  "hexdump",
  "strings",
  "uniq",
  "cut",
  "tr",
  "nl",
  "column",
  "fold",
  "which",
  "type",
  "du",
  "df",
  "find",
  "fd",
  "tree",
  "source",
  ".",
  "diff3",
  "delta",
  "colordiff",
  "base64",
  "cd",
  "pushd",
  "true",
  "false",
  "sleep",
]);
const GREP_VALUES: Readonly<Record<string, string>> = {
  grep: "efABCmdD",
  egrep: "efABCmdD",
  fgrep: "efABCmdD",
  zgrep: "efABCm",
  rg: "efgtTABCmjMr",
  ag: "ABCGgm",
  ack: "ABCm",
};
const COPIERS = new Set(["cp", "install", "ln", "rsync", "scp", "sftp"]);
const GIT_READING = new Set(["diff", "show", "log", "blame", "annotate", "grep", "cat-file", "format-patch", "whatchanged"]);
const GIT_WRITING = new Set([
  "checkout",
  "restore",
  "rm",
  "mv",
  "clean",
  "reset",
  "stash",
  "apply",
  "am",
  "merge",
  "rebase",
  "pull",
  "switch",
  "cherry-pick",
  "revert",
  "worktree",
]);
/**
 * Programs whose options take values that are not files: `head -n 20 file.txt` reads
 * `file.txt`, not `20`.
 */
const VALUE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  head: { value: "nc", valueLong: ["lines", "bytes"] },
  tail: { value: "ncs", valueLong: ["lines", "bytes", "pid", "sleep-interval", "max-unchanged-stats"] },
};
/** `git log -n 5 --author bob -- src`: counts, names and patterns are not paths. */
const GIT_READING_OPTIONS: OptionSpec = {
  value: "nSGLU",
  valueLong: ["max-count", "skip", "since", "until", "after", "before", "author", "committer", "grep", "format", "pretty", "date"],
};
const SED_OPTIONS: OptionSpec = { value: "efl", valueLong: ["expression", "file", "line-length"] };
export const OUTPUT_OPS = new Set([">", ">>", "&>", "&>>", ">|", "<>"]);
const DIGITS_OR_DASH = /^(?:\d+|-)$/;

export function readWords(cmd: SimpleCommand): string[] {
  const inputs = cmd.redirects.filter((r) => r.op === "<" || r.op === "<>").map((r) => r.target);
  if (cmd.synthetic != null) return [...cmd.args, ...inputs];
  // Code passed inline (`bash -c "…"`, `node -e "…"`, `eval …`) is analysed as its own layer: its words are not paths.
  if (NON_READING.has(cmd.name) || cmd.exec?.from === "string" || runsRemotely(cmd)) return inputs;
  if (cmd.name === "git") {
    const git = parseGit(cmd.args);
    if (!GIT_READING.has(git.sub)) return inputs;
    return [
      ...parseOptions(git.args, GIT_READING_OPTIONS).positionals.map((w) =>
        w.includes(":") && !w.startsWith(":") ? w.slice(w.indexOf(":") + 1) : w,
      ),
      ...inputs,
    ];
  }
  const grepValues = GREP_VALUES[cmd.name];
  if (grepValues != null) {
    const p = parseOptions(cmd.args, { value: grepValues, valueLong: ["regexp", "file", "glob", "type"] });
    const patternGiven = hasOption(p, "ef", ["regexp", "file"]);
    return [...(patternGiven ? p.positionals : p.positionals.slice(1)), ...(p.values.get("f") ?? []), ...inputs];
  }
  const valued = VALUE_OPTIONS[cmd.name];
  if (valued != null) return [...parseOptions(cmd.args, valued).positionals, ...inputs];
  if (cmd.name === "sed") return [...sedFiles(cmd.args), ...inputs];
  if (cmd.name === "tar") return [...tarFiles(cmd.args), ...inputs];
  const fetch = describeFetch(cmd.name, cmd.args, cmd.redirects);
  if (fetch != null) return [...fetch.uploads.filter((u) => u !== "-"), ...inputs];
  if (cmd.name === "dd") return [...ddOperands(cmd.args, "if"), ...inputs];
  if (cmd.name === "openssl") return [...opensslInputs(cmd.args), ...inputs];
  if (COPIERS.has(cmd.name)) return [...copySources(cmd.name, cmd.args), ...inputs];
  if (pullsEnvFile(cmd)) return inputs;
  return [...positionals(withoutEnvFiles(cmd.args)), ...inputs];
}

/** `sed -n 1,20p file.txt`, `sed -i "s/a/b/" f`: the first operand is the script unless `-e` or `-f` gives it; a `-f` script is a file. */
function sedFiles(args: readonly string[]): string[] {
  const p = parseOptions(args, SED_OPTIONS);
  const scriptGiven = hasOption(p, "ef", ["expression", "file"]);
  return [...(scriptGiven ? p.positionals : p.positionals.slice(1)), ...(p.values.get("f") ?? [])];
}

/** The files `sed -i` rewrites in place (its operands after the script); none without -i. */
export function sedInPlaceFiles(args: readonly string[]): string[] {
  const p = parseOptions(args, SED_OPTIONS);
  if (!hasOption(p, "i", ["in-place"])) return [];
  return hasOption(p, "ef", ["expression", "file"]) ? p.positionals : p.positionals.slice(1);
}

/** `vercel env pull .env.local`, `netlify env:list --plain > x`: the named file is written from the service, not read. */
function pullsEnvFile(cmd: SimpleCommand): boolean {
  const [first, second] = cmd.args;
  return (cmd.name === "vercel" && first === "env" && second === "pull") || (cmd.name === "dotenv-vault" && first === "pull");
}

/**
 * `node --env-file=.env app.js`, `docker run --env-file .env`: the program loads the variables into
 * the process it starts and prints none of them, so the file is used, not read out.
 */
function withoutEnvFiles(args: readonly string[]): readonly string[] {
  if (!args.some((a) => a.startsWith("--env-file"))) return args;
  return args.filter((a, k) => !a.startsWith("--env-file=") && a !== "--env-file" && args[k - 1] !== "--env-file");
}

/** openssl's options that name a file it reads; the rest (`-out`, `-keyout`, `2048`) are outputs and values. */
const OPENSSL_INPUTS = new Set(["-in", "-CA", "-CAfile", "-certfile", "-kfile"]);
/** Options naming a key openssl signs or decrypts with: it uses the key and prints none of it. */
const OPENSSL_KEY_USES = new Set(["-key", "-inkey", "-signkey", "-CAkey", "-prvkey"]);
/** Subcommands that write the key they are given into their output (`pkcs12 -export -inkey key.pem`). */
const OPENSSL_KEY_COPIERS = new Set(["pkcs12", "pkcs8", "pkey", "rsa", "ec", "dsa"]);

/**
 * What openssl reads: `openssl genrsa -out key.pem` creates a key, `openssl rsa -in key.pem -text`
 * prints one; `openssl req -new -key key.pem -out csr.pem` signs with one and reveals nothing of it.
 */
function opensslInputs(args: readonly string[]): string[] {
  const copiesKey = OPENSSL_KEY_COPIERS.has(args[0] ?? "");
  return args.flatMap((arg, k) => {
    const option = args[k - 1] ?? "";
    return OPENSSL_INPUTS.has(option) || (copiesKey && OPENSSL_KEY_USES.has(option)) ? [arg] : [];
  });
}

export function writeWords(cmd: SimpleCommand): string[] {
  const outputs = cmd.redirects
    .filter((r) => OUTPUT_OPS.has(r.op) || (r.op === ">&" && !DIGITS_OR_DASH.test(r.target)))
    .map((r) => r.target);
  if (cmd.synthetic != null) return cmd.synthetic.writes ? [...cmd.args, ...outputs] : outputs;
  if (cmd.name === "find") return [...findDeletes(cmd.args), ...outputs];
  if (READ_ONLY.has(cmd.name) || cmd.exec?.from === "string" || runsRemotely(cmd)) return outputs;
  if (cmd.name === "git") {
    const git = parseGit(cmd.args);
    return GIT_WRITING.has(git.sub) ? [...positionals(git.args), ...outputs] : outputs;
  }
  if (cmd.name === "sed")
    return hasOption(parseOptions(cmd.args, SED_OPTIONS), "i", ["in-place"]) ? [...sedFiles(cmd.args), ...outputs] : outputs;
  if (cmd.name === "tar") return [...tarFiles(cmd.args), ...outputs];
  const fetch = describeFetch(cmd.name, cmd.args, cmd.redirects);
  if (fetch != null) return [...fetch.files, ...outputs];
  if (cmd.name === "dd") return [...ddOperands(cmd.args, "of"), ...outputs];
  if (COPIERS.has(cmd.name)) return [...copyDestination(cmd.name, cmd.args), ...outputs];
  return [...positionals(cmd.args), ...outputs];
}

/** `ssh host 'rm x'`, `docker exec ctr touch x`: the words name the other side's files, analysed in the remote layer. */
function runsRemotely(cmd: SimpleCommand): boolean {
  return readRemoteCommand(cmd) != null;
}

/** Non-option words, plus the values of `--name=value` options. */
export function positionals(args: readonly string[]): string[] {
  const out: string[] = [];
  let optionsEnded = false;
  for (const word of args) {
    if (optionsEnded) out.push(word);
    else if (word === "--") optionsEnded = true;
    else if (word.startsWith("--")) {
      const eq = word.indexOf("=");
      if (eq > 0) out.push(word.slice(eq + 1));
    } else if (!word.startsWith("-") || word === "-") out.push(word);
  }
  return out;
}

/** What `find -delete` deletes, for the write rules: what its name tests name when they say, else everything it finds. */
function findDeletes(args: readonly string[]): readonly string[] {
  const find = parseFind(args);
  if (find.deletes.length === 0) return [];
  return find.named.length > 0 ? find.named : find.deletes;
}

function ddOperands(args: readonly string[], key: "if" | "of"): string[] {
  return args.filter((a) => a.startsWith(`${key}=`)).map((a) => a.slice(key.length + 1));
}

/**
 * The options of each copying program that take a value, so the value is not taken for a file:
 * `scp -i ~/.ssh/id_ed25519 f host:` names a key it logs in with, `cp -i a b` asks before
 * overwriting (no value), `rsync -e 'ssh -p 22'` names the remote shell.
 */
const COPY_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  cp: { value: "tS", valueLong: ["target-directory", "suffix", "backup", "sparse", "reflink", "preserve", "no-preserve"] },
  mv: { value: "tS", valueLong: ["target-directory", "suffix", "backup"] },
  ln: { value: "tS", valueLong: ["target-directory", "suffix", "backup"] },
  install: { value: "tSmgo", valueLong: ["target-directory", "suffix", "mode", "group", "owner", "backup", "strip-program"] },
  rsync: {
    value: "eTBfM",
    valueLong: [
      "rsh",
      "exclude",
      "include",
      "filter",
      "exclude-from",
      "include-from",
      "files-from",
      "temp-dir",
      "partial-dir",
      "backup-dir",
      "suffix",
      "chmod",
      "chown",
      "log-file",
      "password-file",
      "rsync-path",
      "bwlimit",
      "timeout",
      "port",
      "compare-dest",
      "copy-dest",
      "link-dest",
      "out-format",
      "max-size",
      "min-size",
      "block-size",
      "remote-option",
      "usermap",
      "groupmap",
      "info",
      "debug",
      "max-delete",
      "iconv",
      "contimeout",
      "address",
    ],
  },
  scp: { value: "cDFiJloPSX" },
  sftp: { value: "BbcDFiJloPRSs" },
};

/** The options of a copying program that take a value (none known for another program). */
export function copyOptions(name: string): OptionSpec {
  return COPY_OPTIONS[name] ?? {};
}

/** A copying program's sources and destination (`cp -t DIR src…` puts the destination first). */
export function copyOperands(name: string, args: readonly string[]): { sources: string[]; destination?: string } {
  const p = parseOptions(args, copyOptions(name));
  const target = optionValue(p, "t", ["target-directory"]);
  if (target != null && name !== "rsync" && name !== "scp") return { sources: p.positionals, destination: target };
  const last = p.positionals[p.positionals.length - 1];
  return p.positionals.length > 1 && last != null ? { sources: p.positionals.slice(0, -1), destination: last } : { sources: p.positionals };
}

function copySources(name: string, args: readonly string[]): string[] {
  return copyOperands(name, args).sources;
}

function copyDestination(name: string, args: readonly string[]): string[] {
  const { destination } = copyOperands(name, args);
  return destination == null ? [] : [destination];
}

export interface DeletionTarget {
  readonly word: string;
  readonly recursive: boolean;
}

const RSYNC_DELETES = /^--(?:delete(?:-\w+)?|del)$/;
const REMOTE = /^[^/]*:/;

/**
 * What a command deletes: `rm -r` targets, `find -delete` everything under its starting points,
 * what `rsync --delete` may remove from a local destination (anything in it). A glob reaching any
 * depth (`~/**`, what a `find` hands to `xargs rm`) deletes a whole tree, as `rm -r` would.
 */
export function deletionTargets(cmd: SimpleCommand): DeletionTarget[] {
  return rawDeletionTargets(cmd).flatMap((t) =>
    expandBraces(t.word).map((word) => ({ word, recursive: t.recursive || reachesAnyDepth(word) })),
  );
}

/** What a command moves away from where it was: `mv`'s sources (all but the destination). */
export function movedAway(cmd: SimpleCommand): string[] {
  if (cmd.name !== "mv") return [];
  return copySources(cmd.name, cmd.args).flatMap(expandBraces);
}

function reachesAnyDepth(word: string): boolean {
  return word === "**" || word.startsWith("**/") || word.includes("/**");
}

function rawDeletionTargets(cmd: SimpleCommand): DeletionTarget[] {
  switch (cmd.name) {
    case "rm":
    case "srm": {
      const p = parseOptions(cmd.args, { valueLong: ["interactive"] });
      const recursive = hasOption(p, "rR", ["recursive"]);
      return p.positionals.map((word) => ({ word, recursive }));
    }
    case "rimraf":
      return positionals(cmd.args).map((word) => ({ word, recursive: true }));
    case "unlink":
      return positionals(cmd.args).map((word) => ({ word, recursive: false }));
    case "shred":
      return hasOption(parseOptions(cmd.args, { value: "nsx" }), "u", ["remove"])
        ? positionals(cmd.args).map((word) => ({ word, recursive: false }))
        : [];
    case "find":
      return parseFind(cmd.args).deletes.map((word) => ({ word, recursive: true }));
    case "rsync": {
      if (!cmd.args.some((a) => RSYNC_DELETES.test(a))) return [];
      const destination = copyOperands(cmd.name, cmd.args).destination;
      if (destination == null || REMOTE.test(destination)) return [];
      return [{ word: `${destination.endsWith("/") ? destination : `${destination}/`}*`, recursive: true }];
    }
    default:
      return [];
  }
}
