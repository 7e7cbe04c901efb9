import { escapeHtml, escapeShown } from "./escape-html.js";
import { formatInteger, formatOffset } from "./format-values.js";
import type { RenderContext } from "./render-context.js";

/** The prompts and the assistant's replies in order; a subagent's turns are indented and named. */
export function renderConversation(ctx: RenderContext, out: string[]): void {
  const { conversation } = ctx.model;
  out.push(
    `<section class="card" id="conversation"><h2>Conversation <span class="count">${formatInteger(conversation.length)} messages</span></h2>`,
  );
  if (conversation.length === 0) out.push('<p class="empty">No conversation was found in the transcript.</p>');
  for (const entry of conversation) {
    const { shown, omitted } = ctx.budget.take(entry.text);
    const cut =
      omitted === 0
        ? ""
        : `<p class="cut">Showing ${formatInteger(shown.length)} of ${formatInteger(shown.length + omitted)} characters; the full text is in <code>${escapeHtml(ctx.jsonName)}</code>.</p>`;
    const when =
      entry.timestamp == null
        ? ""
        : `<span class="t" title="${escapeHtml(entry.timestamp)}">${formatOffset(entry.timestamp, ctx.startMs)}</span>`;
    const model = entry.model == null ? "" : `<span class="t">${escapeShown(entry.model)}</span>`;
    const agent =
      entry.agent_id == null
        ? ""
        : `<span class="agent" title="subagent ${escapeHtml(entry.agent_id)}">${escapeShown(entry.agent_id.slice(0, 10))}</span>`;
    const role = entry.role === "user" ? (entry.agent_id == null ? "Prompt" : "Task") : "Assistant";
    out.push(
      `<div class="msg ${entry.role}${entry.agent_id == null ? "" : " sub"}"><div class="who">${role} ${agent}${when}${model}</div><div><div class="bubble">${escapeShown(shown)}</div>${cut}</div></div>`,
    );
  }
  out.push("</section>");
}
