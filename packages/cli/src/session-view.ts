import { commitLineTotals, type ReportModel } from "@warden/core";
import {
  countOf,
  formatCost,
  formatDuration,
  formatTable,
  formatTime,
  formatTokens,
  oneLine,
  shortModel,
  wrapText,
  type Style,
} from "./format.js";

type ToolEvent = ReportModel["events"][number];

/** Where a block reason wraps: it is shown whole, however long. */
const REASON_WIDTH = 96;

/**
 * A session's report as terminal text: header (with where its reports are: `reportPaths`, the
 * files written), tokens and cost, tools, guard verdicts, commits, files, subagents.
 */
export function renderSessionView(model: ReportModel, style: Style, reportPaths: readonly string[] = []): string[] {
  return [
    ...header(model, style, reportPaths),
    ...section(style, "Tokens and cost", usage(model)),
    ...section(style, "Tools", tools(model)),
    ...section(style, "Blocked and warned calls", guarded(model, style)),
    ...section(style, "Commits", commits(model)),
    ...section(
      style,
      "Files written",
      model.files.written.map((f) => `  ${f}`),
    ),
    ...section(style, "Subagents", subagents(model)),
    ...section(
      style,
      "Notes",
      model.notes.map((n) => `  - ${n}`),
    ),
  ];
}

function section(style: Style, title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : ["", style.bold(title), ...lines];
}

function header(model: ReportModel, style: Style, reportPaths: readonly string[]): string[] {
  const s = model.session;
  const { allowed, warned, blocked } = model.verdicts;
  const health = s.health === "blocked" ? style.red(s.health) : s.health === "warned" ? style.yellow(s.health) : s.health;
  const git = s.git_branch != null || s.git_commit != null ? `${s.git_branch ?? "?"} @ ${s.git_commit?.slice(0, 7) ?? "?"}` : "-";
  const ended = s.ended_at == null ? "open" : `${formatTime(s.ended_at)} UTC (${s.end_reason ?? "?"}, by ${s.finalized_by ?? "?"})`;
  const rows: Array<[string, string]> = [
    ["project", s.project_dir ?? s.cwd ?? "-"],
    ["git", git],
    ["started", s.started_at == null ? "-" : `${formatTime(s.started_at)} UTC`],
    ["ended", ended],
    ["duration", formatDuration(s.duration_ms)],
    [
      "activity",
      [
        countOf(model.counts.events, "tool call"),
        countOf(model.counts.prompts, "prompt"),
        countOf(model.counts.subagent_stops, "subagent stop"),
        countOf(model.counts.compactions, "compaction"),
        countOf(model.counts.resumes, "resume"),
      ].join(", "),
    ],
    ["verdicts", `${allowed} allowed, ${warned} warned, ${blocked} blocked`],
    ["health", health],
    ["cost", formatCost(model.cost_usd)],
  ];
  // The HTML report to open, and the JSON data behind it (gzipped for a compressed session).
  const html = reportPaths.find((p) => /\.html(?:\.gz)?$/.test(p));
  const json = reportPaths.find((p) => /\.json(?:\.gz)?$/.test(p));
  if (html != null) rows.push(["report", html]);
  if (json != null) rows.push(["data", json]);
  return [style.bold(`Session ${s.session_id}`), ...rows.map(([k, v]) => `  ${k.padEnd(9)} ${v}`)];
}

function usage(model: ReportModel): string[] {
  const entries = Object.entries(model.models);
  if (entries.length === 0) return ["  unknown (no usage in the transcript)"];
  const rows = entries.map(([name, m]) => [
    name,
    formatTokens(m.input_tokens),
    formatTokens(m.output_tokens),
    formatTokens(m.cache_creation_input_tokens),
    formatTokens(m.cache_read_input_tokens),
    String(m.api_calls),
    formatCost(m.cost_usd),
  ]);
  const sum = (pick: (m: (typeof entries)[number][1]) => number) => entries.reduce((n, [, m]) => n + pick(m), 0);
  const total = [
    "total",
    formatTokens(sum((m) => m.input_tokens)),
    formatTokens(sum((m) => m.output_tokens)),
    formatTokens(sum((m) => m.cache_creation_input_tokens)),
    formatTokens(sum((m) => m.cache_read_input_tokens)),
    String(sum((m) => m.api_calls)),
    formatCost(model.cost_usd),
  ];
  return indent(
    formatTable(
      ["model", "input", "output", "cache write", "cache read", "calls", "cost"],
      [...rows, total],
      ["left", "right", "right", "right", "right", "right", "right"],
    ),
  );
}

