import { cutText } from "../store/bounded-value.js";
import type { ReportModel } from "./report-model.js";
import type { SessionRecord, ToolEventRecord } from "../store/session-record.js";
import { commitsOf } from "./session-commits.js";
import { summarizeSession } from "./session-summary.js";
import { costOfUsage, defaultPriceTable, type ModelCost, type PriceTable } from "./pricing/index.js";
import type { TranscriptView } from "./transcript-cache.js";
import type { ConversationLimits } from "./conversation-bounds.js";
import { buildSessionTurns, type SessionTurns } from "./session-turns.js";

export interface ReportInputs {
  readonly sessionId: string;
  readonly records: readonly SessionRecord[];
  readonly skippedLines: number;
  /** Null when the transcript is unknown or missing: tokens and cost are then not reported. */
  readonly transcript: TranscriptView | null;
  readonly generatedAt: string;
  /** The prices in effect (loadPriceTable); Warden's checked table then genai-prices when absent. */
  readonly prices?: PriceTable;
  /** How much of the conversation the report keeps; DEFAULT_CONVERSATION_LIMITS unless a test sets it. */
  readonly conversationLimits?: ConversationLimits;
}

const READS = new Set(["Read", "Grep", "Glob", "NotebookRead", "LS"]);
const WRITES = new Set(["Write", "Edit", "MultiEdit", "NotebookEdit"]);

/** Joins Warden's records of a session with Claude Code's transcript into the report's data. */
export function buildReportModel(input: ReportInputs): ReportModel {
  const summary = summarizeSession(input.sessionId, input.records);
  const init = input.records.find((r) => r.type === "init");
  const end = input.records.findLast((r) => r.type === "end");
  const events = input.records.filter((r): r is ToolEventRecord => r.type === "event");
  const prices = input.prices ?? defaultPriceTable();
  const usage = usageOf(input.transcript, prices);
  const turns = turnsOf(input, events, prices);
  const notes = [...usage.notes, ...compactionNotes(turns)];
  if (input.skippedLines > 0) notes.push(`${input.skippedLines} unreadable line(s) in Warden's session file were skipped.`);
  return {
    report_version: 2,
    generated_at: input.generatedAt,
    session: {
      session_id: input.sessionId,
      project_dir: init?.project_dir ?? null,
      cwd: summary.cwd,
      git_branch: summary.git?.branch ?? null,
      git_commit: summary.git?.commit ?? null,
      started_at: summary.started_at,
      ended_at: end?.ended_at ?? null,
      duration_ms: end && summary.started_at ? Date.parse(end.ended_at) - Date.parse(summary.started_at) : null,
      end_reason: end?.reason ?? null,
      finalized_by: end?.finalized_by ?? null,
      health: summary.verdicts.blocked > 0 ? "blocked" : summary.verdicts.warned + summary.counts.prompts_warned > 0 ? "warned" : "clean",
      transcript_path: summary.transcript_path,
      warden_version: init?.warden_version ?? null,
    },
    models: usage.models,
    cost_usd: usage.costUsd,
    notes,
    counts: {
      events: summary.counts.events,
      prompts: summary.counts.prompts,
      prompts_warned: summary.counts.prompts_warned,
      stops: summary.counts.stops,
      subagent_stops: summary.counts.subagent_stops,
      compactions: summary.counts.compactions,
      resumes: summary.counts.resumes,
      skipped_lines: input.skippedLines,
      transcript_skipped_lines: input.transcript ? input.transcript.reading.lines.corrupt + input.transcript.reading.lines.invalid : 0,
      commits: summary.counts.commits,
    },
    verdicts: summary.verdicts,
    outcomes: summary.outcomes,
    tools: toolTable(events),
    rules_matched: summary.rules_matched,
    flagged_prompts: input.records.flatMap((r) =>
      r.type === "prompt" && r.verdict === "warned"
        ? [
            {
              prompt_id: r.prompt_id,
              timestamp: r.timestamp,
              prompt: cutText(typeof r.prompt === "string" ? r.prompt : JSON.stringify(r.prompt), 2000),
              findings: r.findings,
            },
          ]
        : [],
    ),
    events,
    conversation: turns.conversation,
    turns: turns.turns,
    compactions: turns.compactions,
    response_marks: turns.responseMarks,
    response_marks_omitted: turns.responseMarksOmitted,
    subagents: subagentsOf(input.transcript, events, prices),
    mcp_servers: mcpServersOf(input.transcript, events),
    skills: (input.transcript?.reading.skills ?? []).map((s) => ({ name: s.skill, count: s.uses })),
    files: filesOf(events),
    commits: commitsOf(input.records),
  };
}

