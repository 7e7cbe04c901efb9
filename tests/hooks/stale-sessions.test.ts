import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HOOKS_DIR, makeSandbox, readJsonl, runHookProcess, runProcess, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

/** Runs the hook under a shell that exits right after: the hook's "Claude Code" is then gone. */
function startUnderShortLivedParent(payload: unknown) {
  const hook = path.join(HOOKS_DIR, "session-start.mjs");
  return runProcess("sh", ["-c", `"${process.execPath}" "${hook}"; true`], JSON.stringify(payload), box.env, box.project);
}

const records = (sessionId: string) => readJsonl(path.join(box.wardenDir, "sessions", `${sessionId}.jsonl`));

describe("sessions that never got SessionEnd", () => {
  it("are finalized by the next SessionStart in the project once their Claude Code is gone", async () => {
    const dead = { sessionId: "dead0000-0000-4000-8000-000000000001", cwd: box.project };
    await startUnderShortLivedParent(p.sessionStart(dead));
    await runHookProcess("post-tool-guard", p.preToolUse(dead, "Bash", { command: "sleep 600" }, "toolu_hung"), box);
    await runHookProcess("session-start", p.sessionStart({ sessionId: "next0000-0000-4000-8000-000000000002", cwd: box.project }), box);
    expect(records(dead.sessionId).slice(-2)).toEqual([
      expect.objectContaining({ type: "event", tool_use_id: "toolu_hung", outcome: "no_result" }),
      expect.objectContaining({ type: "end", reason: "stale", finalized_by: "stale" }),
    ]);
  });

  it("are left open while their Claude Code still runs", async () => {
    const alive = { sessionId: "live0000-0000-4000-8000-000000000001", cwd: box.project };
    await runHookProcess("session-start", p.sessionStart(alive), box);
    await runHookProcess("session-start", p.sessionStart({ sessionId: "next0000-0000-4000-8000-000000000003", cwd: box.project }), box);
    expect(records(alive.sessionId).map((r) => r.type)).toEqual(["init"]);
  });
});
