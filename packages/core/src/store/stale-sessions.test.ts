import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SessionStore } from "./session-store.js";
import { findStaleSessions, WHOLE_READ_BYTES } from "./stale-sessions.js";
import { sessionLogPath } from "./warden-paths.js";

let root: string;
let store: SessionStore;
const START = new Date("2026-12-01T10:00:00.000Z");
const SESSION = "5ca1ab1e-0000-4000-8000-000000000001";
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "warden-stale-"));
  store = new SessionStore(root, () => START);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** The pid of a process that has exited. */
const deadPid = () => Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);

/** An open session started by a Claude Code process that is gone, with `padding` bytes of other records in the middle. */
function openSessionOfDeadOwner(padding: number): void {
  store.appendRegistry({
    type: "start",
    session_id: SESSION,
    started_at: START.toISOString(),
    source: "startup",
    cwd: root,
    transcript_path: null,
    git: null,
    platform: "linux-x64",
    warden_version: "test",
  });
  const init = { type: "init", session_id: SESSION, source: "startup", cwd: root, project_dir: root, transcript_path: null, git: null };
  store.append(SESSION, { ...init, platform: "linux-x64", warden_version: "test", claude_pid: deadPid() });
  // Sparse: the file's size without writing it. Its reader skips the zeros as one malformed line.
  fs.truncateSync(sessionLogPath(store.paths, SESSION), padding);
  fs.appendFileSync(sessionLogPath(store.paths, SESSION), "\n");
  store.append(SESSION, { type: "stop", last_assistant_message: null, stop_hook_active: false });
}

const check = (hoursLater: number) => ({ now: new Date(START.getTime() + hoursLater * 3_600_000), isProcessAlive: () => false });

describe("findStaleSessions", () => {
  it("finds an open session whose Claude Code process is gone", () => {
    openSessionOfDeadOwner(4096);
    expect(findStaleSessions(store, check(1))).toEqual([SESSION]);
  });

  it("judges a session over the whole-read size by its last record: recent activity is not stale, whoever started it", () => {
    openSessionOfDeadOwner(WHOLE_READ_BYTES + 1);
    expect(findStaleSessions(store, check(1))).toEqual([]);
  });

  it("finds a session over the whole-read size stale after a day's silence", () => {
    openSessionOfDeadOwner(WHOLE_READ_BYTES + 1);
    expect(findStaleSessions(store, check(25))).toEqual([SESSION]);
  });
});
