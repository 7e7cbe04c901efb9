import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeSandbox, readJsonl, runHookProcess, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

describe("concurrent hook processes on one session", () => {
  it("64 processes at once after SessionStart give ids 1..65 with no gap, no duplicate and no corrupt line", async () => {
    const s = { sessionId: "c0ffee00-0000-4000-8000-000000000064", cwd: box.project };
    await runHookProcess("session-start", p.sessionStart(s), box);
    const calls = Array.from({ length: 64 }, (_, i) =>
      runHookProcess("post-tool-guard", p.postToolUse(s, "Bash", { command: `echo ${i}` }, p.bashResponse(String(i)), `toolu_${i}`), box),
    );
    const results = await Promise.all(calls);
    const records = readJsonl(path.join(box.wardenDir, "sessions", `${s.sessionId}.jsonl`));
    expect(results.every((r) => r.code === 0 && r.stdout === "")).toBe(true);
    expect(records.map((r) => r.id)).toEqual(Array.from({ length: 65 }, (_, i) => i + 1));
    expect(new Set(records.filter((r) => r.type === "event").map((r) => r.tool_use_id)).size).toBe(64);
  });

  it("a session's first 64 hooks racing each other write exactly one init", async () => {
    const s = { sessionId: "c0ffee00-0000-4000-8000-000000000065", cwd: box.project };
    await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        runHookProcess(
          "post-tool-guard",
          p.postToolUse(s, "Read", { file_path: `/f${i}` }, p.readResponse(`/f${i}`, ""), `toolu_${i}`),
          box,
        ),
      ),
    );
    const records = readJsonl(path.join(box.wardenDir, "sessions", `${s.sessionId}.jsonl`));
    expect([records.filter((r) => r.type === "init").length, records[0]?.type, records.length]).toEqual([1, "init", 65]);
  });
});
