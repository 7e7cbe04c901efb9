import { describe, expect, it } from "vitest";
import type { Segment } from "../provenance/trace-note.js";
import type { CheckpointRecord, SessionRecord } from "../store/session-record.js";
import { reportModelSchema } from "./report-model.js";
import { buildReportModel } from "./session-report.js";

const FIX = "3f9a1c2b7d4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a";
const AMEND = "7b2e4d6f8a0c1e3f5a7b9c0d2e4f6a8b0c1d3e5f";

const init: SessionRecord = {
  type: "init",
  id: 1,
  timestamp: "2026-11-21T10:00:00.000Z",
  session_id: "s1",
  source: "startup",
  cwd: "/p",
  project_dir: "/p",
  transcript_path: "/home/dev/.claude/projects/-p/s1.jsonl",
  git: { branch: "main", commit: "0000000000000000000000000000000000000001" },
  platform: "linux-x64",
  warden_version: "0.1.0",
};

/** The segment takeSegment writes: two calls, one of them blocked, read from the transcript. */
function segment(fields: Partial<Segment> = {}): Segment {
  return {
    session_id: "s1",
    transcript: { from: 0, to: 18_400 },
    records: { from: 2, to: 4 },
    prompts: 1,
    events: 2,
    verdicts: { allowed: 1, warned: 0, blocked: 1 },
    flagged: [
      {
        record_id: 3,
        tool_name: "Bash",
        verdict: "blocked",
        severity: "critical",
        rules: ["fs.delete-home"],
        what: "Deletes the home directory",
      },
    ],
    tokens: { input: 40, output: 900, cache_write: 2400, cache_read: 30_000 },
    cost_usd: 0.0321,
    unpriced_models: [],
    models: ["claude-sonnet-4-5-20250929"],
    ...fields,
  };
}

/** A checkpoint record as recordCommitCheckpoints appends it. */
function checkpoint(id: number, fields: Partial<CheckpointRecord> = {}): SessionRecord {
  return {
    type: "checkpoint",
    id,
    timestamp: `2026-11-21T10:0${id}:00.000Z`,
    commit: FIX,
    parents: ["0000000000000000000000000000000000000001"],
    branch: "main",
    amend_of: null,
    repo_root: "/p",
    subject: "Fix the cart total",
    tool_use_id: `toolu_${id}`,
    files: [
      { path: "src/cart.ts", added: 3, ai: 2, mixed: 1, human: 0, unknown: 0 },
      { path: "NOTES.md", added: 1, ai: 0, mixed: 0, human: 0, unknown: 1 },
    ],
    lines: { added: 4, ai: 2, mixed: 1, human: 0, unknown: 1 },
    segment: segment(),
    note: "written",
    ...fields,
  };
}

const build = (records: SessionRecord[]) =>
  buildReportModel({ sessionId: "s1", records, skippedLines: 0, transcript: null, generatedAt: "2026-11-21T11:00:00.000Z" });

