import fs from "node:fs";
import path from "node:path";
import { isCode, withFileLock, type LockOptions } from "../support/file-lock.js";
import { loadBuiltin } from "../support/lazy-builtin.js";
import { sessionRecordSchema, type RecordDraft, type SessionRecord } from "./session-record.js";
import { APPEND_FLAGS, FILE_MODE, REPLACE_FLAGS } from "../support/private-file-flags.js";
import { redactValue } from "./redact-secrets.js";
import { writeAll } from "../support/write-all.js";

/**
 * The per-session JSONL file. Appends take the session's lock, find the last id at the file's
 * tail, and write the new line with one `write` call, so concurrent hook processes yield ids
 * 1..N with no gap and no duplicate and never interleave partial lines.
 */

const TAIL_CHUNK = 64 * 1024;

/** Chooses what to write once the last id is known: lastId 0 means the file holds no record yet. */
export type ComposeRecords = (lastId: number) => readonly RecordDraft[];

/**
 * Appends the records `compose` returns, numbering them after the last id in the file. Deciding
 * under the lock is what lets racing hooks agree on which of them opens the session.
 */
export function appendSessionRecords(
  logPath: string,
  compose: ComposeRecords,
  now: () => Date = () => new Date(),
  options: { readonly lock?: LockOptions; readonly redact?: boolean } = {},
): SessionRecord[] {
  fs.mkdirSync(path.dirname(logPath), { recursive: true });
  return withFileLock(
    `${logPath}.lock`,
    () => {
      restoreCompressed(logPath);
      const fd = fs.openSync(logPath, APPEND_FLAGS, FILE_MODE);
      try {
        const tail = readTail(fd);
        const placed = compose(tail.lastId).map((d, i) => placeRecord(d, tail.lastId + 1 + i, now));
        const records = options.redact === false ? placed : placed.map(redactValue);
        const text = records.map((r) => `${JSON.stringify(r)}\n`).join("");
        writeAll(fd, `${tail.endsWithNewline ? "" : "\n"}${text}`);
        return records;
      } finally {
        fs.closeSync(fd);
      }
    },
    options.lock,
  );
}

/** A session compressed by `warden clean --compress` and then resumed continues in its plain file. */
function restoreCompressed(logPath: string): void {
  if (fs.existsSync(logPath) || !fs.existsSync(`${logPath}.gz`)) return;
  const text = readMaybeGzipped(logPath) ?? "";
  const fd = fs.openSync(logPath, REPLACE_FLAGS, FILE_MODE);
  try {
    writeAll(fd, text);
  } finally {
    fs.closeSync(fd);
  }
  fs.rmSync(`${logPath}.gz`, { force: true });
}

function placeRecord(draft: RecordDraft, id: number, now: () => Date): SessionRecord {
  const { timestamp, ...rest } = draft;
  // `type` and `id` lead every line so a reader of the tail finds them without parsing the rest.
  return { type: draft.type, id, timestamp: timestamp ?? now().toISOString(), ...rest } as SessionRecord;
}

interface Tail {
  readonly lastId: number;
  readonly endsWithNewline: boolean;
}

/**
 * Reads backwards from the end until a complete, well-formed line gives the last id. Newlines are
 * found in raw bytes and each line is read once, by itself: a long torn or garbage line costs one
 * pass over its bytes, not a re-read per chunk (which made every append quadratic in its length).
 */
function readTail(fd: number): Tail {
  const size = fs.fstatSync(fd).size;
  if (size === 0) return { lastId: 0, endsWithNewline: true };
  const chunk = Buffer.alloc(TAIL_CHUNK);
  let endsWithNewline: boolean | undefined;
  /** Where the line being looked for ends (exclusive); the file's last line may lack its newline. */
  let lineEnd = size;
  for (let end = size; end > 0;) {
    const start = Math.max(0, end - TAIL_CHUNK);
    const length = end - start;
    fs.readSync(fd, chunk, 0, length, start);
    endsWithNewline ??= chunk[length - 1] === 0x0a;
    for (let k = length - 1; k >= -1; k--) {
      if (k >= 0 && chunk[k] !== 0x0a) continue;
      if (k < 0 && start > 0) break;
      const lineStart = start + k + 1;
      const id = idAt(fd, lineStart, lineEnd);
      if (id != null) return { lastId: id, endsWithNewline };
      lineEnd = start + k;
    }
    end = start;
  }
  return { lastId: 0, endsWithNewline: endsWithNewline ?? true };
}

