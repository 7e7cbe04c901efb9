import { remapLines, type AttributedLine } from "./commit-attribution.js";
import { DEFAULT_COMMIT_LIMITS, readCommitChanges } from "./commit-diff.js";
import { notedLines, type NoteAuthor, type TraceNote } from "./trace-note.js";

/** What the notes on one commit say about one of its files, read for the commit as it is now. */
export interface NotedFile {
  readonly lines: readonly AttributedLine[];
  readonly authors: readonly NoteAuthor[];
  /** The commit the note was written for, when git copied it here from a rewritten one. */
  readonly rewrittenFrom: string | null;
}

/**
 * The attributed lines of `file` in `commit` from the notes on it. A note written for this very
 * commit is read as it is; a note git carried here from an amended or rebased commit (or several,
 * joined by a squash) is re-read against this commit's own diff: lines still the same keep their
 * origin, lines the rewrite brought are the person's who rewrote it.
 */
export function notedFile(root: string, commit: string, file: string, notes: readonly TraceNote[]): NotedFile | undefined {
  const authors: NoteAuthor[] = [];
  const lines: AttributedLine[] = [];
  let own = notes.length === 1;
  for (const note of notes) {
    const warden = note.metadata.warden;
    own &&= warden.commit === commit;
    const offset = authors.length;
    authors.push(...warden.authors);
    const noted = notedLines(warden, file);
    if (noted != null) lines.push(...noted.map((l) => (l.author == null ? l : { ...l, author: l.author + offset })));
  }
  if (lines.length === 0 && !notes.some((n) => n.metadata.warden.files.some((f) => f.path === file))) return undefined;
  if (own) return { lines, authors, rewrittenFrom: null };
  const current = readCommitChanges(root, commit, DEFAULT_COMMIT_LIMITS, [file]).find((f) => f.path === file);
  return { lines: remapLines(lines, current?.added ?? []), authors, rewrittenFrom: notes[0]?.metadata.warden.commit ?? null };
}
