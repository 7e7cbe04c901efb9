import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeSandbox, readJsonl, runHookProcess, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

let box: Sandbox;
let s: p.PayloadBase;
beforeEach(() => {
  box = makeSandbox();
  s = { sessionId: "ddc1f0b6-7a2e-4c1b-9a51-0f3c2d1e4b5a", cwd: box.project };
});
afterEach(() => box.cleanup());

const sessionFile = () => path.join(box.wardenDir, "sessions", `${s.sessionId}.jsonl`);
const records = () => readJsonl(sessionFile());

describe("the recording hooks, as separate processes", () => {
  it("open a session with an init record and a registry start line", async () => {
    await runHookProcess("session-start", p.sessionStart(s), box);
    expect([records(), readJsonl(path.join(box.wardenDir, "sessions.jsonl"))]).toEqual([
      [expect.objectContaining({ type: "init", id: 1, session_id: s.sessionId, source: "startup", cwd: box.project })],
      [expect.objectContaining({ type: "start", session_id: s.sessionId, source: "startup", warden_version: "0.1.0" })],
    ]);
  });

  it("keep recorded data out of git with a .gitignore of *", async () => {
    await runHookProcess("session-start", p.sessionStart(s), box);
    expect(fs.readFileSync(path.join(box.wardenDir, ".gitignore"), "utf8")).toBe("*\n");
  });

  it("merge PreToolUse and PostToolUse into one event with Claude Code's duration", async () => {
    const input = { command: "echo hello-from-bash", description: "say hello" };
    await runHookProcess("post-tool-guard", p.preToolUse(s, "Bash", input, "toolu_01"), box);
    await runHookProcess("post-tool-guard", p.postToolUse(s, "Bash", input, p.bashResponse("hello-from-bash"), "toolu_01", 313), box);
    expect(records().filter((r) => r.type === "event")).toEqual([
      expect.objectContaining({
        tool_use_id: "toolu_01",
        tool_name: "Bash",
        outcome: "completed",
        duration_ms: 313,
        tool_input: input,
        tool_output: p.bashResponse("hello-from-bash"),
        is_error: false,
        verdict: "allowed",
        working_dir: box.project,
      }),
    ]);
  });

  it("record a failing command from PostToolUseFailure with its error", async () => {
    const input = { command: "exit 3" };
    await runHookProcess("post-tool-guard", p.preToolUse(s, "Bash", input, "toolu_02"), box);
    await runHookProcess("post-tool-guard", p.postToolUseFailure(s, "Bash", input, "Exit code 3", "toolu_02"), box);
    expect(records().find((r) => r.type === "event")).toMatchObject({
      outcome: "failed",
      is_error: true,
      error: "Exit code 3",
      tool_output: null,
    });
  });

  it("deny rm -rf ~ with a reason for the model and record the call as blocked", async () => {
    const result = await runHookProcess("post-tool-guard", p.preToolUse(s, "Bash", { command: "rm -rf ~" }, "toolu_03"), box);
    expect(JSON.parse(result.stdout)).toEqual({
      hookSpecificOutput: {
        hookEventName: "PreToolUse",
        permissionDecision: "deny",
        permissionDecisionReason: expect.stringMatching(/ask the user to run it themselves/),
      },
    });
    expect(records().find((r) => r.type === "event")).toMatchObject({
      outcome: "blocked",
      verdict: "blocked",
      severity: "critical",
      rules_matched: ["fs.rm-home"],
    });
  });

  it("print nothing at all for an allowed call", async () => {
    const result = await runHookProcess("post-tool-guard", p.preToolUse(s, "Bash", { command: "ls -la" }, "toolu_04"), box);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("name MCP server and tool, and the subagent a call ran in", async () => {
    const payload = {
      ...p.postToolUse(s, "mcp__github__create_issue", { title: "x" }, [{ type: "text", text: "ok" }], "toolu_05"),
      agent_id: "a1b2c3",
      agent_type: "general-purpose",
    };
    await runHookProcess("post-tool-guard", payload, box);
    expect(records().find((r) => r.type === "event")).toMatchObject({
      mcp_server: "github",
      mcp_tool: "create_issue",
      agent_id: "a1b2c3",
      agent_type: "general-purpose",
    });
  });

  it("bound a 1 MB file read to the limit, keeping size and sha256 of the original", async () => {
    const content = "line of a big file\n".repeat(60_000);
    const file = path.join(box.project, "big.txt");
    await runHookProcess("post-tool-guard", p.postToolUse(s, "Read", { file_path: file }, p.readResponse(file, content), "toolu_06"), box);
    const event = records().find((r) => r.type === "event");
    expect(event?.truncated).toEqual([
      { path: "tool_output.file.content", bytes: Buffer.byteLength(content), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect(fs.statSync(sessionFile()).size).toBeLessThan(80 * 1024);
  });

  it("record prompts, stops, subagent stops, compactions and resumes in order", async () => {
    await runHookProcess("session-start", p.sessionStart(s), box);
    await runHookProcess("post-tool-guard", p.userPromptSubmit(s, "do the thing"), box);
    await runHookProcess("session-end", p.subagentStop(s, "a1b2c3"), box);
    await runHookProcess("session-end", p.stop(s), box);
    await runHookProcess("session-start", p.preCompact(s), box);
    await runHookProcess("session-start", p.sessionStart(s, "compact"), box);
    await runHookProcess("session-start", p.sessionStart(s, "resume"), box);
    expect(records().map((r) => [r.id, r.type])).toEqual([
      [1, "init"],
      [2, "prompt"],
      [3, "subagent_stop"],
      [4, "stop"],
      [5, "compact"],
      [6, "resume"],
      [7, "resume"],
    ]);
  });

  it("finalize at SessionEnd: end record, registry end line and JSON report", async () => {
    await runHookProcess("session-start", p.sessionStart(s), box);
    const read = { file_path: path.join(box.project, "notes.md") };
    await runHookProcess("post-tool-guard", p.postToolUse(s, "Read", read, p.readResponse(read.file_path, "# notes\n"), "toolu_07"), box);
    await runHookProcess("post-tool-guard", p.preToolUse(s, "Bash", { command: "rm -rf /" }, "toolu_08"), box);
    await runHookProcess("session-end", p.sessionEnd(s), box);
    const report = JSON.parse(fs.readFileSync(path.join(box.wardenDir, "reports", `${s.sessionId}.json`), "utf8"));
    expect(report).toMatchObject({
      session: {
        session_id: s.sessionId,
        end_reason: "other",
        started_at: expect.any(String),
        ended_at: expect.any(String),
        health: "blocked",
      },
      tools: [
        expect.objectContaining({ tool_name: "Bash", count: 1, blocked: 1 }),
        expect.objectContaining({ tool_name: "Read", count: 1 }),
      ],
      verdicts: { allowed: 1, warned: 0, blocked: 1 },
      files: { read: [read.file_path], written: [], other: [] },
    });
    expect(records().at(-1)).toMatchObject({ type: "end", reason: "other", finalized_by: "session_end" });
    expect(readJsonl(path.join(box.wardenDir, "sessions.jsonl")).at(-1)).toMatchObject({ type: "end", counts: { events: 2, blocked: 1 } });
  });

  it("turn an allowed call that never reported back into a no_result event at the end", async () => {
    await runHookProcess("post-tool-guard", p.preToolUse(s, "Bash", { command: "sleep 100" }, "toolu_09"), box);
    await runHookProcess("session-end", p.sessionEnd(s), box);
    expect(records().find((r) => r.type === "event")).toMatchObject({ tool_use_id: "toolu_09", outcome: "no_result" });
  });

  it("keep two sessions in one project in separate files", async () => {
    const other = { sessionId: "0b7e6f1c-2d3a-4b5c-8d9e-0f1a2b3c4d5e", cwd: box.project };
    await Promise.all([
      runHookProcess("session-start", p.sessionStart(s), box),
      runHookProcess("session-start", p.sessionStart(other), box),
    ]);
    await Promise.all([
      runHookProcess("post-tool-guard", p.postToolUse(s, "Bash", { command: "ls" }, p.bashResponse("a"), "toolu_a"), box),
      runHookProcess("post-tool-guard", p.postToolUse(other, "Bash", { command: "ls" }, p.bashResponse("b"), "toolu_b"), box),
    ]);
    const otherRecords = readJsonl(path.join(box.wardenDir, "sessions", `${other.sessionId}.jsonl`));
    expect([records().map((r) => r.tool_use_id ?? r.type), otherRecords.map((r) => r.tool_use_id ?? r.type)]).toEqual([
      ["init", "toolu_a"],
      ["init", "toolu_b"],
    ]);
  });

  it("honour WARDEN_DIR over the project directory", async () => {
    const elsewhere = path.join(box.home, "warden-data");
    await runHookProcess("session-start", p.sessionStart(s), { ...box, env: { ...box.env, WARDEN_DIR: elsewhere } });
    expect(fs.existsSync(path.join(elsewhere, "sessions", `${s.sessionId}.jsonl`))).toBe(true);
  });
});
