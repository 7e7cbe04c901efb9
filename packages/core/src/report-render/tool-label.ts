import { escapeHtml, escapeShown } from "./escape-html.js";

/**
 * A tool's name as HTML: an MCP tool `mcp__<server>__<tool>` reads as "server · tool" with the
 * server muted; every other name as it is. The full name stays in the title.
 */
const MCP_NAME = /^mcp__(.+?)__(.+)$/;

export function toolLabel(toolName: string): string {
  const match = MCP_NAME.exec(toolName);
  if (match == null) return escapeShown(toolName);
  return `<span class="srv" title="${escapeHtml(toolName)}">${escapeShown(match[1] ?? "")} ·</span> ${escapeShown(match[2] ?? "")}`;
}
