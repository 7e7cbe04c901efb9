import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as z from "zod/mini";
import { lazySchema } from "../support/lazy-schema.js";
import { ensureContainedDir } from "../store/contained-path.js";
import { readSmallJson, writeFileAtomic } from "../store/session-store.js";
import type { LineOrigin, Origin } from "./line-origins.js";

/**
 * The line ledger: for each file an AI tool wrote in this project, the file's lines (hashed) as of
 * the last write Warden saw, each with its origin and, for AI lines, which write produced it. A
 * commit is attributed by comparing what it holds with this; no text is kept, only hashes.
 */

/** Who wrote AI lines: the session, the tool call and the prompt behind it. */
export const lineAuthorSchema = lazySchema(() =>
  z.object({
    session_id: z.string(),
    tool_use_id: z.nullable(z.string()),
    prompt_id: z.nullable(z.string()),
    agent_id: z.nullable(z.string()),
    tool_name: z.string(),
    at: z.string(),
  }),
);
export type LineAuthor = z.infer<ReturnType<typeof lineAuthorSchema>>;

const ledgerSchema = lazySchema(() =>
  z.object({
    path: z.string(),
    updated_at: z.string(),
    authors: z.array(lineAuthorSchema()),
    /** One entry a line: `hash`, `hash:h`, `hash:u`, `hash:a:N` or `hash:m:N` (N indexes authors). */
    lines: z.array(z.string()),
  }),
);

export interface FileLedger {
  readonly path: string;
  readonly authors: readonly LineAuthor[];
  readonly lines: readonly LineOrigin[];
}

const ORIGIN_CODES: Record<Origin, string> = { ai: "a", human: "h", mixed: "m", unknown: "u" };
const CODE_ORIGINS: Record<string, Origin> = { a: "ai", h: "human", m: "mixed", u: "unknown" };

export function ledgerDir(wardenRoot: string): string {
  return path.join(wardenRoot, "provenance", "lines");
}

/** The ledger's file for a source file: named by a hash of its absolute path, never by the path itself. */
function ledgerFile(wardenRoot: string, file: string): string {
  const key = createHash("sha256").update(canonicalPath(file)).digest("hex").slice(0, 40);
  return path.join(ledgerDir(wardenRoot), `${key}.json`);
}

/** The path as the ledger keys it: its folder's real path, so a linked project folder is one project. */
export function canonicalPath(file: string): string {
  const absolute = path.resolve(file);
  try {
    return path.join(fs.realpathSync(path.dirname(absolute)), path.basename(absolute));
  } catch {
    return absolute;
  }
}

export function readLedger(wardenRoot: string, file: string): FileLedger | undefined {
  const stored = readSmallJson(ledgerFile(wardenRoot, file), ledgerSchema());
  if (stored == null || stored.path !== canonicalPath(file)) return undefined;
  const lines: LineOrigin[] = [];
  for (const entry of stored.lines) {
    const [hash = "", code = "u", author] = entry.split(":");
    const origin = CODE_ORIGINS[code] ?? "unknown";
    const index = author == null ? undefined : Number(author);
    lines.push(
      index != null && Number.isInteger(index) && stored.authors[index] != null ? { hash, origin, author: index } : { hash, origin },
    );
  }
  return { path: stored.path, authors: stored.authors, lines };
}

/** Saves a file's lines, keeping only the authors some line still names. */
export function writeLedger(
  wardenRoot: string,
  file: string,
  authors: readonly LineAuthor[],
  lines: readonly LineOrigin[],
  now: Date,
): void {
  const kept = new Map<number, number>();
  const keptAuthors: LineAuthor[] = [];
  const encoded = lines.map((line) => {
    let entry = `${line.hash}:${ORIGIN_CODES[line.origin]}`;
    if (line.author != null && authors[line.author] != null) {
      let index = kept.get(line.author);
      if (index == null) {
        index = keptAuthors.push(authors[line.author]!) - 1;
        kept.set(line.author, index);
      }
      entry += `:${index}`;
    }
    return entry;
  });
  const target = ledgerFile(wardenRoot, file);
  ensureContainedDir(wardenRoot, path.dirname(target));
  writeFileAtomic(
    target,
    JSON.stringify({ path: canonicalPath(file), updated_at: now.toISOString(), authors: keptAuthors, lines: encoded } satisfies z.infer<
      ReturnType<typeof ledgerSchema>
    >),
  );
}

/** Forgets a file (too large or no longer text): its lines are then of unknown origin. */
export function dropLedger(wardenRoot: string, file: string): void {
  fs.rmSync(ledgerFile(wardenRoot, file), { force: true });
}
