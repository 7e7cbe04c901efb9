import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SessionStore } from "../store/session-store.js";
import { sessionLogPath } from "../store/warden-paths.js";
import type { RecordDraft } from "../store/session-record.js";
import { SessionTooLargeError } from "./report-size.js";
import { reportFiles, writeSessionReports } from "./write-reports.js";

let dir: string;
let store: SessionStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-reports-"));
  store = new SessionStore(path.join(dir, ".warden"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = new Date("2026-11-21T11:00:00.000Z");
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

/** A session of one init record; returns its file's size. */
function recordSession(): number {
  store.append("s1", init);
  return fs.statSync(sessionLogPath(store.paths, "s1")).size;
}

describe("writeSessionReports", () => {
  it("refuses a session over the limit with its size and the limit", async () => {
    const bytes = recordSession();
    await expect(writeSessionReports(store, "s1", NOW, { maxSessionBytes: bytes - 1 })).rejects.toMatchObject({
      name: "SessionTooLargeError",
      sessionId: "s1",
      bytes,
      limit: bytes - 1,
    });
  });

  it("says in its refusal that the records are complete", async () => {
    const bytes = recordSession();
    await expect(writeSessionReports(store, "s1", NOW, { maxSessionBytes: bytes - 1 })).rejects.toThrow(
      new SessionTooLargeError("s1", bytes, bytes - 1).message,
    );
  });

  it("writes no report file for a session it refuses", async () => {
    const bytes = recordSession();
    await writeSessionReports(store, "s1", NOW, { maxSessionBytes: bytes - 1 }).catch(() => undefined);
    expect(reportFiles(store, "s1").filter((f) => fs.existsSync(f))).toEqual([]);
  });

  it("writes the reports of a session exactly at the limit", async () => {
    const bytes = recordSession();
    await writeSessionReports(store, "s1", NOW, { maxSessionBytes: bytes });
    expect(reportFiles(store, "s1").filter((f) => fs.existsSync(f))).toHaveLength(3);
  });
});
