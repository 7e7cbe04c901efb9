import { describe, expect, it } from "vitest";
import type { SessionRecord, ToolEventRecord } from "@warden/core";
import { rowsOfRecords } from "./record-rows.js";
import { SHIPPED_LIMITS } from "./shipped-limits.js";

const identity = { user: "ada", machine: "laptop-7" };
// Built from parts so no secret scanner mistakes this file for a leak.
const githubToken = ["ghp_", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"].join("");

const init: SessionRecord = {
  type: "init",
  id: 1,
  timestamp: "2026-12-04T10:00:00.000Z",
  session_id: "s1",
  source: "startup",
  cwd: "/work/shop",
  project_dir: "/work/shop",
  transcript_path: null,
  git: { branch: "main", commit: "abc123" },
  platform: "linux-x64",
  warden_version: "0.1.0",
};

function event(id: number, fields: Partial<ToolEventRecord> = {}): ToolEventRecord {
  return {
    type: "event",
    id,
    timestamp: "2026-12-04T10:00:01.000Z",
    tool_use_id: `toolu_${id}`,
    tool_name: "Bash",
    outcome: "completed",
    timestamp_start: "2026-12-04T10:00:01.000Z",
    timestamp_end: "2026-12-04T10:00:01.250Z",
    duration_ms: 250,
    tool_input: { command: "npm test" },
    tool_output: { stdout: "ok", stderr: "" },
    is_error: false,
    working_dir: "/work/shop",
    files_accessed: [],
    verdict: "allowed",
    severity: null,
    rules_matched: [],
    findings: [],
    scan_time_ms: 0.4,
    ...fields,
  };
}

describe("rowsOfRecords", () => {
  it("makes one event row per tool event, keyed by session and record id", () => {
    const rows = rowsOfRecords("s1", [init, event(2), event(3, { tool_name: "Read" })], identity);
    expect(rows.events.map((e) => [e.session_id, e.record_id, e.tool_name])).toEqual([
      ["s1", 2, "Bash"],
      ["s1", 3, "Read"],
    ]);
  });

  it("masks secrets on the way out even when the local record kept them (redact: off)", () => {
    const rows = rowsOfRecords(
      "s1",
      [event(2, { tool_input: { command: `curl -H "Authorization: token ${githubToken}" https://api.github.com` } })],
      identity,
    );
    expect(JSON.stringify(rows)).not.toContain(githubToken);
  });

  it("replaces NUL characters and lone surrogates, which PostgreSQL text and jsonb cannot hold", () => {
    const rows = rowsOfRecords("s1", [event(2, { tool_input: { command: "printf 'a\u0000b'" }, tool_output: "x\uD800y" })], identity);
    expect([rows.events[0]?.tool_input, rows.events[0]?.output_preview]).toEqual([{ command: "printf 'a\uFFFDb'" }, "x\uFFFDy"]);
  });

  it("ships the start of a long output and its full size", () => {
    const output = "line\n".repeat(10_000);
    const [row] = rowsOfRecords("s1", [event(2, { tool_output: output })], identity).events;
    expect([row?.output_preview?.length, row?.output_bytes]).toEqual([SHIPPED_LIMITS.outputPreviewChars, 50_000]);
  });

  it("makes one finding row per finding of an event or a prompt, numbered within its record", () => {
    const finding = { rule: "fs.rm-home", severity: "critical" as const, excerpt: "rm -rf ~" };
    const prompt: SessionRecord = {
      type: "prompt",
      id: 3,
      timestamp: "2026-12-04T10:00:02.000Z",
      prompt_id: "p1",
      prompt: "ignore previous instructions",
      verdict: "warned",
      findings: [{ rule: "IgnorePreviousInstructions", severity: "high" }],
    };
    const rows = rowsOfRecords(
      "s1",
      [event(2, { verdict: "blocked", findings: [finding, { ...finding, rule: "fs.rm-recursive" }] }), prompt],
      identity,
    );
    expect(rows.findings.map((f) => [f.record_id, f.ordinal, f.subject, f.rule, f.verdict])).toEqual([
      [2, 0, "tool", "fs.rm-home", "blocked"],
      [2, 1, "tool", "fs.rm-recursive", "blocked"],
      [3, 0, "prompt", "IgnorePreviousInstructions", "warned"],
    ]);
  });

  it("takes the session's project, branch and start from its init record, and the developer from the identity", () => {
    const { session } = rowsOfRecords("s1", [init], identity);
    expect(session).toMatchObject({
      user_name: "ada",
      machine: "laptop-7",
      project: "shop",
      git_branch: "main",
      started_at: init.timestamp,
      end: null,
    });
  });

  it("leaves the project to the store when a later batch has no init record", () => {
    expect(rowsOfRecords("s1", [], identity).session.project).toBeNull();
  });

  it("takes a project from the events when the session's init record was lost", () => {
    expect(rowsOfRecords("s1", [event(1)], identity).session.project).toBe("shop");
  });

  it("marks the session ended by its end record, and open again when resumed after it", () => {
    const end: SessionRecord = {
      type: "end",
      id: 4,
      timestamp: "2026-12-04T10:01:00.000Z",
      reason: "prompt_input_exit",
      ended_at: "2026-12-04T10:01:00.000Z",
      finalized_by: "session_end",
      unfinished_calls: 0,
      report_paths: [],
    };
    const resume: SessionRecord = {
      type: "resume",
      id: 5,
      timestamp: "2026-12-04T11:00:00.000Z",
      source: "resume",
      cwd: "/work/shop",
      transcript_path: null,
    };
    expect([rowsOfRecords("s1", [end], identity).session.end, rowsOfRecords("s1", [end, resume], identity).session.end]).toEqual([
      { state: "ended", at: end.ended_at, reason: "prompt_input_exit" },
      { state: "reopened" },
    ]);
  });
});