function tools(model: ReportModel): string[] {
  if (model.tools.length === 0) return [];
  const rows = model.tools.map((t) => [
    t.tool_name,
    String(t.count),
    formatDuration(t.total_ms),
    String(t.failed),
    String(t.warned),
    String(t.blocked),
  ]);
  return indent(
    formatTable(["tool", "calls", "time", "failed", "warned", "blocked"], rows, ["left", "right", "right", "right", "right", "right"]),
  );
}

function guarded(model: ReportModel, style: Style): string[] {
  const events = model.events.filter((e) => e.verdict !== "allowed");
  if (events.length === 0) return ["  none"];
  return events.flatMap((e) => {
    const verdict = e.verdict === "blocked" ? style.red(e.verdict) : style.yellow(e.verdict);
    const rules = e.rules_matched.length > 0 ? e.rules_matched.join(", ") : "-";
    const lines = [`  ${verdict} ${e.tool_name} at ${formatTime(e.timestamp_start)}  rule ${rules}${e.severity ? ` (${e.severity})` : ""}`];
    lines.push(`    ${oneLine(excerptOf(e))}`);
    if (e.reason) lines.push(...wrapText(`reason: ${e.reason}`, REASON_WIDTH).map((l, i) => (i === 0 ? `    ${l}` : `      ${l}`)));
    return lines;
  });
}

/** What the call was about: the finding's excerpt, else the command or path it named. */
function excerptOf(e: ToolEvent): string {
  const excerpt = e.findings.find((f) => f.excerpt)?.excerpt;
  if (excerpt) return excerpt;
  const input = e.tool_input;
  if (input != null && typeof input === "object") {
    const fields = new Map<string, unknown>(Object.entries(input));
    for (const key of ["command", "file_path", "notebook_path", "path", "url", "pattern", "query"]) {
      const value = fields.get(key);
      if (typeof value === "string") return value;
    }
  }
  return JSON.stringify(input) ?? "";
}

/** Each commit with the model's share of its lines, the calls flagged on the way to it and its cost; then the total. */
function commits(model: ReportModel): string[] {
  if (model.commits.length === 0) return [];
  const rows = model.commits.map((c) => [
    c.short,
    oneLine(c.amend_of == null ? c.subject : `${c.subject} (amends ${c.amend_of.slice(0, c.short.length)})`, 64),
    c.ai_share == null ? "-" : `${Math.round(c.ai_share * 100)}%`,
    `${c.lines.ai}/${c.lines.added}`,
    c.segment == null ? "?" : String(c.segment.flagged_count),
    c.segment == null ? formatCost(null) : formatCost(c.segment.cost_usd),
  ]);
  const total = commitLineTotals(model.commits);
  const share = total.ai_share == null ? "" : ` (${Math.round(total.ai_share * 100)}%)`;
  return [
    ...indent(
      formatTable(["commit", "subject", "AI", "AI/added", "flagged", "cost"], rows, ["left", "left", "right", "right", "right", "right"]),
    ),
    `  ${countOf(total.added, "line")} added, ${total.ai} by AI${share}, ${total.mixed} mixed, ${total.human} human, ${total.unknown} unknown`,
  ];
}

function subagents(model: ReportModel): string[] {
  if (model.subagents.length === 0) return [];
  const rows = model.subagents.map((a) => [
    a.agent_id,
    a.agent_type ?? "-",
    a.models == null || a.models.length === 0 ? "-" : a.models.map(shortModel).join(","),
    String(a.tool_calls),
    `${formatTokens(a.input_tokens)}/${formatTokens(a.output_tokens)}`,
    formatCost(a.cost_usd),
  ]);
  return indent(
    formatTable(["agent", "type", "model", "calls", "tokens in/out", "cost"], rows, ["left", "left", "left", "right", "right", "right"]),
  );
}

const indent = (lines: string[]): string[] => lines.map((l) => `  ${l}`);