/** The id of the line between two offsets, if it is a well-formed record line of a sane length. */
function idAt(fd: number, start: number, end: number): number | undefined {
  const length = end - start;
  if (length <= 0 || length > MAX_LINE_BYTES) return undefined;
  const line = Buffer.alloc(length);
  fs.readSync(fd, line, 0, length, start);
  return line[0] === 0x7b ? idOf(line.toString("utf8")) : undefined;
}

function idOf(line: string): number | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed != null && typeof parsed === "object" && "id" in parsed && Number.isInteger(parsed.id)) {
      return Number(parsed.id);
    }
  } catch {
    // A torn or corrupt line holds no usable id; keep looking further back.
  }
  return undefined;
}

export interface SessionLog {
  readonly records: SessionRecord[];
  /** Lines that were not JSON or did not match a record schema; skipped, never fatal. */
  readonly skippedLines: number;
}

/** Parses a session file's text; corrupt, partial and unknown lines are skipped and counted. */
export function parseSessionLog(text: string): SessionLog {
  const records: SessionRecord[] = [];
  let skippedLines = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const record = parseRecordLine(line);
    if (record) records.push(record);
    else skippedLines++;
  }
  return { records, skippedLines };
}

/** One line's record; undefined for a line that is not JSON or not a record. */
export function parseRecordLine(line: string): SessionRecord | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = sessionRecordSchema().safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** No record line is this long (values are bounded when recorded): a longer one is skipped, not held. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

/**
 * Reads a session file, or its gzipped form left by `warden clean --compress`; missing means
 * empty. A plain file is read in chunks, line by line: a session file of any size never becomes
 * one string (V8 refuses strings over ~512 MB, which broke every command for the project).
 */
export function readSessionLog(logPath: string): SessionLog {
  let fd: number;
  try {
    fd = fs.openSync(logPath, "r");
  } catch (error) {
    if (!isCode(error, "ENOENT")) throw error;
    const text = readMaybeGzipped(logPath);
    return text == null ? { records: [], skippedLines: 0 } : parseSessionLog(text);
  }
  const records: SessionRecord[] = [];
  let skippedLines = 0;
  const take = (line: Buffer | undefined): void => {
    if (line == null) {
      skippedLines++;
      return;
    }
    const text = line.toString("utf8");
    if (text.trim() === "") return;
    const record = parseRecordLine(text);
    if (record) records.push(record);
    else skippedLines++;
  };
  try {
    forEachLine(fd, take);
  } finally {
    fs.closeSync(fd);
  }
  return { records, skippedLines };
}

/** Calls `take` with each line's bytes, or undefined for a line longer than MAX_LINE_BYTES. */
function forEachLine(fd: number, take: (line: Buffer | undefined) => void): void {
  const buffer = Buffer.alloc(4 * 1024 * 1024);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let oversized = false;
  for (let n = fs.readSync(fd, buffer, 0, buffer.length, null); n > 0; n = fs.readSync(fd, buffer, 0, buffer.length, null)) {
    let start = 0;
    for (let newline = buffer.indexOf(0x0a, start); newline !== -1 && newline < n; newline = buffer.indexOf(0x0a, start)) {
      take(oversized ? undefined : Buffer.concat([...pending, buffer.subarray(start, newline)]));
      [pending, pendingBytes, oversized, start] = [[], 0, false, newline + 1];
    }
    if (oversized) continue;
    pendingBytes += n - start;
    if (pendingBytes > MAX_LINE_BYTES) [pending, oversized] = [[], true];
    else pending.push(Buffer.from(buffer.subarray(start, n)));
  }
  if (oversized || pendingBytes > 0) take(oversized ? undefined : Buffer.concat(pending));
}

/** The text of `file`, else of `file.gz`, else undefined. */
export function readMaybeGzipped(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    if (!isCode(error, "ENOENT")) throw error;
  }
  try {
    const zipped = fs.readFileSync(`${file}.gz`);
    // zlib is loaded only here: hook processes rarely read compressed sessions.
    const { gunzipSync } = loadBuiltin<typeof import("node:zlib")>("node:zlib");
    return gunzipSync(zipped).toString("utf8");
  } catch (error) {
    if (isCode(error, "ENOENT")) return undefined;
    throw error;
  }
}
