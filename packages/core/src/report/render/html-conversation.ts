import type { ConversationEntry, ReportTurn } from "../report-model.js";
import type { ToolEventRecord } from "../../store/session-record.js";
import { describeToolCall } from "./describe-tool-call.js";
import { escapeHtml, escapeShown } from "./escape-html.js";
import { formatCompact, formatCost, formatDuration, formatInteger, formatOffset } from "./format-values.js";
import type { RenderContext } from "./render-context.js";

/**
 * The main conversation in order, turn by turn: each turn headed by what it cost and did, then
 * prompts, answers, thinking (collapsed), each API response's tokens, tool calls as links to
 * their timeline entries, compactions. A subagent's work shows as its turn's cost and a link.
 */
export function renderConversation(ctx: RenderContext, out: string[]): void {
  const { conversation, turns } = ctx.model;
  const messages = conversation.filter((entry) => kindOf(entry) === "prompt" || kindOf(entry) === "text").length;
  out.push(
    `<section class="card" id="conversation"><h2>Conversation <span class="count">${formatInteger(turns.filter((turn) => turn.index > 0).length)} turns · ${formatInteger(messages)} messages</span></h2>`,
  );
  if (conversation.length === 0) out.push('<p class="empty">No conversation was found in the transcript.</p>');
  const turnByIndex = new Map(turns.map((turn) => [turn.index, turn]));
  const events = new Map(ctx.model.events.map((event) => [event.id, event]));
  let open: number | undefined;
  for (const entry of conversation) {
    if (entry.turn !== open && kindOf(entry) !== "omitted") {
      if (open !== undefined) out.push("</div>");
      open = entry.turn;
      const turn = entry.turn == null ? undefined : turnByIndex.get(entry.turn);
      out.push(`<div class="turn"${entry.turn == null ? "" : ` id="turn-${entry.turn}"`}>${turn == null ? "" : renderTurnHead(turn, ctx)}`);
    }
    out.push(renderEntry(entry, ctx, events));
  }
  if (open !== undefined) out.push("</div>");
  out.push("</section>");
}

type Kind = NonNullable<ConversationEntry["kind"]>;

/** Reports written before turns were kept have prompts and texts only, told apart by role. */
function kindOf(entry: ConversationEntry): Kind {
  return entry.kind ?? (entry.role === "user" ? "prompt" : "text");
}

function renderTurnHead(turn: ReportTurn, ctx: RenderContext): string {
  const parts: string[] = [`<b>${turn.index === 0 ? "Before the first prompt" : `Turn ${turn.index}`}</b>`];
  if (turn.started_at != null) parts.push(`<span class="mono">${escapeHtml(formatOffset(turn.started_at, ctx.startMs))}</span>`);
  parts.push(`took ${formatDuration(turn.duration_ms)}`);
  parts.push(`${formatInteger(turn.responses)} response${turn.responses === 1 ? "" : "s"}`);
  parts.push(turn.cost_usd == null ? '<span class="unknown">cost unknown</span>' : `<b>${formatCost(turn.cost_usd)}</b>`);
  const calls = turn.event_ids.length;
  if (calls > 0) parts.push(`${formatInteger(calls)} tool call${calls === 1 ? "" : "s"}`);
  if (turn.verdicts.warned > 0) parts.push(`<span class="pill v-warned">${formatInteger(turn.verdicts.warned)} warned</span>`);
  if (turn.verdicts.blocked > 0) parts.push(`<span class="pill v-blocked">${formatInteger(turn.verdicts.blocked)} blocked</span>`);
  const agents = turn.subagents.map((agent) => {
    const cost = agent.cost_usd == null ? "cost unknown" : formatCost(agent.cost_usd);
    return `<a class="agent" href="#agents" title="subagent ${escapeHtml(agent.agent_id)}">${escapeShown(agent.agent_type ?? "subagent")} ${escapeShown(agent.agent_id.slice(0, 8))}</a> ${formatInteger(agent.responses)} response${agent.responses === 1 ? "" : "s"}, ${cost}`;
  });
  return `<div class="turn-head">${parts.join(" · ")}${agents.length === 0 ? "" : `<div class="turn-agents">Subagents: ${agents.join("; ")}</div>`}</div>`;
}

