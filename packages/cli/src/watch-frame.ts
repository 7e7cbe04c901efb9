import type { LiveCall, LiveUsage, RecordTally } from "@warden/core";
import { countOf, formatCost, formatTable, formatTokens, oneLine, shortModel, type Style } from "./format.js";

/** One refresh of `warden watch`: the session's records so far, and its usage when its transcript is known. */
export interface WatchSnapshot {
  readonly session_id: string;
  readonly records: RecordTally;
  /** Null when no record names the transcript yet. */
  readonly usage: LiveUsage | null;
  /** Why the transcript could not be read, when it could not. */
  readonly transcript_error: string | null;
}

export interface FrameOptions {
  /** How many of the last calls to list. */
  readonly calls: number;
  /** The closing line (how to quit, how often it refreshes); none for a last or single frame. */
  readonly footer: string | null;
}

const WHAT_CHARS = 60;

/** The frame's lines, top to bottom. */
export function renderWatchFrame(snapshot: WatchSnapshot, style: Style, options: FrameOptions): string[] {
  const { records } = snapshot;
  return [
    headerLine(snapshot, style),
    ...usageLines(snapshot, style),
    "",
    callsLine(records, style),
    ...recentLines(records, style, options.calls),
    ...(options.footer == null ? [] : ["", style.dim(options.footer)]),
  ];
}

function headerLine({ session_id, records }: WatchSnapshot, style: Style): string {
  const state =
    records.ended != null
      ? `ended ${clock(records.ended.ended_at)} (${records.ended.reason})`
      : `open, last record ${clock(records.last_record_at)}`;
  return `${style.bold("warden watch")} · session ${session_id} · ${state} · times UTC`;
}

function usageLines({ usage, transcript_error }: WatchSnapshot, style: Style): string[] {
  if (transcript_error != null) return [`cost     ? (the transcript could not be read: ${oneLine(transcript_error, 120)})`];
  if (usage == null) return ["cost     ? (no record names the session's transcript yet)"];
  const { total, by_model } = usage.usage;
  const cost = usage.cost;
  const unpriced = cost.unpriced_models.length === 0 ? "" : style.yellow(` + unpriced: ${cost.unpriced_models.join(", ")}`);
  const lines = [
    `cost     ${style.bold(formatCost(cost.total_cost_usd))}${unpriced}${usage.found ? "" : " (no transcript yet)"}`,
    `tokens   ${formatTokens(total.input_tokens)} in, ${formatTokens(total.cache_write_5m_tokens + total.cache_write_1h_tokens)} cache write, ` +
      `${formatTokens(total.cache_read_tokens)} cache read, ${formatTokens(total.output_tokens)} out · ${countOf(total.responses, "API response")}`,
  ];
  const models = Object.entries(by_model).toSorted(([a], [b]) => a.localeCompare(b));
  if (models.length === 0) return lines;
  const rows = models.map(([model, m]) => [
    shortModel(model),
    formatTokens(m.input_tokens),
    formatTokens(m.cache_write_5m_tokens + m.cache_write_1h_tokens),
    formatTokens(m.cache_read_tokens),
    formatTokens(m.output_tokens),
    formatCost(cost.by_model[model]?.cost_usd),
  ]);
  const table = formatTable(["model", "in", "cache write", "cache read", "out", "cost"], rows, [
    "left",
    "right",
    "right",
    "right",
    "right",
    "right",
  ]);
  return [...lines, "", ...table];
}

function callsLine({ calls, verdicts }: RecordTally, style: Style): string {
  const warned = verdicts.warned > 0 ? style.yellow(`${verdicts.warned} warned`) : "0 warned";
  const blocked = verdicts.blocked > 0 ? style.red(`${verdicts.blocked} blocked`) : "0 blocked";
  return `calls    ${calls}: ${verdicts.allowed} allowed, ${warned}, ${blocked}`;
}

function recentLines(records: RecordTally, style: Style, count: number): string[] {
  const shown = records.recent.slice(-count);
  if (shown.length === 0) return [];
  const toolWidth = Math.max(...shown.map((call) => call.tool_name.length));
  const rows = shown.map((call) => [clock(call.timestamp), verdictCell(call, style), call.tool_name.padEnd(toolWidth), describe(call)]);
  // Padded before colouring would count escape codes as width: the verdict column is padded by hand.
  return [`last ${shown.length} of ${records.calls}:`, ...rows.map((cells) => `  ${cells.join("  ")}`)];
}

function verdictCell(call: LiveCall, style: Style): string {
  const padded = call.verdict.padEnd(7);
  if (call.verdict === "blocked") return style.red(padded);
  return call.verdict === "warned" ? style.yellow(padded) : padded;
}

function describe(call: LiveCall): string {
  const what = oneLine(call.what, WHAT_CHARS);
  return call.reason == null || call.verdict === "allowed" ? what : `${what} — ${oneLine(call.reason, WHAT_CHARS)}`;
}

/** `10:04:12` (UTC); "-" when unknown. */
function clock(iso: string | null): string {
  if (iso == null) return "-";
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? "-" : new Date(ms).toISOString().slice(11, 19);
}
