import type { LiveCall, LiveUsage, RecordTally } from "@warden/core";
import { formatCost, formatTokens, oneLine, type Style } from "./format.js";

/** What `warden statusline` shows: the session's usage, and its records when Warden recorded it. */
export interface StatusView {
  readonly usage: LiveUsage;
  /** Null when the session has no Warden records (the project is not wired, or not for this session). */
  readonly records: RecordTally | null;
}

/** How much of a flagged call's description the line keeps. */
const WHAT_CHARS = 28;

/**
 * One short line, e.g. `warden $0.4213 · 182k in / 12.0k out · 41 calls: 2 warned, 1 blocked
 * (last: Bash rm -rf ~ blocked)`. Warned and blocked counts are coloured when `style` colours.
 */
export function formatStatusLine(view: StatusView, style: Style): string {
  return ["warden " + costPart(view.usage), tokensPart(view.usage), callsPart(view.records, style)].join(" · ");
}

function costPart({ cost }: LiveUsage): string {
  if (cost.unpriced_models.length === 0) return formatCost(cost.total_cost_usd);
  const [first = "", ...others] = cost.unpriced_models;
  // A model without a price is named, never counted as free.
  return `${formatCost(cost.total_cost_usd)}+? (no price: ${first}${others.length > 0 ? ` +${others.length}` : ""})`;
}

function tokensPart({ usage }: LiveUsage): string {
  const t = usage.total;
  const input = t.input_tokens + t.cache_write_5m_tokens + t.cache_write_1h_tokens + t.cache_read_tokens;
  return `${formatTokens(input)} in / ${formatTokens(t.output_tokens)} out`;
}

function callsPart(records: RecordTally | null, style: Style): string {
  if (records == null) return "verdicts not recorded";
  const calls = `${records.calls} ${records.calls === 1 ? "call" : "calls"}`;
  const { warned, blocked } = records.verdicts;
  if (warned === 0 && blocked === 0) return `${calls}, none flagged`;
  const counts = [warned > 0 ? style.yellow(`${warned} warned`) : "", blocked > 0 ? style.red(`${blocked} blocked`) : ""].filter(
    (c) => c !== "",
  );
  const last = records.last_flagged == null ? "" : ` (last: ${describeFlagged(records.last_flagged, style)})`;
  return `${calls}: ${counts.join(", ")}${last}`;
}

function describeFlagged(call: LiveCall, style: Style): string {
  const what = oneLine(call.what, WHAT_CHARS);
  const verdict = call.verdict === "blocked" ? style.red(call.verdict) : style.yellow(call.verdict);
  return `${call.tool_name}${what === "" ? "" : ` ${what}`} ${verdict}`;
}
