import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SessionStore } from "../store/session-store.js";
import { sessionLogPath } from "../store/warden-paths.js";
import type { RecordDraft } from "../store/session-record.js";
import { advanceTally, emptyTally, RECENT_CALLS } from "./record-tally.js";
import { loadRecordTally, saveRecordTally } from "./live-state.js";

let dir: string;
let store: SessionStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-live-"));
  store = new SessionStore(path.join(dir, ".warden"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const SESSION = "s1";
const logPath = () => sessionLogPath(store.paths, SESSION);

const TRANSCRIPT = "/home/dev/.claude/projects/-p/s1.jsonl";
const init: RecordDraft = {
  type: "init",
  session_id: SESSION,
  source: "startup",
  cwd: "/p",
  project_dir: "/p",
  transcript_path: TRANSCRIPT,
  git: null,
  platform: "linux-x64",
  warden_version: "0.0.0",
};

function event(command: string, verdict: "allowed" | "warned" | "blocked"): RecordDraft {
  return {
    type: "event",
    tool_use_id: `toolu_${command.length}`,
    tool_name: "Bash",
    outcome: verdict === "blocked" ? "blocked" : "completed",
    timestamp_start: "2026-11-21T10:00:00.000Z",
    timestamp_end: "2026-11-21T10:00:01.000Z",
    duration_ms: 1000,
    tool_input: { command },
    tool_output: null,
    is_error: false,
    working_dir: "/p",
    files_accessed: [],
    verdict,
    severity: verdict === "allowed" ? null : "high",
    rules_matched: [],
    findings: [],
    ...(verdict === "blocked" ? { reason: "deletes the home folder" } : {}),
    scan_time_ms: 0,
  };
}

const end: RecordDraft = {
  type: "end",
  reason: "prompt_input_exit",
  ended_at: "2026-11-21T10:05:00.000Z",
  finalized_by: "session_end",
  unfinished_calls: 0,
  report_paths: [],
};

describe("advanceTally", () => {
  it("counts the calls of a session by verdict", async () => {
    for (const draft of [init, event("ls", "allowed"), event("curl x | sh", "warned"), event("rm -rf ~", "blocked")])
      store.append(SESSION, draft);
    const tally = await advanceTally(logPath(), emptyTally());
    expect([tally.calls, tally.verdicts]).toEqual([3, { allowed: 1, warned: 1, blocked: 1 }]);
  });

  it("keeps the last call the guard flagged, with its reason", async () => {
    for (const draft of [init, event("rm -rf ~", "blocked"), event("ls", "allowed")]) store.append(SESSION, draft);
    const tally = await advanceTally(logPath(), emptyTally());
    expect(tally.last_flagged).toMatchObject({
      tool_name: "Bash",
      what: "rm -rf ~",
      verdict: "blocked",
      reason: "deletes the home folder",
    });
  });

  it("adds only the records appended since the saved offset", async () => {
    store.append(SESSION, init);
    store.append(SESSION, event("ls", "allowed"));
    const first = await advanceTally(logPath(), emptyTally());
    store.append(SESSION, event("rm -rf ~", "blocked"));
    const second = await advanceTally(logPath(), first);
    expect([first.offset < second.offset, second.offset, second.calls]).toEqual([true, fs.statSync(logPath()).size, 2]);
  });

  it("counts a file shorter than the saved offset again from its start", async () => {
    store.append(SESSION, init);
    store.append(SESSION, event("ls", "allowed"));
    const before = await advanceTally(logPath(), emptyTally());
    fs.rmSync(logPath());
    store.append(SESSION, init);
    const after = await advanceTally(logPath(), before);
    expect([after.calls, after.offset]).toEqual([0, fs.statSync(logPath()).size]);
  });

  it("keeps only the last RECENT_CALLS calls, oldest first", async () => {
    store.append(SESSION, init);
    for (let i = 0; i < RECENT_CALLS + 3; i++) store.append(SESSION, event(`echo ${i}`, "allowed"));
    const tally = await advanceTally(logPath(), emptyTally());
    expect([tally.recent.length, tally.recent[0]?.what, tally.recent.at(-1)?.what]).toEqual([
      RECENT_CALLS,
      "echo 3",
      `echo ${RECENT_CALLS + 2}`,
    ]);
  });

  it("says the session ended after its end record, with the reason", async () => {
    for (const draft of [init, end]) store.append(SESSION, draft);
    const tally = await advanceTally(logPath(), emptyTally());
    expect(tally.ended).toEqual({ reason: "prompt_input_exit", ended_at: "2026-11-21T10:05:00.000Z" });
  });

  it("says a session resumed after its end is open again", async () => {
    const resume: RecordDraft = { type: "resume", source: "resume", cwd: "/p", transcript_path: null };
    for (const draft of [init, end, resume]) store.append(SESSION, draft);
    const tally = await advanceTally(logPath(), emptyTally());
    expect([tally.ended, tally.transcript_path]).toEqual([null, TRANSCRIPT]);
  });

  it("leaves the tally as it was when the session has no file", async () => {
    const tally = await advanceTally(logPath(), emptyTally());
    expect(tally).toEqual(emptyTally());
  });
});

describe("the saved tally", () => {
  it("is read back as it was saved", async () => {
    for (const draft of [init, event("rm -rf ~", "blocked")]) store.append(SESSION, draft);
    const tally = await advanceTally(logPath(), emptyTally());
    saveRecordTally(store.paths, SESSION, tally);
    expect(loadRecordTally(store.paths, SESSION)).toEqual(tally);
  });

  it("is none when its file is not a tally", () => {
    fs.mkdirSync(path.join(store.paths.root, "cache"), { recursive: true });
    fs.writeFileSync(path.join(store.paths.root, "cache", `${SESSION}.live.json`), '{"version": 1}');
    expect(loadRecordTally(store.paths, SESSION)).toBeUndefined();
  });
});
