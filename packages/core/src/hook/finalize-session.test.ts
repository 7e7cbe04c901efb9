import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHookContext, type HookContext } from "./hook-context.js";
import { finalizeSession, type FinalizeRequest } from "./finalize-session.js";
import { initDraftFor } from "./record-session.js";

let project: string;
let ctx: HookContext;
beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "warden-finalize-"));
  ctx = createHookContext(
    { cwd: project, session_id: "s1" },
    {
      env: { CLAUDE_PROJECT_DIR: project },
      now: () => new Date("2026-11-21T10:00:00.000Z"),
      home: project,
      claudePid: null,
      isProcessAlive: () => false,
    },
  );
  ctx.store.append("s1", initDraftFor(ctx, { session_id: "s1", cwd: project, hook_event_name: "SessionStart" }));
});
afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

const request: FinalizeRequest = { sessionId: "s1", reason: "manual", finalizedBy: "manual" };
const lastRecord = () => ctx.store.readSession("s1").records.at(-1);

describe("finalizeSession", () => {
  it("writes the reports its end record names", async () => {
    const outcome = await finalizeSession(ctx, request);
    expect([outcome.reportPaths.filter((f) => fs.existsSync(f)).length, lastRecord()]).toEqual([
      3,
      expect.objectContaining({ type: "end", report_paths: outcome.reportPaths }),
    ]);
  });

  it("closes a session over the limit with an end record that names no report and says why", async () => {
    await finalizeSession(ctx, { ...request, maxSessionBytes: 1 });
    expect(lastRecord()).toMatchObject({
      type: "end",
      report_paths: [],
      report_skipped: expect.stringMatching(/its records are complete/),
    });
  });

  it("returns why a session over the limit got no report", async () => {
    const outcome = await finalizeSession(ctx, { ...request, maxSessionBytes: 1 });
    expect([outcome.reportPaths, outcome.model, outcome.reportSkipped]).toEqual([
      [],
      undefined,
      expect.objectContaining({ name: "SessionTooLargeError", sessionId: "s1", limit: 1 }),
    ]);
  });

  it("writes no report for a session over the limit", async () => {
    await finalizeSession(ctx, { ...request, maxSessionBytes: 1 });
    expect(fs.existsSync(ctx.store.paths.reportsDir) ? fs.readdirSync(ctx.store.paths.reportsDir) : []).toEqual([]);
  });
});
