import { hashLine, looksBinary } from "./line-text.js";
import { readGitObjects, runGit, runGitBytes, tryGit } from "./git-run.js";

/** What one commit changed in one file, as git's own diff against its first parent says. */
export interface FileChange {
  readonly path: string;
  readonly binary: boolean;
  /** Lines the commit added (new or changed), by line number in the commit's version of the file. */
  readonly added: readonly AddedLine[];
  /** How many lines git counts as added; more than `added` holds when the file was too large to follow. */
  readonly addedCount: number;
  /** True when the file's lines were not read (binary, or past the limits): their origin is unknown. */
  readonly skipped: boolean;
}

export interface AddedLine {
  readonly line: number;
  readonly hash: string;
}

export interface CommitLimits {
  /** Files past this many in one commit are listed with their counts only. */
  readonly maxFiles: number;
  /** A file with more added lines than this is counted, not read line by line. */
  readonly maxAddedLines: number;
}

export const DEFAULT_COMMIT_LIMITS: CommitLimits = { maxFiles: 1_000, maxAddedLines: 20_000 };

/**
 * The files of `commit` (against its first parent; a root commit against nothing) with the line
 * numbers and hashes of the lines it added, paths relative to the repository root. Binary files
 * and files past the limits are listed as skipped, so a huge commit stays bounded.
 */
export function readCommitChanges(
  root: string,
  commit: string,
  limits: CommitLimits = DEFAULT_COMMIT_LIMITS,
  paths?: readonly string[],
): FileChange[] {
  const trees = comparedTrees(root, commit);
  const numstat = runGit(root, ["diff-tree", ...DIFF_OPTIONS, "--numstat", "-z", ...trees, ...pathspec(paths ?? [])]);
  const counted = parseNumstat(numstat);
  const readable = counted.filter((f, i) => !f.binary && f.addedCount > 0 && f.addedCount <= limits.maxAddedLines && i < limits.maxFiles);
  const lines = readable.length === 0 ? new Map<string, AddedLine[]>() : readAddedLines(root, trees, readable);
  return counted.map((file) => {
    const added = lines.get(file.path);
    return {
      path: file.path,
      binary: file.binary,
      addedCount: file.addedCount,
      added: added ?? [],
      skipped: file.binary || (file.addedCount > 0 && added == null),
    };
  });
}

/** Recursive, with renames, the same for the count and the patch (a rename counted must be a rename in the patch). */
const DIFF_OPTIONS = ["-r", "-M", "--no-commit-id"];

/**
 * What diff-tree compares: the commit's first parent and the commit, or a root commit alone. Named
 * explicitly because diff-tree ignores --first-parent: `-m --first-parent` diffs a merge against
 * each of its parents, listing the other side's files too (and --diff-merges needs git 2.31).
 */
function comparedTrees(root: string, commit: string): string[] {
  const parent = tryGit(root, ["rev-parse", "--verify", "-q", `${commit}^1^{commit}`])?.trim();
  return parent ? [parent, commit] : ["--root", commit];
}

function pathspec(paths: readonly string[]): string[] {
  return paths.length === 0 ? [] : ["--", ...paths.map((p) => `:(literal)${p}`)];
}

interface CountedFile {
  readonly path: string;
  /** A renamed file's name in the parent. */
  readonly from?: string;
  readonly binary: boolean;
  readonly addedCount: number;
}

/** `added\tdeleted\tpath\0`, or for a rename `added\tdeleted\t\0old\0new\0`; binary files count `-`. */
function parseNumstat(output: string): CountedFile[] {
  const fields = output.split("\0");
  const files: CountedFile[] = [];
  for (let i = 0; i < fields.length; i++) {
    const match = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(fields[i]!);
    if (match == null) continue;
    const binary = match[1] === "-";
    const addedCount = binary ? 0 : Number(match[1]);
    if (match[3] !== "") files.push({ path: match[3]!, binary, addedCount });
    else {
      files.push({ path: fields[i + 2] ?? "", from: fields[i + 1] ?? "", binary, addedCount });
      i += 2;
    }
  }
  return files;
}

/**
 * Parses `diff-tree -p -U0`: each `+++ b/path`, then each hunk's `+` lines numbered from its
 * `+start`. A renamed file's old name is in the pathspec too: without it git sees no rename and
 * every line of the file as added.
 */
function readAddedLines(root: string, trees: readonly string[], files: readonly CountedFile[]): Map<string, AddedLine[]> {
  const names = files.flatMap((f) => (f.from == null ? [f.path] : [f.path, f.from]));
  const patch = runGitBytes(root, [
    "diff-tree",
    ...DIFF_OPTIONS,
    "-p",
    "-U0",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    ...trees,
    ...pathspec(names),
  ]).toString("utf8");
  const wanted = new Set(files.map((f) => f.path));
  const result = new Map<string, AddedLine[]>();
  let current: AddedLine[] | undefined;
  let next = 0;
  let inHeader = false;
  for (const raw of patch.split("\n")) {
    if (raw.startsWith("diff --git ")) {
      current = undefined;
      inHeader = true;
      continue;
    }
    if (inHeader) {
      if (raw.startsWith("+++ ")) {
        const file = newPath(raw.slice(4));
        current = file != null && wanted.has(file) ? [] : undefined;
        if (current != null && file != null) result.set(file, current);
        inHeader = false;
      }
      continue;
    }
    if (raw.startsWith("@@ ")) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
      next = match == null ? 0 : Number(match[1]);
    } else if (raw.startsWith("+") && current != null && next > 0) {
      current.push({ line: next, hash: hashLine(raw.slice(1).replace(/\r$/, "")) });
      next++;
    }
  }
  return result;
}

/**
 * The path of a `+++ ` header: `b/path`, a tab after it when it holds a space, C-quoted
 * (`"b/say \"hi\".txt"`, control characters as octal bytes) when it holds a quote, a backslash or a
 * control character, whatever core.quotePath says. Null for /dev/null.
 */
function newPath(header: string): string | null {
  const target = header.replace(/\t$/, "");
  const name = target.startsWith('"') && target.endsWith('"') && target.length > 1 ? unquoteC(target.slice(1, -1)) : target;
  return name.startsWith("b/") ? name.slice(2) : null;
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

function unquoteC(body: string): string {
  const parts: Buffer[] = [];
  let last = 0;
  for (const match of body.matchAll(/\\([0-7]{3}|.)/g)) {
    parts.push(Buffer.from(body.slice(last, match.index), "utf8"));
    const escape = match[1]!;
    parts.push(Buffer.from([/^[0-7]{3}$/.test(escape) ? parseInt(escape, 8) : (C_ESCAPES[escape] ?? escape.charCodeAt(0))]));
    last = match.index + match[0].length;
  }
  parts.push(Buffer.from(body.slice(last), "utf8"));
  return Buffer.concat(parts).toString("utf8");
}

/** The text of each `path` as `commit` holds it (null for a missing, binary or larger than `maxBytes` one), in one git call. */
export function readCommittedTexts(root: string, commit: string, paths: readonly string[], maxBytes: number): Map<string, string | null> {
  const objects = readGitObjects(
    root,
    paths.map((p) => `${commit}:${p}`),
  );
  return new Map(
    paths.map((file, i) => {
      const object = objects[i];
      const text =
        object == null || object.type !== "blob" || object.bytes.length > maxBytes || looksBinary(object.bytes)
          ? null
          : object.bytes.toString("utf8");
      return [file, text];
    }),
  );
}
