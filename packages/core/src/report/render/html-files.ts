import { escapeHtml, escapeShown } from "./escape-html.js";
import { formatInteger, relativePath } from "./format-values.js";
import type { RenderContext } from "./render-context.js";

/** Files the session wrote, read, or named otherwise; paths relative to the project when inside it. */
const LISTED_MAX = 2000;

export function renderFiles(ctx: RenderContext): string {
  const { files } = ctx.model;
  const column = (title: string, paths: readonly string[]) => {
    const items = paths
      .slice(0, LISTED_MAX)
      .map((path) => `<li title="${escapeHtml(path)}">${escapeShown(relativePath(path, ctx.projectDir))}</li>`);
    if (paths.length > LISTED_MAX) items.push(`<li class="muted">and ${formatInteger(paths.length - LISTED_MAX)} more</li>`);
    const list = paths.length === 0 ? '<p class="empty">None.</p>' : `<ul>${items.join("")}</ul>`;
    return `<div><h3>${title} <span class="count muted">${formatInteger(paths.length)}</span></h3>${list}</div>`;
  };
  return `<section class="card" id="files"><h2>Files</h2><div class="files">${column("Written", files.written)}${column("Read", files.read)}${column("Other", files.other)}</div></section>`;
}
