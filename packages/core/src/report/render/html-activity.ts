import type { ReportModel } from "../report-model.js";
import { escapeHtml, escapeShown } from "./escape-html.js";
import { formatCost, formatDuration, formatInteger } from "./format-values.js";
import { toolLabel } from "./tool-label.js";

/** Which tools ran, how often and for how long; beside them the subagents, MCP servers and skills. */
export function renderActivity(model: ReportModel): string {
  return `<div class="cols">${renderTools(model)}${renderAgents(model)}</div>`;
}

function renderTools(model: ReportModel): string {
  const tools = [...model.tools].toSorted((a, b) => b.count - a.count || a.tool_name.localeCompare(b.tool_name));
  if (tools.length === 0) return `<section class="card" id="tools"><h2>Tools</h2><p class="empty">No tool was called.</p></section>`;
  const most = Math.max(...tools.map((tool) => tool.count), 1);
  const rows = tools.map((tool) => {
    const width = Math.max(2, Math.round((tool.count / most) * 64));
    return `<tr><td title="${escapeHtml(tool.tool_name)}">${toolLabel(tool.tool_name)}</td><td class="num"><span class="bar" style="width:${width}px"></span>${formatInteger(tool.count)}</td><td class="num">${formatDuration(tool.total_ms)}</td>${flag(tool.failed, "o-failed")}${flag(tool.warned, "v-warned")}${flag(tool.blocked, "v-blocked")}</tr>`;
  });
  return `<section class="card" id="tools"><h2>Tools <span class="count">${formatInteger(tools.length)} used</span></h2>
<table class="grid"><thead><tr><th>Tool</th><th class="num">Calls</th><th class="num">Time</th><th class="num">Failed</th><th class="num">Warned</th><th class="num">Blocked</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

function renderAgents(model: ReportModel): string {
  const agents = model.subagents.map((agent) => {
    const cost = agent.cost_usd == null ? '<span class="unknown">unknown price</span>' : formatCost(agent.cost_usd);
    const type = agent.agent_type == null ? "" : `${escapeShown(agent.agent_type)} `;
    return `<tr><td>${type}<span class="agent" title="${escapeHtml(agent.agent_id)}">${escapeShown(agent.agent_id.slice(0, 12))}</span></td><td class="num">${formatInteger(agent.tool_calls)}</td><td class="num">${formatInteger(agent.input_tokens)}</td><td class="num">${formatInteger(agent.output_tokens)}</td><td class="num">${cost}</td></tr>`;
  });
  const agentTable =
    agents.length === 0
      ? '<p class="empty">No subagent ran.</p>'
      : `<table class="grid"><thead><tr><th>Agent</th><th class="num">Tool calls</th><th class="num">Input</th><th class="num">Output</th><th class="num">Cost</th></tr></thead><tbody>${agents.join("")}</tbody></table>`;
  const servers = model.mcp_servers.map(({ server, tools }) => {
    const used = Object.entries(tools)
      .map(([tool, n]) => `<code>${escapeShown(tool)}</code> ×${formatInteger(n)}`)
      .join(" ");
    return `<tr><td><code>${escapeShown(server)}</code></td><td>${used}</td></tr>`;
  });
  const serverTable =
    servers.length === 0
      ? '<p class="empty">No MCP server was used.</p>'
      : `<table class="grid"><thead><tr><th>Server</th><th>Tools called</th></tr></thead><tbody>${servers.join("")}</tbody></table>`;
  const skills =
    model.skills.length === 0
      ? '<p class="empty">No skill was used.</p>'
      : `<p>${model.skills.map((skill) => `<code>${escapeShown(skill.name)}</code> ×${formatInteger(skill.count)}`).join(" &nbsp; ")}</p>`;
  return `<section class="card" id="agents"><h2>Subagents <span class="count">${formatInteger(model.subagents.length)}</span></h2>${agentTable}
<h3>MCP servers</h3>${serverTable}<h3>Skills</h3>${skills}</section>`;
}

function flag(n: number, tone: string): string {
  return `<td class="num">${n === 0 ? '<span class="muted">0</span>' : `<span class="pill ${tone}">${formatInteger(n)}</span>`}</td>`;
}
