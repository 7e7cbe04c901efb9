import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readJsonlLines } from "./jsonl-reader.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "warden-jsonl-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function linesOf(content: string, fromOffset = 0, chunkBytes = 1024) {
  const path = join(dir, "t.jsonl");
  writeFileSync(path, content);
  const lines: Array<[string, number]> = [];
  const progress = await readJsonlLines(
    path,
    fromOffset,
    (buffer, start, end, next) => lines.push([buffer.toString("utf8", start, end), next]),
    chunkBytes,
  );
  return { lines, progress };
}

describe("readJsonlLines", () => {
  it("gives each complete line with the offset after it", async () => {
    const { lines } = await linesOf('{"a":1}\n{"b":2}\n');
    expect(lines).toEqual([
      ['{"a":1}', 8],
      ['{"b":2}', 16],
    ]);
  });

  it("leaves a line without its newline for the next reading", async () => {
    const { lines, progress } = await linesOf('{"a":1}\n{"b":');
    expect([lines.length, progress.offset, progress.pendingTailBytes]).toEqual([1, 8, 5]);
  });

  it("starts at the offset given", async () => {
    const { lines } = await linesOf('{"a":1}\n{"b":2}\n', 8);
    expect(lines).toEqual([['{"b":2}', 16]]);
  });

  it("strips the carriage return of CRLF lines", async () => {
    const { lines } = await linesOf('{"a":1}\r\n');
    expect(lines).toEqual([['{"a":1}', 9]]);
  });

  it("reads lines longer than a chunk and lines that cross chunks", async () => {
    const long = `{"x":"${"é".repeat(3000)}"}`;
    const { lines, progress } = await linesOf(`${long}\n{"b":2}\n${long}\n`, 0, 64);
    expect([lines.map(([text]) => text.length), progress.offset]).toEqual([
      [long.length, 7, long.length],
      Buffer.byteLength(`${long}\n{"b":2}\n${long}\n`),
    ]);
  });

  it("reports a missing file as not found", async () => {
    const progress = await readJsonlLines(join(dir, "nope.jsonl"), 0, () => undefined);
    expect(progress).toEqual({ found: false, offset: 0, pendingTailBytes: 0 });
  });
});
