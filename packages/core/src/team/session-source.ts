import fs from "node:fs";
import { gunzipSync } from "node:zlib";
import { isCode } from "../support/file-lock.js";
import { parseRecordLine } from "../store/session-log.js";
import type { SessionRecord } from "../store/session-record.js";
import { sessionLogPath, type WardenPaths } from "../store/warden-paths.js";

/** Records read from a session file past an offset, whole lines only. */
export interface RecordBatch {
  readonly records: SessionRecord[];
  /** Lines that were not records (torn, corrupt, too long): passed over, never fatal. */
  readonly skippedLines: number;
  /** Just past the last line consumed: where the next batch starts. */
  readonly endOffset: number;
}

export interface BatchLimits {
  readonly maxRecords: number;
  readonly maxBytes: number;
}

/** No record line is this long (values are bounded when recorded): a longer one is passed over. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

/**
 * A session file read forward from a byte offset in bounded batches, plain or gzipped by `warden
 * clean --compress` (offsets count uncompressed bytes, so a cursor stays valid across compression).
 * A last line without its newline may still be being written: it is left for the next read.
 */
export class SessionSource {
  private constructor(
    private readonly fd: number | undefined,
    private readonly inflated: Buffer | undefined,
    /**
     * Where its whole lines ended when it was opened (just past the last newline): records
     * appended later wait for the next sync, and a last line without its newline (being written,
     * or torn by a crash) is no record to ship.
     */
    readonly complete: number,
  ) {}

  /** Undefined when the session has no file (deleted since it was listed). */
  static open(paths: WardenPaths, sessionId: string): SessionSource | undefined {
    const plain = sessionLogPath(paths, sessionId);
    try {
      const fd = fs.openSync(plain, "r");
      return new SessionSource(fd, undefined, completeLength(fd, fs.fstatSync(fd).size));
    } catch (error) {
      if (!isCode(error, "ENOENT")) throw error;
    }
    try {
      const inflated = gunzipSync(fs.readFileSync(`${plain}.gz`));
      return new SessionSource(undefined, inflated, inflated.lastIndexOf(10) + 1);
    } catch (error) {
      if (isCode(error, "ENOENT")) return undefined;
      throw error;
    }
  }

  close(): void {
    if (this.fd != null) fs.closeSync(this.fd);
  }

  readBatch(offset: number, limits: BatchLimits): RecordBatch {
    const records: SessionRecord[] = [];
    let skippedLines = 0;
    let position = offset;
    while (records.length < limits.maxRecords && position < this.complete) {
      const want = Math.min(this.complete - position, Math.max(limits.maxBytes - (position - offset), 0));
      if (want === 0) break;
      const chunk = this.read(position, want);
      let start = 0;
      for (let nl = chunk.indexOf(10); nl !== -1 && records.length < limits.maxRecords; nl = chunk.indexOf(10, start)) {
        const line = chunk.toString("utf8", start, nl);
        start = nl + 1;
        if (line.trim() === "") continue;
        const record = parseRecordLine(line);
        if (record) records.push(record);
        else skippedLines++;
      }
      if (start > 0) {
        position += start;
        continue;
      }
      // Not one whole line in the chunk: either the batch is full, or one line is longer than a batch.
      if (position > offset) break;
      const end = this.lineEnd(position);
      if (end === undefined) break; // the unfinished last line
      if (end - position > MAX_LINE_BYTES) skippedLines++;
      else {
        const record = parseRecordLine(this.read(position, end - position).toString("utf8"));
        if (record) records.push(record);
        else skippedLines++;
      }
      position = end + 1;
    }
    return { records, skippedLines, endOffset: position };
  }

  private read(position: number, length: number): Buffer {
    if (this.inflated != null) return this.inflated.subarray(position, position + length);
    const buffer = Buffer.alloc(length);
    const got = fs.readSync(this.fd ?? -1, buffer, 0, length, position);
    return buffer.subarray(0, got);
  }

  /** The offset of the newline ending the line at `position`; undefined when the file ends first. */
  private lineEnd(position: number): number | undefined {
    const step = 1024 * 1024;
    for (let at = position; at < this.complete; at += step) {
      const chunk = this.read(at, Math.min(step, this.complete - at));
      const nl = chunk.indexOf(10);
      if (nl !== -1) return at + nl;
    }
    return undefined;
  }
}

/** Just past the file's last newline (0 when it has none), read backwards from its end. */
export function completeLength(fd: number, size: number): number {
  const step = 64 * 1024;
  const buffer = Buffer.alloc(step);
  for (let end = size; end > 0; end -= step) {
    const start = Math.max(0, end - step);
    const got = fs.readSync(fd, buffer, 0, end - start, start);
    const nl = buffer.subarray(0, got).lastIndexOf(10);
    if (nl !== -1) return start + nl + 1;
  }
  return 0;
}
