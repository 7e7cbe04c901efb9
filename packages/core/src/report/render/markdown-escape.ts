/**
 * Session text in Markdown. Everything from the session goes into code spans: no emphasis, links,
 * autolinks, @-mentions, #-references or raw HTML can come out of it. `mdCode` picks a fence longer
 * than any backtick run inside; `inTable` also escapes pipes (GFM splits cells before code spans).
 */
export function mdCode(text: string, options: { inTable?: boolean; max?: number } = {}): string {
  let flat = text.replace(/\s+/g, " ").trim();
  if (options.max != null && flat.length > options.max) flat = `${flat.slice(0, options.max - 1)}…`;
  if (flat === "") return "";
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  const body = options.inTable === true ? flat.replace(/\|/g, "\\|") : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** One table row from already escaped cells. */
export function mdRow(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** Prose on one line with Markdown-active characters backslash-escaped: for Warden's own notes. */
export function mdText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_{}[\]<>#|~&@!]/g, "\\$&");
}