function turnsOf(input: ReportInputs, events: readonly ToolEventRecord[], prices: PriceTable): SessionTurns {
  const transcript = input.transcript;
  if (transcript == null || !transcript.reading.found)
    return { turns: [], conversation: [], compactions: [], responseMarks: [], responseMarksOmitted: 0 };
  return buildSessionTurns({
    trace: transcript.trace,
    responses: transcript.reading.state.responses,
    agentTypes: transcript.reading.state.agent_types,
    events,
    prices,
    ...(input.conversationLimits == null ? {} : { limits: input.conversationLimits }),
  });
}

/**
 * What a compaction means for the figures. Claude Code appends to the transcript: the lines
 * before a compact_boundary stay in the file, so their usage is counted. A transcript that
 * begins at a compaction (nothing before it) was continued from another file, whose part of the
 * conversation this report does not have.
 */
function compactionNotes(turns: SessionTurns): string[] {
  if (turns.compactions.length === 0) return [];
  const first = turns.conversation.find((entry) => entry.kind !== "omitted");
  const at = turns.compactions.map(
    (c) =>
      `${c.pre_tokens == null ? "an unknown size" : `${formatTokens(c.pre_tokens)} tokens`}${c.trigger == null ? "" : ` (${c.trigger})`}`,
  );
  const notes = [
    `The context was compacted ${turns.compactions.length === 1 ? "once" : `${turns.compactions.length} times`}, at ${at.join(", ")}. The transcript keeps the lines before a compaction, so tokens and cost include the whole session; after it the model saw only a summary of what came before.`,
  ];
  if (first?.kind === "compaction")
    notes.push(
      "The transcript begins at a compaction: the conversation before it is in an earlier session's transcript, and its tokens and cost are not included here.",
    );
  return notes;
}

function formatTokens(n: number): string {
  return n >= 1000 ? `${Math.round(n / 1000)}k` : String(n);
}

function usageOf(
  transcript: TranscriptView | null,
  prices: PriceTable,
): { models: ReportModel["models"]; costUsd: number | null; notes: string[] } {
  if (transcript == null) return { models: {}, costUsd: null, notes: ["No transcript was available: tokens and cost are unknown."] };
  if (!transcript.reading.found)
    return { models: {}, costUsd: null, notes: ["The transcript file was not found: tokens and cost are unknown."] };
  const byModel = transcript.reading.usage.by_model;
  const cost = costOfUsage(byModel, prices);
  const models: ReportModel["models"] = {};
  for (const [model, u] of Object.entries(byModel)) {
    models[model] = {
      input_tokens: u.input_tokens,
      output_tokens: u.output_tokens,
      cache_creation_input_tokens: u.cache_write_5m_tokens + u.cache_write_1h_tokens,
      cache_creation_5m_input_tokens: u.cache_write_5m_tokens,
      cache_creation_1h_input_tokens: u.cache_write_1h_tokens,
      cache_read_input_tokens: u.cache_read_tokens,
      api_calls: u.responses,
      cost_usd: cost.by_model[model]?.cost_usd ?? null,
    };
  }
  const notes = Object.entries(cost.by_model).flatMap(([m, c]) => priceNotes(m, c));
  return { models, costUsd: cost.unpriced_models.length > 0 ? null : cost.total_cost_usd, notes };
}

