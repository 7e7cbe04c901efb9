import fs from "node:fs";
import { isCode } from "../support/file-lock.js";
import { loadBuiltin } from "../support/lazy-builtin.js";

/**
 * How long a hook waits for the rest of a payload it has started to receive. Claude Code writes
 * the payload at once on start; a stdin still short of a whole payload this long after is not
 * going to complete, and Claude Code discards a hook that overruns its timeout (10 s as Warden
 * wires it), decision included.
 */
export const STDIN_DEADLINE_MS = 3_000;

const CHUNK_BYTES = 256 * 1024;

/** What a hook got on stdin. */
export interface StdinInput {
  readonly text: string;
  /** The parsed payload, when reading already parsed it to see that it was whole. */
  readonly json?: unknown;
  /** Set when the deadline passed before a whole payload (or the end of stdin) came: `text` is what had. */
  readonly cutOffAfterMs?: number;
}

/**
 * Reads stdin until it holds one whole JSON value (Claude Code may never close it), it ends, or the
 * deadline passes. The first read is synchronous, through the file descriptor: the payload is
 * nearly always there whole by then, and a socket stream costs a short-lived hook about 3 ms.
 * Only the rest of a payload that did not come at once is streamed, so the deadline can end it.
 * A stdin that never brings a first byte waits for Claude Code's timeout: there is nothing to decide.
 */
export function readStdin(deadlineMs: number): Promise<StdinInput> {
  const fd = 0;
  const chunks: Buffer[] = [];
  const regularFile = fs.fstatSync(fd).isFile();
  try {
    for (let n = readChunk(fd, chunks); n > 0; n = readChunk(fd, chunks)) {
      const whole = wholeJson(chunks);
      if (whole !== undefined) return Promise.resolve({ text: textOf(chunks), json: whole.value });
      // A file cannot leave a read waiting; anything else is streamed from here, under the deadline.
      if (!regularFile) return streamRest(fd, chunks, deadlineMs);
    }
  } catch (error) {
    // A non-blocking stdin (some terminals and pipes) cannot be read synchronously.
    if (!isCode(error, "EAGAIN")) throw error;
    return streamRest(fd, chunks, deadlineMs);
  }
  return Promise.resolve({ text: textOf(chunks) });
}

function readChunk(fd: number, chunks: Buffer[]): number {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const n = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null);
  if (n > 0) chunks.push(buffer.subarray(0, n));
  return n;
}

function streamRest(fd: number, chunks: Buffer[], deadlineMs: number): Promise<StdinInput> {
  return new Promise((resolve, reject) => {
    const stream = openStream(fd);
    const settle = (outcome: StdinInput | Error): void => {
      clearTimeout(timer);
      stream.removeAllListeners("data");
      // Destroying the stream (unlike a pending fs.read) lets the process end with stdin still open.
      stream.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(() => settle({ text: textOf(chunks), cutOffAfterMs: deadlineMs }), deadlineMs);
    stream.on("data", (chunk: Buffer | string) => {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      const whole = wholeJson(chunks);
      if (whole !== undefined) settle({ text: textOf(chunks), json: whole.value });
    });
    stream.on("end", () => settle({ text: textOf(chunks) }));
    stream.on("error", settle);
  });
}

function openStream(fd: number): NodeJS.ReadableStream & { destroy(): void } {
  try {
    return new (loadBuiltin<typeof import("node:net")>("node:net").Socket)({ fd, readable: true, writable: false });
  } catch {
    return process.stdin;
  }
}

const textOf = (chunks: readonly Buffer[]): string => Buffer.concat(chunks).toString("utf8");

/** The value of the bytes read so far when they are one whole JSON value (asked only when they end in "}"). */
export function wholeJson(chunks: readonly Buffer[]): { readonly value: unknown } | undefined {
  const last = chunks.at(-1);
  if (last == null) return undefined;
  let end = last.length - 1;
  while (end >= 0 && (last[end] === 0x0a || last[end] === 0x0d || last[end] === 0x20 || last[end] === 0x09)) end--;
  if (end < 0 || last[end] !== 0x7d) return undefined;
  try {
    return { value: JSON.parse(textOf(chunks)) };
  } catch {
    return undefined;
  }
}
