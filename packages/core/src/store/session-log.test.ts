import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendSessionRecords, parseSessionLog, readSessionLog } from "./session-log.js";
import type { RecordDraft } from "./session-record.js";

let dir: string;
let log: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-log-"));
  log = path.join(dir, "sessions", "s1.jsonl");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const stop: RecordDraft = { type: "stop", last_assistant_message: "done", stop_hook_active: false };
const compose = (lastId: number): RecordDraft[] => (lastId === 0 ? [init, stop] : [stop]);
const init: RecordDraft = {
  type: "init",
  session_id: "s1",
  source: "startup",
  cwd: "/p",
  project_dir: "/p",
  transcript_path: null,
  git: null,
  platform: "linux-x64",
  warden_version: "0.0.0",
};

describe("appendSessionRecords", () => {
  it("numbers records 1..N in append order", () => {
    for (let i = 0; i < 5; i++) appendSessionRecords(log, () => [stop]);
    expect(readSessionLog(log).records.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it("tells the composer the file is new, so only the first appender writes init", () => {
    appendSessionRecords(log, compose);
    appendSessionRecords(log, compose);
    expect(readSessionLog(log).records.map((r) => r.type)).toEqual(["init", "stop", "stop"]);
  });

  it("puts type and id first on every line", () => {
    appendSessionRecords(log, () => [stop]);
    expect(fs.readFileSync(log, "utf8")).toMatch(/^\{"type":"stop","id":1,"timestamp":"/);
  });

  it("continues after a torn last line on a fresh line, with the next unused id", () => {
    appendSessionRecords(log, () => [stop]);
    fs.appendFileSync(log, '{"type":"stop","id":2,"timest');
    appendSessionRecords(log, () => [stop]);
    const parsed = readSessionLog(log);
    expect(parsed.records.map((r) => r.id)).toEqual([1, 2]);
    expect(parsed.skippedLines).toBe(1);
  });

  it("finds the last id behind a line longer than the tail chunk", () => {
    appendSessionRecords(log, () => [{ ...stop, last_assistant_message: "x".repeat(200_000) }]);
    appendSessionRecords(log, () => [stop]);
    expect(readSessionLog(log).records.map((r) => r.id)).toEqual([1, 2]);
  });

  it("uses the given clock for timestamps", () => {
    const [record] = appendSessionRecords(
      log,
      () => [stop],
      () => new Date("2026-01-02T03:04:05.000Z"),
    );
    expect(record?.timestamp).toBe("2026-01-02T03:04:05.000Z");
  });
});

describe("parseSessionLog", () => {
  it("skips and counts corrupt lines and lines of unknown shape", () => {
    const good = JSON.stringify({ type: "stop", id: 1, timestamp: "t", last_assistant_message: null, stop_hook_active: false });
    const parsed = parseSessionLog(`${good}\nnot json\n{"type":"mystery","id":2}\n\n`);
    expect(parsed).toMatchObject({ skippedLines: 2, records: [{ id: 1 }] });
  });

  it("reads a missing file as an empty session", () => {
    expect(readSessionLog(path.join(dir, "absent.jsonl"))).toEqual({ records: [], skippedLines: 0 });
  });
});

describe("a compressed session", () => {
  it("is read through its .gz file and continues with the next id when appended to", async () => {
    const { gzipSync } = await import("node:zlib");
    appendSessionRecords(log, () => [stop, stop]);
    fs.writeFileSync(`${log}.gz`, gzipSync(fs.readFileSync(log)));
    fs.rmSync(log);
    appendSessionRecords(log, () => [stop]);
    expect([readSessionLog(log).records.map((r) => r.id), fs.existsSync(`${log}.gz`)]).toEqual([[1, 2, 3], false]);
  });
});

describe("readSessionLog on a large file", () => {
  it("skips a line longer than any record and reads the records around it", () => {
    appendSessionRecords(log, compose);
    fs.appendFileSync(log, `${"x".repeat(17 * 1024 * 1024)}\n`);
    appendSessionRecords(log, compose);
    const { records, skippedLines } = readSessionLog(log);
    expect([records.map((r) => r.id), skippedLines]).toEqual([[1, 2, 3], 1]);
  });

  it("reads records that cross the reader's chunk boundaries", () => {
    for (let i = 0; i < 6000; i++)
      appendSessionRecords(log, (lastId) => (lastId === 0 ? [init] : [{ ...stop, last_assistant_message: "y".repeat(1000) }]));
    expect(readSessionLog(log).records.map((r) => r.id)).toEqual(Array.from({ length: 6000 }, (_, i) => i + 1));
  });
});