/** What the reader should know of a model's price: none found, or one not from Warden's checked table. */
function priceNotes(model: string, cost: ModelCost): string[] {
  if (cost.cost_usd == null)
    return [`No price is known for model ${model}: its cost is not counted and the total is unknown (${cost.note ?? "no price"}).`];
  if (cost.price_source === "warden") return [];
  const source = cost.price_source === "user" ? "your price file" : "@pydantic/genai-prices";
  return [`Model ${model} is priced from ${source} (row ${cost.priced_as}).${cost.note == null ? "" : ` ${cost.note}.`}`];
}

function toolTable(events: readonly ToolEventRecord[]): ReportModel["tools"] {
  const rows = new Map<string, ReportModel["tools"][number]>();
  for (const e of events) {
    const row = rows.get(e.tool_name) ?? { tool_name: e.tool_name, count: 0, total_ms: 0, failed: 0, warned: 0, blocked: 0 };
    row.count++;
    row.total_ms += e.duration_ms;
    if (e.outcome === "failed") row.failed++;
    if (e.verdict === "warned") row.warned++;
    if (e.verdict === "blocked") row.blocked++;
    rows.set(e.tool_name, row);
  }
  return [...rows.values()].toSorted((a, b) => b.count - a.count || a.tool_name.localeCompare(b.tool_name));
}

function subagentsOf(transcript: TranscriptView | null, events: readonly ToolEventRecord[], prices: PriceTable): ReportModel["subagents"] {
  const fromTranscript = new Map((transcript?.reading.subagents ?? []).map((s) => [s.agent_id, s]));
  const ids = new Set([...fromTranscript.keys(), ...events.flatMap((e) => (e.agent_id ? [e.agent_id] : []))]);
  return [...ids].toSorted().map((id) => {
    const t = fromTranscript.get(id);
    const recorded = events.filter((e) => e.agent_id === id);
    return {
      agent_id: id,
      agent_type: t?.agent_type ?? recorded.find((e) => e.agent_type)?.agent_type ?? null,
      tool_calls: Math.max(t?.tool_uses ?? 0, recorded.length),
      input_tokens: t?.usage.input_tokens ?? 0,
      output_tokens: t?.usage.output_tokens ?? 0,
      cost_usd: t ? subagentCost(t.usage_by_model, prices) : null,
      models: t ? modelsByOutput(t.usage_by_model) : [],
    };
  });
}

function modelsByOutput(byModel: Parameters<typeof costOfUsage>[0]): string[] {
  return Object.entries(byModel)
    .toSorted(([a, x], [b, y]) => y.output_tokens - x.output_tokens || a.localeCompare(b))
    .map(([model]) => model);
}

/** A subagent's cost over all its models; null when any of them has no known price. */
function subagentCost(byModel: Parameters<typeof costOfUsage>[0], prices: PriceTable): number | null {
  const cost = costOfUsage(byModel, prices);
  return cost.unpriced_models.length > 0 ? null : cost.total_cost_usd;
}

function mcpServersOf(transcript: TranscriptView | null, events: readonly ToolEventRecord[]): ReportModel["mcp_servers"] {
  const servers = new Map<string, Record<string, number>>();
  for (const e of events) {
    if (e.mcp_server == null || e.mcp_tool == null) continue;
    const tools = servers.get(e.mcp_server) ?? {};
    tools[e.mcp_tool] = (tools[e.mcp_tool] ?? 0) + 1;
    servers.set(e.mcp_server, tools);
  }
  for (const s of transcript?.reading.mcp_servers ?? []) {
    const tools = servers.get(s.server) ?? {};
    for (const t of s.tools) tools[t] ??= 0;
    servers.set(s.server, tools);
  }
  return [...servers].toSorted(([a], [b]) => a.localeCompare(b)).map(([server, tools]) => ({ server, tools }));
}

function filesOf(events: readonly ToolEventRecord[]): ReportModel["files"] {
  const read = new Set<string>();
  const written = new Set<string>();
  const other = new Set<string>();
  for (const e of events) {
    if (e.outcome === "blocked") continue;
    const bucket = READS.has(e.tool_name) ? read : WRITES.has(e.tool_name) ? written : other;
    for (const f of e.files_accessed) bucket.add(f);
  }
  return { read: [...read].toSorted(), written: [...written].toSorted(), other: [...other].toSorted() };
}
