import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wardenPaths, type WardenPaths } from "../store/warden-paths.js";
import { SessionSource } from "./session-source.js";

let paths: WardenPaths;
beforeEach(() => {
  paths = wardenPaths(fs.mkdtempSync(path.join(os.tmpdir(), "warden-source-")));
  fs.mkdirSync(paths.sessionsDir);
});
afterEach(() => fs.rmSync(paths.root, { recursive: true, force: true }));

const line = (id: number, extra = ""): string =>
  `${JSON.stringify({ type: "stop", id, timestamp: "2026-12-04T10:00:00.000Z", last_assistant_message: extra, stop_hook_active: false })}\n`;
const file = (): string => path.join(paths.sessionsDir, "s1.jsonl");

function readAll(source: SessionSource, limits = { maxRecords: 1000, maxBytes: 1 << 20 }): { ids: number[]; skipped: number; end: number } {
  const ids: number[] = [];
  let skipped = 0;
  let offset = 0;
  for (;;) {
    const batch = source.readBatch(offset, limits);
    ids.push(...batch.records.map((r) => r.id));
    skipped += batch.skippedLines;
    if (batch.endOffset === offset) return { ids, skipped, end: offset };
    offset = batch.endOffset;
  }
}

describe("SessionSource", () => {
  it("reads every record once across batches cut by count", () => {
    fs.writeFileSync(file(), Array.from({ length: 10 }, (_, i) => line(i + 1)).join(""));
    const source = SessionSource.open(paths, "s1");
    expect(source && readAll(source, { maxRecords: 3, maxBytes: 1 << 20 }).ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("reads every record once across batches cut by bytes", () => {
    fs.writeFileSync(file(), Array.from({ length: 10 }, (_, i) => line(i + 1)).join(""));
    const source = SessionSource.open(paths, "s1");
    expect(source && readAll(source, { maxRecords: 1000, maxBytes: 300 }).ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("leaves a last line without its newline for the next read (it may be being written)", () => {
    fs.writeFileSync(file(), `${line(1)}${line(2).trimEnd()}`);
    const source = SessionSource.open(paths, "s1");
    const read = source && readAll(source);
    expect([read?.ids, read?.end]).toEqual([[1], line(1).length]);
  });

  it("ends its whole lines before a torn last line, so a crash mid-write leaves nothing pending", () => {
    fs.writeFileSync(file(), `${line(1)}{"type":"stop","id":2,"tim`);
    expect(SessionSource.open(paths, "s1")?.complete).toBe(line(1).length);
  });

  it("reads a line longer than a batch by itself", () => {
    fs.writeFileSync(file(), `${line(1)}${line(2, "x".repeat(5000))}${line(3)}`);
    const source = SessionSource.open(paths, "s1");
    expect(source && readAll(source, { maxRecords: 1000, maxBytes: 1000 }).ids).toEqual([1, 2, 3]);
  });

  it("passes over and counts lines that are not records", () => {
    fs.writeFileSync(file(), `${line(1)}not json\n{"type":"stop"}\n${line(4)}`);
    const source = SessionSource.open(paths, "s1");
    const read = source && readAll(source);
    expect([read?.ids, read?.skipped]).toEqual([[1, 4], 2]);
  });

  it("reads a session compressed by clean --compress at the offsets of its plain text", () => {
    const text = Array.from({ length: 4 }, (_, i) => line(i + 1)).join("");
    fs.writeFileSync(`${file()}.gz`, gzipSync(text));
    const source = SessionSource.open(paths, "s1");
    const second = source?.readBatch(line(1).length, { maxRecords: 2, maxBytes: 1 << 20 });
    expect(second?.records.map((r) => r.id)).toEqual([2, 3]);
  });

  it("is undefined for a session with no file", () => {
    expect(SessionSource.open(paths, "gone")).toBeUndefined();
  });
});
