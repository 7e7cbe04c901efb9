import { hashLine } from "./line-text.js";
import { runGit, runGitBytes } from "./git-run.js";

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
  const pathspec = paths == null ? [] : ["--", ...paths.map((p) => `:(literal)${p}`)];
  const numstat = runGit(root, [
    "diff-tree",
    "-r",
    "--root",
    "-m",
    "--first-parent",
    "-M",
    "--no-commit-id",
    "--numstat",
    "-z",
    commit,
    ...pathspec,
  ]);
  const counted = parseNumstat(numstat);
  const readable = counted.filter((f, i) => !f.binary && f.addedCount > 0 && f.addedCount <= limits.maxAddedLines && i < limits.maxFiles);
  const lines =
    readable.length === 0
      ? new Map<string, AddedLine[]>()
      : readAddedLines(
          root,
          commit,
          readable.map((f) => f.path),
        );
  return counted.map((file) => {
    const added = lines.get(file.path);
    return {
      path: file.path,
      binary: file.binary,
      addedCount: file.addedCount,
      added: added ?? [],
      skipped: file.addedCount > 0 && added == null,
    };
  });
}

interface CountedFile {
  readonly path: string;
  readonly binary: boolean;
  readonly addedCount: number;
}

/** `added\tdeleted\tpath\0`, or for a rename `added\tdeleted\t\0old\0new\0`; binary files count `-`. */
function parseNumstat(output: string): CountedFile[] {
  const fields = output.split("\0");
  const files: CountedFile[] = [];
  for (let i = 0; i < fields.length; i++) {
    const match = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(fields[i]!.replace(/^\n/, ""));
    if (match == null) continue;
    let file = match[3]!;
    if (file === "") {
      i += 2;
      file = fields[i] ?? "";
    }
    files.push({ path: file, binary: match[1] === "-", addedCount: match[1] === "-" ? 0 : Number(match[1]) });
  }
  return files;
}

/** Parses `diff-tree -p -U0`: each `+++ b/path`, then each hunk's `+` lines numbered from its `+start`. */
function readAddedLines(root: string, commit: string, paths: readonly string[]): Map<string, AddedLine[]> {
  const patch = runGitBytes(root, [
    "diff-tree",
    "-r",
    "--root",
    "-m",
    "--first-parent",
    "-M",
    "--no-commit-id",
    "-p",
    "-U0",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    commit,
    "--",
    ...paths.map((p) => `:(literal)${p}`),
  ]).toString("utf8");
  const wanted = new Set(paths);
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
        const target = raw.slice(4).replace(/\t$/, "");
        const file = target.startsWith("b/") ? target.slice(2) : null;
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

/** The text of each `path` as `commit` holds it (null for a missing, binary or larger than `maxBytes` one), in one git call. */
export function readCommittedTexts(root: string, commit: string, paths: readonly string[], maxBytes: number): Map<string, string | null> {
  const result = new Map<string, string | null>();
  if (paths.length === 0) return result;
  const output = runGitBytes(root, ["cat-file", "--batch"], { input: paths.map((p) => `${commit}:${p}\n`).join("") });
  let at = 0;
  for (const file of paths) {
    const headerEnd = output.indexOf(10, at);
    if (headerEnd < 0) break;
    const header = output.subarray(at, headerEnd).toString("utf8");
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (match == null) {
      result.set(file, null);
      at = headerEnd + 1;
      continue;
    }
    const size = Number(match[2]);
    const body = output.subarray(headerEnd + 1, headerEnd + 1 + size);
    result.set(file, match[1] !== "blob" || size > maxBytes || body.subarray(0, 8192).includes(0) ? null : body.toString("utf8"));
    at = headerEnd + 1 + size + 1;
  }
  return result;
}
