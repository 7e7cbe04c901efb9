/** `mcp__<server>__<tool>` split at the first `__` after the prefix; null for other tool names. */
export function parseMcpToolName(name: string): { server: string; tool: string } | null {
  if (!name.startsWith("mcp__")) return null;
  const rest = name.slice("mcp__".length);
  // The server name has at least one character, so the separator is searched from the second.
  const cut = rest.indexOf("__", 1);
  if (cut < 0 || cut + 2 >= rest.length) return null;
  return { server: rest.slice(0, cut), tool: rest.slice(cut + 2) };
}
