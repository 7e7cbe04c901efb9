import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LockTimeoutError } from "../support/file-lock.js";
import { SessionStore } from "./session-store.js";
import { sessionLogPath } from "./warden-paths.js";

let dir: string;
let store: SessionStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-store-"));
  store = new SessionStore(path.join(dir, ".warden"));
  fs.mkdirSync(store.paths.sessionsDir, { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const RECORDS = `${JSON.stringify({ type: "stop", id: 1, timestamp: "2026-11-21T10:00:00.000Z" })}\n`.repeat(100);

describe("SessionStore.sessionBytes", () => {
  it("is the plain session file's size", () => {
    fs.writeFileSync(sessionLogPath(store.paths, "s1"), RECORDS);
    expect(store.sessionBytes("s1")).toBe(Buffer.byteLength(RECORDS));
  });

  it("is the uncompressed size of a compressed session, read from its gzip trailer", () => {
    fs.writeFileSync(`${sessionLogPath(store.paths, "s1")}.gz`, gzipSync(RECORDS));
    expect(store.sessionBytes("s1")).toBe(Buffer.byteLength(RECORDS));
  });

  it("is 0 for a session with no file", () => {
    expect(store.sessionBytes("s1")).toBe(0);
  });
});

describe("SessionStore asked actions", () => {
  it("is unknown before any prompt", () => {
    expect(store.readAskedActions("s1")).toBeUndefined();
  });

  it("gathers the kinds of action of every prompt of the session", () => {
    store.addAskedActions("s1", ["mail"]);
    store.addAskedActions("s1", ["payment", "mail"]);
    expect(store.readAskedActions("s1")).toEqual(["mail", "payment"]);
  });

  it("writes nothing for a prompt that asks for no kind of action", () => {
    store.addAskedActions("s1", []);
    expect(fs.existsSync(path.join(store.paths.root, "guard", "s1", "asked-actions.json"))).toBe(false);
  });

  it("keeps a session's kinds apart from another's", () => {
    store.addAskedActions("s1", ["mail"]);
    expect(store.readAskedActions("s2")).toBeUndefined();
  });

  it("reads a damaged file as unknown", () => {
    store.addAskedActions("s1", ["mail"]);
    fs.writeFileSync(path.join(store.paths.root, "guard", "s1", "asked-actions.json"), '{"actions":["launch-missiles"]}');
    expect(store.readAskedActions("s1")).toBeUndefined();
  });
});

const end = (id: string) => ({
  type: "end" as const,
  session_id: id,
  ended_at: "2026-12-01T11:00:00.000Z",
  reason: "other",
  counts: {},
  report_paths: [],
});

/** A store whose lock waits are short, with the registry's lock held by a live process (this one). */
function lockedRegistry(): SessionStore {
  store.appendRegistry(end("s1"));
  fs.writeFileSync(`${store.paths.registry}.lock`, `${process.pid}:0`);
  return new SessionStore(store.paths.root, () => new Date(), { lock: { timeoutMs: 50 } });
}

describe("SessionStore.removeFromRegistry", () => {
  it("drops the lines of the sessions named and keeps the others", () => {
    for (const id of ["s1", "s2", "s1"]) store.appendRegistry(end(id));
    const removed = store.removeFromRegistry(new Set(["s1"]));
    expect([removed, fs.readFileSync(store.paths.registry, "utf8")]).toEqual([2, `${JSON.stringify(end("s2"))}\n`]);
  });

  it("is nothing to do without a registry", () => {
    expect([store.removeFromRegistry(new Set(["s1"])), fs.existsSync(store.paths.registry)]).toEqual([0, false]);
  });

  it("rewrites the registry only under its lock", () => {
    const locked = lockedRegistry();
    expect(() => locked.removeFromRegistry(new Set(["s1"]))).toThrow(LockTimeoutError);
  });

  it("appends to the registry only under the same lock", () => {
    const locked = lockedRegistry();
    expect(() => locked.appendRegistry(end("s2"))).toThrow(LockTimeoutError);
  });
});
