import fs from "node:fs";
import { isCode } from "../support/file-lock.js";
import { parseRecordLine } from "./session-log.js";
import type { SessionRecord } from "./session-record.js";

/** How much of each end of a session file is read: more than any record but one holding huge values. */
export const EDGE_WINDOW_BYTES = 1024 * 1024;

export interface SessionEdges {
  /** The first well-formed record (normally `init`). */
  readonly first?: SessionRecord;
  /** The last well-formed record (`end` once the session is closed). */
  readonly last?: SessionRecord;
}

/**
 * The first and last records of a plain session file, read from at most `window` bytes at each
 * end: what a listing or a check of the last record needs from a session file of any size, in
 * bounded memory. A record whose line does not fit in the window is not found; neither is one of
 * a missing (or only compressed) file.
 */
export function readSessionEdges(logPath: string, window: number = EDGE_WINDOW_BYTES): SessionEdges {
  let fd: number;
  try {
    fd = fs.openSync(logPath, "r");
  } catch (error) {
    if (isCode(error, "ENOENT")) return {};
    throw error;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const headEnd = Math.min(size, window);
    const tailStart = Math.max(0, size - window);
    // A window that stops inside a line holds only part of it: that piece is dropped, not parsed.
    const head = linesOf(readRange(fd, 0, headEnd)).slice(0, headEnd < size ? -1 : undefined);
    const tail = linesOf(readRange(fd, tailStart, size)).slice(tailStart > 0 ? 1 : 0);
    return { first: firstRecord(head), last: firstRecord(tail.toReversed()) };
  } finally {
    fs.closeSync(fd);
  }
}

function readRange(fd: number, start: number, end: number): string {
  const buffer = Buffer.alloc(end - start);
  let length = 0;
  for (let n = 1; n > 0 && length < buffer.length; length += n) n = fs.readSync(fd, buffer, length, buffer.length - length, start + length);
  return buffer.subarray(0, length).toString("utf8");
}

const linesOf = (text: string): string[] => text.split("\n");

/** The first line in `lines` that is a record; blank, torn and corrupt lines are passed over. */
function firstRecord(lines: readonly string[]): SessionRecord | undefined {
  for (const line of lines) {
    const record = line.trim() === "" ? undefined : parseRecordLine(line);
    if (record) return record;
  }
  return undefined;
}
