import fs from "node:fs";
import path from "node:path";
import * as z from "zod/mini";
import { lazySchema } from "../support/lazy-schema.js";
import { carryOrigins, type LineOrigin } from "./line-origins.js";
import { hashLines, looksBinary } from "./line-text.js";
import { dropLedger, readLedger, writeLedger, type LineAuthor } from "./line-ledger.js";

/** Tools whose successful call leaves a file written by the model. */
const WRITING_TOOLS = new Set(["Write", "Edit", "MultiEdit", "NotebookEdit"]);

/** Past this size a file's lines are not followed: its lines are of unknown origin. */
export const MAX_TRACKED_FILE_BYTES = 4 * 1024 * 1024;

const targetSchema = lazySchema(() =>
  z.looseObject({ file_path: z.optional(z.string().check(z.minLength(1))), notebook_path: z.optional(z.string().check(z.minLength(1))) }),
);

const hunkSchema = lazySchema(() => z.looseObject({ newStart: z.number(), newLines: z.number(), lines: z.array(z.string()) }));

/** What Write, Edit and NotebookEdit answer (2.1.197): the file before the call, or the patch it applied. */
const writeResponseSchema = lazySchema(() =>
  z.looseObject({
    type: z.optional(z.string()),
    originalFile: z.optional(z.nullable(z.string())),
    original_file: z.optional(z.nullable(z.string())),
    structuredPatch: z.optional(z.array(hunkSchema())),
  }),
);

export interface AiWrite {
  readonly file: string;
  readonly author: LineAuthor;
  readonly toolResponse: unknown;
}

/** The file a completed tool call wrote, when it is one of the writing tools; relative paths resolve against `cwd`. */
export function writtenFile(toolName: string, toolInput: unknown, cwd: string): string | undefined {
  if (!WRITING_TOOLS.has(toolName)) return undefined;
  const parsed = targetSchema().safeParse(toolInput);
  const target = parsed.success ? (parsed.data.file_path ?? parsed.data.notebook_path) : undefined;
  return target == null ? undefined : path.resolve(cwd, target);
}

/**
 * Carries the file's lines through a write the model just made: first what changed since the last
 * write Warden saw (a person's edits, known from the file as the tool found it), then the write
 * itself, whose new lines are the model's.
 */
export function recordAiWrite(wardenRoot: string, write: AiWrite, now: Date): void {
  const after = readTrackedText(write.file);
  const before = after == null ? null : textBefore(write.toolResponse, after);
  carryWrite(wardenRoot, write.file, before == null ? null : hashLines(before), write.author, now);
}

/**
 * Carries a file's ledger through one write by `author`: from the ledger to the file as the write
 * found it (`before`, hashed; null when unknown), then to the file on disk now, whose new lines
 * are the author's.
 */
export function carryWrite(wardenRoot: string, file: string, before: readonly string[] | null, author: LineAuthor, now: Date): void {
  const after = readTrackedText(file);
  if (after == null) {
    dropLedger(wardenRoot, file);
    return;
  }
  const afterHashes = hashLines(after);
  const ledger = readLedger(wardenRoot, file);
  const authors = [...(ledger?.authors ?? []), author];
  let base: LineOrigin[];
  if (before == null) base = ledger == null ? afterHashes.map((hash) => ({ hash, origin: "unknown" })) : [...ledger.lines];
  else base = ledger == null ? before.map((hash) => ({ hash, origin: "unknown" })) : carryOrigins(ledger.lines, before);
  writeLedger(wardenRoot, file, authors, carryOrigins(base, afterHashes, { author: authors.length - 1 }), now);
}

/** The file before the call: as the tool reported it, rebuilt from the patch it applied, or unknown (null). */
export function textBefore(toolResponse: unknown, after: string): string | null {
  const parsed = writeResponseSchema().safeParse(toolResponse);
  if (!parsed.success) return null;
  const response = parsed.data;
  if (response.type === "create") return "";
  const original = response.originalFile ?? response.original_file;
  if (original != null) return original;
  return response.structuredPatch == null ? null : reversePatch(after, response.structuredPatch);
}

/**
 * Undoes a unified patch's hunks on the new text: each hunk's new lines give way to its context and
 * removed lines. Hunks are jsdiff's (Claude Code's): a hunk of no new lines starts where the line
 * after it is, unlike `@@ -a,b +c,0 @@` in a diff's text. A hunk whose new lines are not in the
 * file as it is now (another hook, a formatter, changed it since) gives no answer: undone anyway it
 * would misplace lines.
 */
function reversePatch(after: string, hunks: readonly z.infer<ReturnType<typeof hunkSchema>>[]): string | null {
  const lines = after.split("\n");
  for (const hunk of hunks.toSorted((a, b) => b.newStart - a.newStart)) {
    const old = hunk.lines.filter((l) => l.startsWith(" ") || l.startsWith("-")).map((l) => l.slice(1));
    const added = hunk.lines.filter((l) => l.startsWith(" ") || l.startsWith("+")).map((l) => l.slice(1));
    const start = Math.max(0, hunk.newStart - 1);
    if (added.length !== hunk.newLines || start + hunk.newLines > lines.length) return null;
    if (added.some((line, i) => withoutCr(line) !== withoutCr(lines[start + i]!))) return null;
    lines.splice(start, hunk.newLines, ...old);
  }
  return lines.join("\n");
}

const withoutCr = (line: string) => (line.endsWith("\r") ? line.slice(0, -1) : line);

/** A text file's content, or null when it is gone, too large or binary (a NUL in its first 8 KiB). */
export function readTrackedText(file: string): string | null {
  let buffer: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_TRACKED_FILE_BYTES) return null;
    buffer = fs.readFileSync(file);
  } catch {
    return null;
  }
  if (looksBinary(buffer)) return null;
  return buffer.toString("utf8");
}
