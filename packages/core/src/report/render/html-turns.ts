import type { ReportTurn } from "../report-model.js";
import { escapeHtml, escapeShown } from "./escape-html.js";
import { formatCost, formatDuration, formatInteger, formatOffset } from "./format-values.js";
import type { RenderContext } from "./render-context.js";

/** A long session shows its first and last turns in the table; the JSON report has every one. */
export const TURN_ROWS_HEAD = 100;
export const TURN_ROWS_TAIL = 300;

/** Cost per turn: a prompt and everything until the next one, with a total equal to the session's. */
export function renderTurns(ctx: RenderContext): string {
  const { turns } = ctx.model;
  const head = `<section class="card" id="turns"><h2>Turns <span class="count">${formatInteger(turns.filter((turn) => turn.index > 0).length)} prompts</span></h2>`;
  if (turns.length === 0) return `${head}<p class="empty">No turn was found in the transcript.</p></section>`;
  const most = Math.max(...turns.map((turn) => turn.cost_usd ?? 0), 0);
  const shown =
    turns.length <= TURN_ROWS_HEAD + TURN_ROWS_TAIL ? turns : [...turns.slice(0, TURN_ROWS_HEAD), null, ...turns.slice(-TURN_ROWS_TAIL)];
  const rows = shown.map((turn) =>
    turn == null
      ? `<tr class="omitted-row"><td colspan="9">${formatInteger(turns.length - TURN_ROWS_HEAD - TURN_ROWS_TAIL)} turns not shown; every turn is in <code>${escapeHtml(ctx.jsonName)}</code>.</td></tr>`
      : renderRow(turn, most, ctx),
  );
  return `${head}<table class="grid turns"><thead><tr><th>Turn</th><th>Prompt</th><th class="num">Started</th><th class="num">Took</th><th class="num">Responses</th><th class="num">Tokens in / out</th><th class="num">Cost</th><th>Tools</th><th>Verdicts</th></tr></thead>
<tbody>${rows.join("")}</tbody><tfoot>${renderTotal(turns, ctx)}</tfoot></table></section>`;
}

function renderRow(turn: ReportTurn, most: number, ctx: RenderContext): string {
  const prompt = turn.index === 0 ? '<span class="muted">before the first prompt</span>' : escapeShown(turn.prompt ?? "");
  const started = turn.started_at == null ? "—" : formatOffset(turn.started_at, ctx.startMs);
  const responses = `${formatInteger(turn.responses)}${turn.subagent_responses > 0 ? ` <span class="muted" title="subagent responses">+${formatInteger(turn.subagent_responses)}</span>` : ""}`;
  const input = turn.tokens.input + turn.tokens.cache_write + turn.tokens.cache_read;
  const tokens = `<span title="input ${formatInteger(turn.tokens.input)} · cache write ${formatInteger(turn.tokens.cache_write)} · cache read ${formatInteger(turn.tokens.cache_read)}">${formatInteger(input)}</span> / ${formatInteger(turn.tokens.output)}`;
  const width = most <= 0 || turn.cost_usd == null ? 0 : Math.max(2, Math.round((turn.cost_usd / most) * 48));
  const cost =
    turn.cost_usd == null
      ? `<span class="unknown" title="${escapeHtml(`no price for ${turn.unpriced_models.join(", ")}`)}">unknown</span>`
      : `<span class="bar" style="width:${width}px"></span>${formatCost(turn.cost_usd)}`;
  const tools = Object.entries(turn.tools)
    .toSorted((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, n]) => `${escapeShown(name)}${n > 1 ? ` ×${formatInteger(n)}` : ""}`);
  const verdicts = [
    turn.verdicts.warned > 0 ? `<span class="pill v-warned">${formatInteger(turn.verdicts.warned)} warned</span>` : "",
    turn.verdicts.blocked > 0 ? `<span class="pill v-blocked">${formatInteger(turn.verdicts.blocked)} blocked</span>` : "",
  ].join(" ");
  return `<tr id="turn-row-${turn.index}"><td><a href="#turn-${turn.index}">${turn.index}</a></td><td class="prompt-cell">${prompt}</td><td class="num mono">${escapeHtml(started)}</td><td class="num">${formatDuration(turn.duration_ms)}</td><td class="num">${responses}</td><td class="num">${tokens}</td><td class="num">${cost}</td><td class="tools-cell">${tools.join(", ")}</td><td>${verdicts}</td></tr>`;
}

/** The sum of the turns, which is the session's total: the same responses, priced the same way. */
function renderTotal(turns: readonly ReportTurn[], ctx: RenderContext): string {
  let input = 0;
  let output = 0;
  let responses = 0;
  let picodollars = 0n;
  let unknown = false;
  for (const turn of turns) {
    input += turn.tokens.input + turn.tokens.cache_write + turn.tokens.cache_read;
    output += turn.tokens.output;
    responses += turn.responses + turn.subagent_responses;
    if (turn.cost_usd == null) unknown = true;
    else picodollars += BigInt(Math.round(turn.cost_usd * 1e12));
  }
  const cost = unknown ? '<span class="unknown">unknown</span>' : formatCost(Number(picodollars) / 1e12);
  const calls = turns.reduce((sum, turn) => sum + turn.event_ids.length, 0);
  return `<tr><td></td><td>Total${ctx.model.cost_usd == null ? "" : " (the session's cost)"}</td><td></td><td></td><td class="num">${formatInteger(responses)}</td><td class="num">${formatInteger(input)} / ${formatInteger(output)}</td><td class="num">${cost}</td><td>${formatInteger(calls)} calls</td><td></td></tr>`;
}