describe("buildReportModel: commits", () => {
  it("lists a commit with its hash, subject, branch, time, lines by origin and AI share", () => {
    expect(build([init, checkpoint(5)]).commits[0]).toMatchObject({
      commit: FIX,
      short: "3f9a1c2",
      subject: "Fix the cart total",
      branch: "main",
      amend_of: null,
      committed_at: "2026-11-21T10:05:00.000Z",
      lines: { added: 4, ai: 2, mixed: 1, human: 0, unknown: 1 },
      ai_share: 0.5,
      note: "written",
    });
  });

  it("lists the commit's files with their lines by origin", () => {
    expect(build([init, checkpoint(5)]).commits[0]?.files).toEqual([
      { path: "src/cart.ts", added: 3, ai: 2, mixed: 1, human: 0, unknown: 0 },
      { path: "NOTES.md", added: 1, ai: 0, mixed: 0, human: 0, unknown: 1 },
    ]);
  });

  it("gives the segment's calls, verdicts, flagged calls, tokens and cost", () => {
    expect(build([init, checkpoint(5)]).commits[0]?.segment).toEqual({
      prompts: 1,
      events: 2,
      verdicts: { allowed: 1, warned: 0, blocked: 1 },
      flagged_count: 1,
      flagged: [
        {
          record_id: 3,
          tool_name: "Bash",
          verdict: "blocked",
          severity: "critical",
          rules: ["fs.delete-home"],
          what: "Deletes the home directory",
        },
      ],
      tokens: { input: 40, output: 900, cache_write: 2400, cache_read: 30_000 },
      cost_usd: 0.0321,
      unpriced_models: [],
      models: ["claude-sonnet-4-5-20250929"],
    });
  });

  it("keeps the commits in the order they were made, an amend naming the commit it replaced", () => {
    const model = build([init, checkpoint(5), checkpoint(7, { commit: AMEND, amend_of: FIX, subject: "Fix the cart total, with a test" })]);
    expect(model.commits.map((c) => [c.short, c.amend_of])).toEqual([
      ["3f9a1c2", null],
      ["7b2e4d6", FIX],
    ]);
  });

  it("counts the commits, amends included", () => {
    expect(build([init, checkpoint(5), checkpoint(7, { commit: AMEND, amend_of: FIX })]).counts.commits).toBe(2);
  });

  it("has no AI share for a commit that added no line", () => {
    const deletion = checkpoint(5, { files: [], lines: { added: 0, ai: 0, mixed: 0, human: 0, unknown: 0 } });
    expect(build([init, deletion]).commits[0]?.ai_share).toBeNull();
  });

  it("counts every flagged call though the segment lists only the first ones", () => {
    const many = segment({ verdicts: { allowed: 0, warned: 30, blocked: 40 } });
    expect(build([init, checkpoint(5, { segment: many })]).commits[0]?.segment?.flagged_count).toBe(70);
  });

  it.each([
    ["absent", undefined],
    ["null", null],
    ["of another shape", { events: "two" }],
  ])("keeps a commit whose segment is %s, with no segment figures", (_what, value) => {
    expect(build([init, checkpoint(5, { segment: value })]).commits[0]).toMatchObject({ short: "3f9a1c2", segment: null });
  });

  it("says tokens and cost are unknown when the transcript was not read for the segment, never zero", () => {
    const unread = segment({ transcript: null, tokens: { input: 0, output: 0, cache_write: 0, cache_read: 0 }, cost_usd: 0 });
    expect(build([init, checkpoint(5, { segment: unread })]).commits[0]?.segment).toMatchObject({ tokens: null, cost_usd: null });
  });

  it("leaves the cost unknown when a model of the segment has no price", () => {
    const unpriced = segment({ cost_usd: 0.01, unpriced_models: ["claude-experimental-x"] });
    expect(build([init, checkpoint(5, { segment: unpriced })]).commits[0]?.segment).toMatchObject({
      cost_usd: null,
      unpriced_models: ["claude-experimental-x"],
    });
  });

  it("has an empty list and a zero count for a session that made no commit", () => {
    const model = build([init]);
    expect([model.commits, model.counts.commits]).toEqual([[], 0]);
  });
});

describe("reportModelSchema: commits", () => {
  it("reads back a report with commits as it was written", () => {
    const model = build([init, checkpoint(5), checkpoint(7, { commit: AMEND, amend_of: FIX })]);
    expect(reportModelSchema().parse(JSON.parse(JSON.stringify(model)))).toEqual(model);
  });

  it("still reads a report written before commits existed", () => {
    const { commits: _dropped, ...older } = build([init]);
    const { commits: _count, ...counts } = older.counts;
    expect(reportModelSchema().safeParse(JSON.parse(JSON.stringify({ ...older, counts })))).toMatchObject({
      success: true,
      data: { commits: [], counts: { commits: 0 } },
    });
  });
});
