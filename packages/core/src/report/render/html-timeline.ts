import type { ToolEventRecord } from "../../store/session-record.js";
import { escapeHtml, escapeShown } from "./escape-html.js";
import { formatInteger } from "./format-values.js";
import { renderEvent } from "./html-event.js";
import type { RenderContext } from "./render-context.js";

/** Every tool call in order, with the controls the report's script uses to filter them. */
const LAZY_ROWS_FROM = 300;

export function renderTimeline(ctx: RenderContext, out: string[]): void {
  const { events } = ctx.model;
  const title = `<h2>Timeline <span class="count">${formatInteger(events.length)} tool calls</span>`;
  if (events.length === 0) {
    out.push(`<section class="card" id="timeline">${title}</h2><p class="empty">No tool was called.</p></section>`);
    return;
  }
  const buttons =
    '<span class="btns"><button type="button" id="f-expand">Expand all</button><button type="button" id="f-collapse">Collapse all</button><button type="button" id="f-reset">Reset filters</button></span>';
  out.push(`<section class="card" id="timeline">${title}${buttons}</h2>`);
  // A long timeline lets the browser skip laying out the rows off screen.
  out.push(renderFilters(events), events.length > LAZY_ROWS_FROM ? '<div id="events" class="many">' : '<div id="events">');
  for (const event of events) out.push(renderEvent(event, ctx));
  out.push("</div></section>");
}

function renderFilters(events: readonly ToolEventRecord[]): string {
  const tools = new Map<string, number>();
  const agents = new Map<string, string>();
  const verdicts = { allowed: 0, warned: 0, blocked: 0 };
  for (const event of events) {
    tools.set(event.tool_name, (tools.get(event.tool_name) ?? 0) + 1);
    if (event.agent_id != null) agents.set(event.agent_id, event.agent_type ?? "subagent");
    verdicts[event.verdict]++;
  }
  const toolOptions = [...tools]
    .toSorted((a, b) => a[0].localeCompare(b[0]))
    .map(([name, n]) => `<option value="${escapeHtml(name)}">${escapeShown(name)} (${formatInteger(n)})</option>`);
  const agentOptions = [...agents].map(
    ([id, type]) => `<option value="${escapeHtml(id)}">${escapeShown(type)} ${escapeShown(id.slice(0, 10))}</option>`,
  );
  const agentSelect =
    agents.size === 0
      ? ""
      : `<label>Agent <select id="f-agent"><option value="">All</option><option value="main">Main thread</option>${agentOptions.join("")}</select></label>`;
  const boxes = (["allowed", "warned", "blocked"] as const).map(
    (verdict) =>
      `<label><input type="checkbox" data-verdict="${verdict}" checked> <span class="pill v-${verdict}">${verdict}</span> ${formatInteger(verdicts[verdict])}</label>`,
  );
  return `<div class="filters" role="group" aria-label="Filter events"><label>Tool <select id="f-tool"><option value="">All tools</option>${toolOptions.join("")}</select></label>
${agentSelect}${boxes.join("")}<label><input type="checkbox" id="f-failed"> failed only</label><span class="shown" id="f-shown" aria-live="polite"></span></div>`;
}
