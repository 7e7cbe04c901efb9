import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendSessionRecords } from "./session-log.js";
import { readSessionEdges } from "./session-edges.js";
import type { RecordDraft } from "./session-record.js";

let dir: string;
let log: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-edges-"));
  log = path.join(dir, "sessions", "s1.jsonl");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const stop = (message: string): RecordDraft => ({ type: "stop", last_assistant_message: message, stop_hook_active: false });

describe("readSessionEdges", () => {
  it("finds the first and the last record", () => {
    for (const message of ["one", "two", "three"]) appendSessionRecords(log, () => [stop(message)]);
    const { first, last } = readSessionEdges(log);
    expect([first?.id, last?.id]).toEqual([1, 3]);
  });

  it("finds both ends of a file far larger than its window", () => {
    for (let i = 0; i < 200; i++) appendSessionRecords(log, () => [stop("x".repeat(100))]);
    const { first, last } = readSessionEdges(log, 1024);
    expect([first?.id, last?.id]).toEqual([1, 200]);
  });

  it("passes over a torn last line to the record before it", () => {
    appendSessionRecords(log, () => [stop("one"), stop("two")]);
    fs.appendFileSync(log, '{"type":"stop","id":3,"timest');
    expect(readSessionEdges(log).last?.id).toBe(2);
  });

  it("does not find a record whose line is longer than the window", () => {
    appendSessionRecords(log, () => [stop("x".repeat(4096))]);
    expect(readSessionEdges(log, 1024)).toEqual({ first: undefined, last: undefined });
  });

  it("finds nothing in a missing file", () => {
    expect(readSessionEdges(path.join(dir, "absent.jsonl"))).toEqual({});
  });
});
