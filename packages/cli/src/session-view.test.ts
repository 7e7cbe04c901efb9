import type { ReportCommit, ReportModel } from "@warden/core";
import { describe, expect, it } from "vitest";
import { styleFor } from "./format.js";
import { renderSessionView } from "./session-view.js";

const PLAIN = styleFor({ isTty: false, env: {} });

const usage = (input: number, output: number, cost: number) => ({
  input_tokens: input,
  output_tokens: output,
  cache_creation_input_tokens: 0,
  cache_creation_5m_input_tokens: 0,
  cache_creation_1h_input_tokens: 0,
  cache_read_input_tokens: 0,
  api_calls: 1,
  cost_usd: cost,
});

/** A report of one session whose main thread ran on Sonnet and whose Explore subagent ran on Haiku. */
function reportModel(): ReportModel {
  return {
    report_version: 2,
    generated_at: "2026-11-21T11:00:00.000Z",
    session: {
      session_id: "s1",
      project_dir: "/p",
      cwd: "/p",
      git_branch: null,
      git_commit: null,
      started_at: "2026-11-21T10:00:00.000Z",
      ended_at: null,
      duration_ms: null,
      end_reason: null,
      finalized_by: null,
      health: "clean",
      transcript_path: null,
      warden_version: "0.1.0",
    },
    models: { "claude-sonnet-4-5-20250929": usage(1000, 500, 0.0105), "claude-haiku-4-5-20251001": usage(300, 800, 0.0043) },
    cost_usd: 0.0148,
    notes: [],
    counts: {
      events: 1,
      prompts: 1,
      prompts_warned: 0,
      stops: 0,
      subagent_stops: 1,
      compactions: 0,
      resumes: 0,
      skipped_lines: 0,
      transcript_skipped_lines: 0,
      commits: 0,
    },
    verdicts: { allowed: 1, warned: 0, blocked: 0 },
    outcomes: { completed: 1, failed: 0, blocked: 0, no_result: 0 },
    tools: [],
    rules_matched: {},
    flagged_prompts: [],
    events: [],
    conversation: [],
    subagents: [
      {
        agent_id: "a1b2c3",
        agent_type: "Explore",
        tool_calls: 2,
        input_tokens: 300,
        output_tokens: 800,
        cost_usd: 0.0043,
        models: ["claude-haiku-4-5-20251001"],
      },
    ],
    mcp_servers: [],
    skills: [],
    files: { read: [], written: [], other: [] },
    commits: [],
    turns: [],
    compactions: [],
    response_marks: [],
    response_marks_omitted: 0,
  };
}

/** A commit of the session: 10 of its 14 added lines the model's, two calls flagged on the way. */
function commit(fields: Partial<ReportCommit> = {}): ReportCommit {
  return {
    commit: "3f9a1c2b7d4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a",
    short: "3f9a1c2",
    subject: "Fix cart total",
    branch: "main",
    amend_of: null,
    repo_root: "/p",
    committed_at: "2026-11-21T10:30:00.000Z",
    lines: { added: 14, ai: 10, mixed: 2, human: 1, unknown: 1 },
    ai_share: 10 / 14,
    files: [{ path: "src/cart.ts", added: 14, ai: 10, mixed: 2, human: 1, unknown: 1 }],
    segment: {
      prompts: 1,
      events: 6,
      verdicts: { allowed: 4, warned: 1, blocked: 1 },
      flagged_count: 2,
      flagged: [],
      tokens: { input: 10, output: 20, cache_write: 0, cache_read: 0 },
      cost_usd: 0.31,
      unpriced_models: [],
      models: [],
    },
    note: "written",
    ...fields,
  };
}

const render = (model: ReportModel, paths: string[] = []) => renderSessionView(model, PLAIN, paths).join("\n");

describe("renderSessionView", () => {
  it("counts in the singular when there is one", () => {
    expect(render(reportModel())).toContain("activity  1 tool call, 1 prompt, 1 subagent stop, 0 compactions, 0 resumes");
  });

  it("sums every model's tokens and calls in the total row", () => {
    expect(render(reportModel())).toMatch(/\n {2}total +1\.30k +1\.30k +0 +0 +2 +\$0\.0148\n/);
  });

  it("gives each subagent its model and cost", () => {
    expect(render(reportModel())).toMatch(/\n {2}a1b2c3 +Explore +haiku-4-5 +2 +300\/800 +\$0\.0043$/m);
  });

  it("says where the HTML report and its JSON data are", () => {
    const paths = ["/p/.warden/reports/s1.json", "/p/.warden/reports/s1.html", "/p/.warden/reports/s1.md"];
    expect(render(reportModel(), paths)).toMatch(
      /\n {2}report +\/p\/\.warden\/reports\/s1\.html\n {2}data +\/p\/\.warden\/reports\/s1\.json\n/,
    );
  });

  it("lists each commit with the model's share of its lines, its flagged calls and cost", () => {
    const model = { ...reportModel(), commits: [commit()] };
    expect(render(model)).toMatch(
      /\nCommits\n {2}commit +subject +AI +AI\/added +flagged +cost\n {2}3f9a1c2 +Fix cart total +71% +10\/14 +2 +\$0\.3100\n/,
    );
  });

  it("names the commit an amend replaced and totals the lines, that commit counted once", () => {
    const amend = commit({
      commit: "7b2e4d6f8a0c1e3f5a7b9c0d2e4f6a8b0c1d3e5f",
      short: "7b2e4d6",
      amend_of: "3f9a1c2b7d4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a",
      lines: { added: 16, ai: 11, mixed: 2, human: 2, unknown: 1 },
    });
    const output = render({ ...reportModel(), commits: [commit(), amend] });
    expect([
      output.includes("Fix cart total (amends 3f9a1c2)"),
      output.includes("  16 lines added, 11 by AI (69%), 2 mixed, 2 human, 1 unknown"),
    ]).toEqual([true, true]);
  });

  it("has no Commits section when the session made no commit", () => {
    expect(render(reportModel())).not.toContain("Commits");
  });
});
