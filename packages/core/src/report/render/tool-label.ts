import { parseMcpToolName } from "../../support/mcp-tool-name.js";
import { escapeHtml, escapeShown } from "./escape-html.js";

/**
 * A tool's name as HTML: an MCP tool `mcp__<server>__<tool>` reads as "server · tool" with the
 * server muted; every other name as it is. The full name stays in the title.
 */
export function toolLabel(toolName: string): string {
  const mcp = parseMcpToolName(toolName);
  if (mcp == null) return escapeShown(toolName);
  return `<span class="srv" title="${escapeHtml(toolName)}">${escapeShown(mcp.server)} ·</span> ${escapeShown(mcp.tool)}`;
}
