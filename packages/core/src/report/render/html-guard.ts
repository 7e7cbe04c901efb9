import type { ReportModel } from "../report-model.js";
import type { ToolEventRecord } from "../../store/session-record.js";
import { describeToolCall } from "./describe-tool-call.js";
import { escapeHtml, escapeShown } from "./escape-html.js";
import { formatInteger } from "./format-values.js";
import type { RenderContext } from "./render-context.js";
import type { Finding } from "../../verdict.js";

/** Every warned or blocked call at a glance, each linking to its place in the timeline. */

const LISTED_MAX = 200;

export function renderGuard(ctx: RenderContext): string {
  const { model } = ctx;
  const flagged = model.events.filter((event) => event.verdict !== "allowed");
  const items = flagged.slice(0, LISTED_MAX).map((event) => flaggedItem(event, ctx));
  if (flagged.length > LISTED_MAX)
    items.push(
      `<li><span></span><span></span><span class="muted">and ${formatInteger(flagged.length - LISTED_MAX)} more: filter the timeline by verdict.</span></li>`,
    );
  const { allowed, warned, blocked } = model.verdicts;
  const rules = Object.entries(model.rules_matched).toSorted((a, b) => b[1] - a[1]);
  const ruleList =
    rules.length === 0
      ? ""
      : `<h3>Rules matched</h3><p>${rules.map(([rule, n]) => `<code>${escapeShown(rule)}</code> ×${formatInteger(n)}`).join(" &nbsp; ")}</p>`;
  const body =
    flagged.length === 0 ? '<p class="empty">No tool call was warned or blocked.</p>' : `<ul class="finding-list">${items.join("")}</ul>`;
  const promptsWarned = model.counts.prompts_warned;
  const prompts =
    promptsWarned === 0
      ? ""
      : `<h3>Prompts warned <span class="count">${formatInteger(promptsWarned)} of ${formatInteger(model.counts.prompts)}; prompts are never blocked</span></h3><ul class="finding-list">${model.flagged_prompts.map(flaggedPrompt).join("")}</ul>`;
  return `<section class="card" id="guard"><h2>Guard verdicts <span class="count">tool calls: ${formatInteger(allowed)} allowed · ${formatInteger(warned)} warned · ${formatInteger(blocked)} blocked</span></h2>
${body}${prompts}${ruleList}</section>`;
}

function flaggedItem(event: ToolEventRecord, ctx: RenderContext): string {
  const what = describeToolCall(event.tool_name, event.tool_input, ctx.projectDir, 120);
  const top = strongest(event.findings);
  const rule = top == null ? event.rules_matched[0] : top.rule;
  const lines = [`<div><code>${escapeShown(what === "" ? event.tool_name : what)}</code></div>`];
  const detail = event.reason ?? top?.message;
  if (detail != null) lines.push(`<div class="muted">${escapeShown(detail)}</div>`);
  if (top?.excerpt != null && top.excerpt !== "") lines.push(`<div>Matched: <code>${escapeShown(top.excerpt)}</code></div>`);
  return `<li><span class="pill v-${event.verdict}">${event.verdict}</span>
<span><a href="#ev-${event.id}">#${event.id} ${escapeShown(event.tool_name)}</a>${event.agent_id == null ? "" : ` <span class="agent" title="subagent ${escapeHtml(event.agent_id)}">${escapeShown(event.agent_type ?? "subagent")}</span>`}<br><span class="muted mono" title="rule">${escapeShown(rule ?? "")}</span></span>
<div>${lines.join("")}</div></li>`;
}

function flaggedPrompt(prompt: ReportModel["flagged_prompts"][number]): string {
  const top = strongest(prompt.findings);
  const lines = [`<div><code>${escapeShown(prompt.prompt.length > 300 ? `${prompt.prompt.slice(0, 300)}…` : prompt.prompt)}</code></div>`];
  if (top?.excerpt != null && top.excerpt !== "") lines.push(`<div>Matched: <code>${escapeShown(top.excerpt)}</code></div>`);
  return `<li><span class="pill v-warned">warned</span><span>prompt<br><span class="muted mono" title="rule">${escapeShown(top?.rule ?? "")}</span></span><div>${lines.join("")}</div></li>`;
}

const RANK = { low: 0, medium: 1, high: 2, critical: 3 } as const;

/** The most severe finding, the first of equals. */
export function strongest(findings: readonly Finding[]): Finding | undefined {
  let best: Finding | undefined;
  for (const finding of findings) if (best == null || RANK[finding.severity] > RANK[best.severity]) best = finding;
  return best;
}

export function severityPill(finding: Finding): string {
  return `<span class="pill s-${escapeHtml(finding.severity)}">${escapeHtml(finding.severity)}</span>`;
}