function renderEntry(entry: ConversationEntry, ctx: RenderContext, events: ReadonlyMap<number, ToolEventRecord>): string {
  const when =
    entry.timestamp == null
      ? ""
      : `<span class="t" title="${escapeHtml(entry.timestamp)}">${formatOffset(entry.timestamp, ctx.startMs)}</span>`;
  const kind = kindOf(entry);
  switch (kind) {
    case "prompt":
    case "text": {
      const model = entry.model == null || kind === "prompt" ? "" : `<span class="t">${escapeShown(entry.model)}</span>`;
      const agent =
        entry.agent_id == null
          ? ""
          : `<span class="agent" title="subagent ${escapeHtml(entry.agent_id)}">${escapeShown(entry.agent_id.slice(0, 10))}</span>`;
      const role = entry.role === "user" ? (entry.agent_id == null ? "Prompt" : "Task") : "Assistant";
      return `<div class="msg ${entry.role}${entry.agent_id == null ? "" : " sub"}"><div class="who">${role} ${agent}${when}${model}</div><div>${bubble(entry, ctx)}</div></div>`;
    }
    case "thinking": {
      if (entry.redacted === true)
        return `<div class="step thinking muted">Thinking <span class="muted">(the transcript keeps only its signature, not its text)</span></div>`;
      return `<details class="step thinking"><summary>Thinking · ${formatInteger(entry.text.length)} characters</summary>${bubble(entry, ctx)}</details>`;
    }
    case "response": {
      const t = entry.tokens;
      const figures =
        t == null
          ? ""
          : ` · <span title="input ${formatInteger(t.input)} · cache write ${formatInteger(t.cache_write)} · cache read ${formatInteger(t.cache_read)} · output ${formatInteger(t.output)}">${formatCompact(t.input)} in · ${formatCompact(t.cache_write)} cache write · ${formatCompact(t.cache_read)} cache read · ${formatCompact(t.output)} out</span>`;
      const cost =
        entry.cost_usd === undefined
          ? ""
          : entry.cost_usd === null
            ? ' · <span class="unknown">price unknown</span>'
            : ` · ${formatCost(entry.cost_usd)}`;
      return `<div class="step resp">Response${entry.model == null ? "" : ` · <code>${escapeShown(entry.model)}</code>`}${figures}${cost}${when === "" ? "" : ` · ${when}`}</div>`;
    }
    case "tool_use": {
      const event = entry.event_id == null ? undefined : events.get(entry.event_id);
      if (event == null)
        return `<div class="step call"><span class="call-tool">${escapeShown(entry.text)}</span> <span class="muted">not recorded by Warden</span></div>`;
      const what = describeToolCall(event.tool_name, event.tool_input, ctx.projectDir, 120);
      const verdict = event.verdict === "allowed" ? "" : ` <span class="pill v-${event.verdict}">${event.verdict}</span>`;
      const failed = event.outcome === "failed" ? ' <span class="pill o-failed">failed</span>' : "";
      return `<div class="step call ${event.verdict}"><a href="#ev-${event.id}"><span class="call-tool">${escapeShown(entry.text)}</span> <span class="call-what">${escapeShown(what)}</span></a> <span class="muted">#${event.id} · ${formatDuration(event.duration_ms)}</span>${verdict}${failed}</div>`;
    }
    case "compaction": {
      const size = entry.pre_tokens == null ? "" : ` at ${formatInteger(entry.pre_tokens)} tokens`;
      const trigger = entry.trigger == null ? "" : ` (${escapeShown(entry.trigger)})`;
      return `<div class="step compaction">Context compacted${size}${trigger}. From here the model saw a summary of what came before; the lines above stay in the transcript, and their cost is counted.${when === "" ? "" : ` ${when}`}</div>`;
    }
    case "omitted":
      return `<p class="step omitted">${formatInteger(entry.omitted ?? 0)} entries not shown${entry.text === "" ? "" : ` (${escapeShown(entry.text)})`}: a long conversation keeps its start and its end. The table of turns has the cost of every turn.</p>`;
    default:
      return kind satisfies never;
  }
}

function bubble(entry: ConversationEntry, ctx: RenderContext): string {
  const { shown, omitted } = ctx.budget.take(entry.text);
  const cut =
    omitted === 0
      ? entry.truncated === true
        ? '<p class="cut">Cut when read from the transcript (its start and end are kept).</p>'
        : ""
      : `<p class="cut">Showing ${formatInteger(shown.length)} of ${formatInteger(shown.length + omitted)} characters; the full text is in <code>${escapeHtml(ctx.jsonName)}</code>.</p>`;
  return `<div class="bubble">${escapeShown(shown)}</div>${cut}`;
}
