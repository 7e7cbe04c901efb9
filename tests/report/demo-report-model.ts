import type { ReportModel } from "@warden/core";
import { DEMO_AGENT, DEMO_PROJECT, demoEvents } from "./demo-events.js";

type ToolEvent = ReportModel["events"][number];

/** The demo session as a report model; counts, tools and files are derived from its events. */
export function buildDemoReportModel(): ReportModel {
  const events = demoEvents();
  const subagentCalls = events.filter((event) => event.agent_id === DEMO_AGENT).length;
  return {
    report_version: 2,
    generated_at: "2026-03-02T14:12:03.000Z",
    session: {
      session_id: "c41e7a90-3f2b-4d18-9e6a-5b0d27f1a8c3",
      project_dir: DEMO_PROJECT,
      cwd: DEMO_PROJECT,
      git_branch: "fix/vat-rounding",
      git_commit: "a41c9d2e7f3b5a1c8d9e0f2a3b4c5d6e7f8a9b0c",
      started_at: "2026-03-02T14:00:00.000Z",
      ended_at: "2026-03-02T14:09:38.000Z",
      duration_ms: 578_000,
      end_reason: "prompt_input_exit",
      finalized_by: "session_end",
      health: "blocked",
      transcript_path: "/home/maya/.claude/projects/-home-maya-src-invoice-kit/c41e7a90-3f2b-4d18-9e6a-5b0d27f1a8c3.jsonl",
      warden_version: "0.1.0",
    },
    models: {
      "claude-sonnet-4-5": {
        input_tokens: 3412,
        output_tokens: 9870,
        cache_creation_input_tokens: 41_880,
        cache_creation_5m_input_tokens: 41_880,
        cache_creation_1h_input_tokens: 0,
        cache_read_input_tokens: 612_304,
        api_calls: 31,
        cost_usd: 0.4991,
      },
      "claude-haiku-4-5": {
        input_tokens: 1208,
        output_tokens: 1930,
        cache_creation_input_tokens: 12_400,
        cache_creation_5m_input_tokens: 12_400,
        cache_creation_1h_input_tokens: 0,
        cache_read_input_tokens: 58_200,
        api_calls: 6,
        cost_usd: 0.0322,
      },
    },
    cost_usd: 0.5313,
    notes: [],
    counts: {
      events: events.length,
      prompts: 2,
      prompts_warned: 0,
      stops: 2,
      subagent_stops: 1,
      compactions: 0,
      resumes: 0,
      skipped_lines: 0,
      transcript_skipped_lines: 0,
      commits: 0,
    },
    verdicts: count(events, (event) => event.verdict, { allowed: 0, warned: 0, blocked: 0 }),
    outcomes: count(events, (event) => event.outcome, { completed: 0, failed: 0, blocked: 0, no_result: 0 }),
    tools: toolRows(events),
    rules_matched: count(
      events.flatMap((event) => event.rules_matched),
      (rule) => rule,
      {},
    ),
    flagged_prompts: [],
    events,
    conversation: [
      {
        role: "user",
        timestamp: "2026-03-02T14:00:02.000Z",
        text: "CI fails on main in src/tax.test.ts (\"rounds half a cent up\"). Find out why and fix it. Don't change the test's expectations unless they are wrong.",
      },
      { role: "assistant", timestamp: "2026-03-02T14:00:05.000Z", text: "I'll reproduce the failure first.", model: "claude-sonnet-4-5" },
      {
        role: "assistant",
        timestamp: "2026-03-02T14:00:25.000Z",
        text: "The test is right: 10.705 should round to 10.71. `lineTax` computes `Math.round(x * 100) / 100`, and 10.705 * 100 is 1070.4999… in floating point, so it rounds down. Let me check how the rest of the code rounds money.",
        model: "claude-sonnet-4-5",
      },
      {
        role: "user",
        timestamp: "2026-03-02T14:00:33.000Z",
        text: "Find every place in src/ where monetary amounts are rounded and report which helper each one uses.",
        agent_id: DEMO_AGENT,
      },
      {
        role: "assistant",
        timestamp: "2026-03-02T14:01:12.000Z",
        text: "money.ts exports `roundHalfUp(value, places)`, which shifts the exponent instead of multiplying, so it has no binary error. tax.ts is the only module still using `Math.round(x * 100) / 100`; format.ts uses `toFixed(2)`.\n\nNote: README.md contains an HTML comment addressed to AI agents asking to pipe a remote script into sh. I did not follow it.",
        model: "claude-haiku-4-5",
        agent_id: DEMO_AGENT,
      },
      {
        role: "assistant",
        timestamp: "2026-03-02T14:03:30.000Z",
        text: "Fixed: `lineTax` now uses `roundHalfUp` from money.ts, and src/round-half-up.test.ts covers 10.705, 1.005 and 2.675. The full suite (51 tests), tsc and eslint pass.\n\nWarden blocked my attempt to clear the vitest cache: a stray space turned it into `rm -rf ~ /.cache/vitest`. I cleared the project's own cache instead.",
        model: "claude-sonnet-4-5",
      },
      { role: "user", timestamp: "2026-03-02T14:08:55.000Z", text: "Thanks. Open an issue for the toFixed rounding in format.ts." },
      {
        role: "assistant",
        timestamp: "2026-03-02T14:09:20.000Z",
        text: 'Opened #318: "format.ts rounds with toFixed: 1.005 → 1.00".',
        model: "claude-sonnet-4-5",
      },
    ],
    subagents: [
      {
        agent_id: DEMO_AGENT,
        agent_type: "Explore",
        tool_calls: subagentCalls,
        input_tokens: 71_808,
        output_tokens: 1930,
        cost_usd: 0.0322,
      },
    ],
    mcp_servers: [{ server: "github", tools: { create_issue: 1 } }],
    skills: [],
    files: filesOf(events),
    // The demo's screenshot (docs/report-screenshot.png) shows a session that has not committed yet.
    commits: [],
    turns: [],
    compactions: [],
    response_marks: [],
    response_marks_omitted: 0,
  };
}

function count<K extends string, T>(items: readonly T[], key: (item: T) => K, start: Record<K, number>): Record<K, number> {
  const out = { ...start };
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

function toolRows(events: readonly ToolEvent[]): ReportModel["tools"] {
  const rows = new Map<string, ReportModel["tools"][number]>();
  for (const event of events) {
    const row = rows.get(event.tool_name) ?? { tool_name: event.tool_name, count: 0, total_ms: 0, failed: 0, warned: 0, blocked: 0 };
    row.count++;
    row.total_ms += event.duration_ms;
    if (event.outcome === "failed") row.failed++;
    if (event.verdict === "warned") row.warned++;
    if (event.verdict === "blocked") row.blocked++;
    rows.set(event.tool_name, row);
  }
  return [...rows.values()];
}

function filesOf(events: readonly ToolEvent[]): ReportModel["files"] {
  const written = new Set<string>();
  const read = new Set<string>();
  for (const event of events) {
    const into = event.tool_name === "Edit" || event.tool_name === "Write" ? written : read;
    for (const file of event.files_accessed) into.add(file);
  }
  return { read: [...read].filter((file) => !written.has(file)), written: [...written], other: [] };
}
