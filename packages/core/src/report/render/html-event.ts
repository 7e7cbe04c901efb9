import type { ToolEventRecord } from "../../store/session-record.js";
import { describeToolCall } from "./describe-tool-call.js";
import { escapeHtml, escapeShown } from "./escape-html.js";
import { formatDateTime, formatDuration, formatOffset, formatInteger, relativePath } from "./format-values.js";
import { excerptPattern } from "./excerpt-marks.js";
import { severityPill } from "./html-guard.js";
import type { RenderContext } from "./render-context.js";
import { toolLabel } from "./tool-label.js";
import { preBlock, renderToolInput, renderToolOutput } from "./value-display.js";
import type { Finding } from "../../verdict.js";

/** One timeline entry: a summary line, and when opened the guard's findings, input, output and files. */
export function renderEvent(event: ToolEventRecord, ctx: RenderContext): string {
  const what = describeToolCall(event.tool_name, event.tool_input, ctx.projectDir);
  const agent = event.agent_id ?? "main";
  const tags: string[] = [];
  if (event.outcome === "failed" || event.outcome === "no_result")
    tags.push(`<span class="pill o-${event.outcome}">${event.outcome === "failed" ? "failed" : "no result"}</span>`);
  if (event.agent_id != null)
    tags.push(
      `<span class="agent" title="subagent ${escapeHtml(event.agent_id)}">${escapeShown(event.agent_type ?? event.agent_id.slice(0, 10))}</span>`,
    );
  const tool = toolLabel(event.tool_name);
  return `<details class="ev ${event.verdict}" id="ev-${event.id}" data-tool="${escapeHtml(event.tool_name)}" data-verdict="${event.verdict}" data-outcome="${event.outcome}" data-agent="${escapeHtml(agent)}">
<summary><span class="id">#${event.id}</span><span class="t" title="${escapeHtml(event.timestamp_start)}">${formatOffset(event.timestamp_start, ctx.startMs)}</span><span class="tool" title="${escapeHtml(event.tool_name)}">${tool}</span><span class="what">${escapeShown(what)}</span><span class="tags">${tags.join("")}</span><span class="dur">${formatDuration(event.duration_ms)}</span><span><span class="pill v-${event.verdict}">${event.verdict}</span></span></summary>
<div class="ev-body">${renderBody(event, ctx)}</div></details>`;
}

function renderBody(event: ToolEventRecord, renderCtx: RenderContext): string {
  const ctx = event.findings.length === 0 ? renderCtx : { ...renderCtx, marks: excerptPattern(event.findings) };
  const parts: string[] = [];
  if (event.reason != null && event.reason !== "") parts.push(`<p class="reason">${escapeShown(event.reason)}</p>`);
  if (event.findings.length > 0) parts.push(`<h4>Guard findings</h4>${renderFindings(event.findings)}`);
  else if (event.rules_matched.length > 0)
    parts.push(`<h4>Rules matched</h4><p>${event.rules_matched.map((rule) => `<code>${escapeShown(rule)}</code>`).join(" ")}</p>`);
  parts.push(`<h4>Input</h4>${renderToolInput(event.tool_input, ctx)}`);
  if (event.error != null && event.error !== "") parts.push(`<h4>Error</h4>${preBlock(event.error, ctx, "err")}`);
  if (event.outcome === "blocked") parts.push('<h4>Output</h4><p class="muted">Not run: the guard blocked this call.</p>');
  else if (event.tool_output != null || event.error == null) parts.push(`<h4>Output</h4>${renderToolOutput(event.tool_output, ctx)}`);
  if (event.files_accessed.length > 0) {
    const files = event.files_accessed.map(
      (file) => `<code title="${escapeHtml(file)}">${escapeShown(relativePath(file, ctx.projectDir))}</code>`,
    );
    parts.push(`<h4>Files</h4><p>${files.join(" ")}</p>`);
  }
  if (event.truncated != null && event.truncated.length > 0) {
    const cuts = event.truncated.map(
      (cut) =>
        `<li><code>${escapeShown(cut.path)}</code> was ${formatInteger(cut.bytes)} bytes, sha256 <code>${escapeShown(cut.sha256)}</code></li>`,
    );
    parts.push(`<h4>Cut when recorded</h4><ul class="muted">${cuts.join("")}</ul>`);
  }
  parts.push(renderFacts(event));
  return parts.join("");
}

function renderFindings(findings: readonly Finding[]): string {
  const rows = findings.map((finding) => {
    const excerpt =
      finding.excerpt == null || finding.excerpt === "" ? '<span class="muted">—</span>' : `<code>${escapeShown(finding.excerpt)}</code>`;
    const where = [finding.source, finding.form, finding.category]
      .filter((part) => part != null && part !== "")
      .map((part) => escapeShown(String(part)))
      .join(" · ");
    return `<tr><td>${severityPill(finding)}</td><td><code>${escapeShown(finding.rule)}</code>${where === "" ? "" : `<div class="muted">${where}</div>`}</td><td>${escapeShown(finding.message ?? "")}</td><td>${excerpt}</td></tr>`;
  });
  return `<table class="grid findings"><thead><tr><th>Severity</th><th>Rule</th><th>Reason</th><th>Matched excerpt</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function renderFacts(event: ToolEventRecord): string {
  const facts: string[] = [
    `started ${formatDateTime(event.timestamp_start)}`,
    `took ${formatDuration(event.duration_ms)}`,
    `guard scan ${event.scan_time_ms < 10 ? `${event.scan_time_ms.toFixed(1)} ms` : formatDuration(event.scan_time_ms)}`,
    `outcome ${event.outcome}`,
  ];
  if (event.tool_use_id != null) facts.push(`id ${event.tool_use_id}`);
  if (event.mcp_server != null) facts.push(`MCP ${event.mcp_server}${event.mcp_tool == null ? "" : ` / ${event.mcp_tool}`}`);
  if (event.agent_id != null) facts.push(`agent ${event.agent_type ?? ""} ${event.agent_id}`);
  facts.push(`in ${event.working_dir}`);
  return `<div class="facts">${facts.map((fact) => `<span>${escapeShown(fact)}</span>`).join("")}</div>`;
}
