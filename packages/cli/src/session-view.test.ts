import type { ReportModel } from "@warden/core";
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
});
