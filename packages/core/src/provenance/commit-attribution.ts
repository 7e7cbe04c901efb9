import type { FileChange } from "./commit-diff.js";
import type { FileLedger, LineAuthor } from "./line-ledger.js";
import { carryOrigins, type LineOrigin, type Origin } from "./line-origins.js";

/** One line a commit added, with who wrote it. `author` indexes the attribution's authors. */
export interface AttributedLine {
  readonly line: number;
  readonly hash: string;
  readonly origin: Origin;
  readonly author?: number;
}

export interface FileAttribution {
  readonly path: string;
  readonly binary: boolean;
  /** Lines not read (binary or past the limits): counted in addedCount, absent from lines. */
  readonly skipped: boolean;
  readonly addedCount: number;
  readonly lines: readonly AttributedLine[];
}

export interface CommitAttribution {
  readonly files: readonly FileAttribution[];
  readonly authors: readonly LineAuthor[];
}

export interface OriginCounts {
  ai: number;
  mixed: number;
  human: number;
  unknown: number;
}

/**
 * Who wrote each line a commit added. A file the model wrote (it has a ledger) is compared with
 * the commit's version of it: lines still as the model left them are `ai`, lines a person changed
 * since are `human` (or `mixed` where they replace the model's line). A file Warden saw no tool
 * write is `unknown`: a person, a formatter or a script could have made it.
 */
export function attributeCommit(
  changes: readonly FileChange[],
  ledgers: ReadonlyMap<string, FileLedger>,
  committed: ReadonlyMap<string, readonly string[] | null>,
): CommitAttribution {
  const authors: LineAuthor[] = [];
  const authorIndex = new Map<string, number>();
  const globalAuthor = (ledger: FileLedger, index: number | undefined): number | undefined => {
    const author = index == null ? undefined : ledger.authors[index];
    if (author == null) return undefined;
    const key = `${author.session_id}\0${author.tool_use_id ?? author.at}`;
    let found = authorIndex.get(key);
    if (found == null) {
      found = authors.push(author) - 1;
      authorIndex.set(key, found);
    }
    return found;
  };
  const files = changes.map((change): FileAttribution => {
    const ledger = ledgers.get(change.path);
    const hashes = committed.get(change.path);
    const origins = ledger != null && hashes != null ? carryOrigins(ledger.lines, hashes) : undefined;
    const lines = change.added.map((added): AttributedLine => {
      const known = origins?.[added.line - 1];
      if (ledger == null || known == null || known.hash !== added.hash) return { line: added.line, hash: added.hash, origin: "unknown" };
      const author = globalAuthor(ledger, known.author);
      return author == null
        ? { line: added.line, hash: added.hash, origin: known.origin }
        : { line: added.line, hash: added.hash, origin: known.origin, author };
    });
    return { path: change.path, binary: change.binary, skipped: change.skipped, addedCount: change.addedCount, lines };
  });
  return { files, authors };
}

/**
 * Lines of a rewritten commit (amended, rebased: git copied its note) given the attribution the note
 * holds for the original: lines still the same keep their origin, lines the rewrite added are the
 * person's (`mixed` where they replace the model's).
 */
export function remapLines(noted: readonly AttributedLine[], current: readonly { line: number; hash: string }[]): AttributedLine[] {
  const carried = carryOrigins(
    noted.map((l): LineOrigin =>
      l.author == null ? { hash: l.hash, origin: l.origin } : { hash: l.hash, origin: l.origin, author: l.author },
    ),
    current.map((l) => l.hash),
  );
  return current.map((l, i) => {
    const origin = carried[i]!;
    return origin.author == null
      ? { line: l.line, hash: l.hash, origin: origin.origin }
      : { line: l.line, hash: l.hash, origin: origin.origin, author: origin.author };
  });
}

/** Added lines by origin, with how many were added (lines not read count as unknown). */
export interface LineCounts extends OriginCounts {
  added: number;
}

export function countOrigins(file: Pick<FileAttribution, "addedCount" | "lines">): OriginCounts {
  const counts: OriginCounts = { ai: 0, mixed: 0, human: 0, unknown: file.addedCount - file.lines.length };
  for (const line of file.lines) counts[line.origin]++;
  return counts;
}

export function sumCounts(all: readonly OriginCounts[]): OriginCounts {
  return all.reduce(
    (sum, c) => ({ ai: sum.ai + c.ai, mixed: sum.mixed + c.mixed, human: sum.human + c.human, unknown: sum.unknown + c.unknown }),
    {
      ai: 0,
      mixed: 0,
      human: 0,
      unknown: 0,
    },
  );
}

/** Files' (or commits') added lines summed, by origin. */
export function sumLines(all: readonly LineCounts[]): LineCounts {
  return { added: all.reduce((n, c) => n + c.added, 0), ...sumCounts(all) };
}

/** The model's share of the added lines, 0 to 1 (mixed lines counted apart); null when none were added. */
export function aiShare(lines: { readonly added: number; readonly ai: number }): number | null {
  return lines.added > 0 ? lines.ai / lines.added : null;
}
