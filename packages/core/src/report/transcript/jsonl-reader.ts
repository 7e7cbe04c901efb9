import { open, type FileHandle } from "node:fs/promises";
import { isMissingFile } from "./missing-file.js";

/**
 * Streams the complete lines of a JSONL file from a byte offset, in large chunks split on `\n`
 * without decoding: the caller gets each line as a range of a shared buffer and decodes only what
 * it needs. Memory stays at one chunk plus the longest line. The buffer is reused: a visitor must
 * copy what it keeps.
 */

export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/** Called for each complete line: `buffer[start, end)` without the newline; `nextOffset` is the file offset after it. */
export type LineVisitor = (buffer: Buffer, start: number, end: number, nextOffset: number) => void;

export interface JsonlProgress {
  /** False when the file does not exist (yet). */
  readonly found: boolean;
  /** Offset just past the last complete line; where the next reading starts. */
  readonly offset: number;
  /** Bytes after the last newline, left for the next reading. */
  readonly pendingTailBytes: number;
}

export async function readJsonlLines(
  path: string,
  fromOffset: number,
  visit: LineVisitor,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): Promise<JsonlProgress> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    if (isMissingFile(error)) return { found: false, offset: fromOffset, pendingTailBytes: 0 };
    throw error;
  }
  try {
    return { found: true, ...(await readFrom(handle, fromOffset, visit, chunkBytes)) };
  } finally {
    await handle.close();
  }
}

async function readFrom(
  handle: FileHandle,
  start: number,
  visit: LineVisitor,
  chunkBytes: number,
): Promise<{ offset: number; pendingTailBytes: number }> {
  let buffer: Buffer = Buffer.allocUnsafe(chunkBytes);
  let bufferOffset = start; // file offset of buffer[0]
  let carried = 0; // bytes of an unfinished line at the front of the buffer
  for (;;) {
    if (carried === buffer.length) buffer = grow(buffer, carried);
    const { bytesRead } = await handle.read(buffer, carried, buffer.length - carried, bufferOffset + carried);
    if (bytesRead === 0) break;
    const filled = buffer.subarray(0, carried + bytesRead);
    let lineStart = 0;
    for (let newline = filled.indexOf(0x0a); newline !== -1; newline = filled.indexOf(0x0a, lineStart)) {
      const end = newline > lineStart && filled[newline - 1] === 0x0d ? newline - 1 : newline;
      visit(filled, lineStart, end, bufferOffset + newline + 1);
      lineStart = newline + 1;
    }
    carried = filled.length - lineStart;
    if (lineStart > 0) buffer.copy(buffer, 0, lineStart, filled.length);
    bufferOffset += lineStart;
  }
  return { offset: bufferOffset, pendingTailBytes: carried };
}

function grow(buffer: Buffer, used: number): Buffer {
  const larger = Buffer.allocUnsafe(buffer.length * 2);
  buffer.copy(larger, 0, 0, used);
  return larger;
}
