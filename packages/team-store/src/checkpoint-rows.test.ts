import { describe, expect, it } from "vitest";
import type { CheckpointRecord, Segment } from "@warden/core";
import { rowsOfRecords } from "./record-rows.js";
import { SHIPPED_LIMITS } from "./shipped-limits.js";

const identity = { user: "ada", machine: "laptop-7" };
// Built from parts so no secret scanner mistakes this file for a leak.
const githubToken = ["ghp_", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"].join("");

const segment: Segment = {
  session_id: "s1",
  transcript: { from: 0, to: 5120 },
  records: { from: 1, to: 6 },
  prompts: 1,
  events: 4,
  verdicts: { allowed: 2, warned: 1, blocked: 1 },
  flagged: [{ record_id: 5, tool_name: "Bash", verdict: "blocked", severity: "critical", rules: ["fs.rm-home"], what: "rm -rf ~" }],
  tokens: { input: 1000, output: 500, cache_write: 0, cache_read: 0 },
  cost_usd: 0.0105,
  unpriced_models: [],
  models: ["claude-sonnet-4-5-20250929"],
};

function checkpoint(fields: Partial<CheckpointRecord> = {}): CheckpointRecord {
  return {
    type: "checkpoint",
    id: 7,
    timestamp: "2026-12-04T10:05:00.000Z",
    commit: "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
    parents: ["9c1185a5c5e9fc54612808977ee8f548b2258d31"],
    branch: "main",
    amend_of: null,
    repo_root: "/work/shop",
    subject: "Add the cart",
    tool_use_id: "toolu_commit",
    files: [{ path: "src/cart.ts", added: 10, ai: 7, mixed: 1, human: 2, unknown: 0 }],
    lines: { added: 10, ai: 7, mixed: 1, human: 2, unknown: 0 },
    segment,
    note: "written",
    ...fields,
  };
}

describe("rowsOfRecords, checkpoint records", () => {
  it("makes one checkpoint row per commit, keyed by session and record id, committed at the record's time", () => {
    const [row] = rowsOfRecords("s1", [checkpoint()], identity).checkpoints;
    expect(row).toMatchObject({
      session_id: "s1",
      record_id: 7,
      commit: "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
      parents: ["9c1185a5c5e9fc54612808977ee8f548b2258d31"],
      repo: "shop",
      repo_root: "/work/shop",
      committed_at: "2026-12-04T10:05:00.000Z",
      lines_added: 10,
      lines_ai: 7,
      lines_mixed: 1,
      lines_human: 2,
      lines_unknown: 0,
      note: "written",
    });
  });

  it("carries the segment whole and its events, verdicts and cost as figures", () => {
    const [row] = rowsOfRecords("s1", [checkpoint()], identity).checkpoints;
    expect([row?.prompts, row?.events, row?.warned, row?.blocked, row?.cost_usd, row?.segment]).toEqual([1, 4, 1, 1, 0.0105, segment]);
  });

  it("leaves the cost unknown when a model of the segment has no price", () => {
    const [row] = rowsOfRecords("s1", [checkpoint({ segment: { ...segment, unpriced_models: ["claude-next"] } })], identity).checkpoints;
    expect(row?.cost_usd).toBeNull();
  });

  it("ships a commit whose segment it cannot read, without the segment", () => {
    const [row] = rowsOfRecords("s1", [checkpoint({ segment: { events: "many" } })], identity).checkpoints;
    expect([row?.commit, row?.segment, row?.events, row?.cost_usd]).toEqual(["4b825dc642cb6eb9a060e54bf8d69288fbee4904", null, null, null]);
  });

  it("masks a secret in the subject even when the local record kept it (redact: off)", () => {
    const rows = rowsOfRecords("s1", [checkpoint({ subject: `Rotate ${githubToken}` })], identity);
    expect([JSON.stringify(rows).includes(githubToken), rows.checkpoints[0]?.subject]).toEqual([
      false,
      expect.stringMatching(/^Rotate \[REDACTED:github-pat:/),
    ]);
  });

  it("cuts a long subject", () => {
    const [row] = rowsOfRecords("s1", [checkpoint({ subject: "x".repeat(5000) })], identity).checkpoints;
    expect(row?.subject.length).toBe(SHIPPED_LIMITS.subjectChars);
  });

  it("lists at most the first 1,000 files of a commit, its line counts covering them all", () => {
    const files = Array.from({ length: 1500 }, (_, i) => ({ path: `f${i}.txt`, added: 1, ai: 1, mixed: 0, human: 0, unknown: 0 }));
    const [row] = rowsOfRecords(
      "s1",
      [checkpoint({ files, lines: { added: 1500, ai: 1500, mixed: 0, human: 0, unknown: 0 } })],
      identity,
    ).checkpoints;
    const listed = row?.files ?? [];
    expect([listed.length, listed[0], row?.lines_added]).toEqual([SHIPPED_LIMITS.commitFiles, files[0], 1500]);
  });
});
