import { escapeHtml } from "./escape-html.js";
import { escapeMarked } from "./excerpt-marks.js";
import { formatInteger } from "./format-values.js";
import type { TextBudget } from "./text-budget.js";

/** How a recorded tool input or output is shown inside an event: readable first, JSON as a fallback. */

export interface ValueContext {
  readonly budget: TextBudget;
  /** The report's JSON file name, named in the note under a cut value. */
  readonly jsonName: string;
  /** The guard's excerpts in this event, highlighted wherever they occur. */
  readonly marks?: RegExp | null;
}

const INLINE_MAX = 100;
const EDIT_CLASSES: Readonly<Record<string, string>> = { old_string: "del", new_string: "add", content: "add" };

/** A block of session text, cut to the budget with a note saying where the rest is. */
export function preBlock(text: string, ctx: ValueContext, className = ""): string {
  const { shown, omitted } = ctx.budget.take(text);
  const pre = `<pre class="code${className === "" ? "" : ` ${className}`}">${escapeMarked(shown, ctx.marks ?? null)}</pre>`;
  if (omitted === 0) return pre;
  const note = `Showing ${formatInteger(shown.length)} of ${formatInteger(shown.length + omitted)} characters; the full value is in <code>${escapeHtml(ctx.jsonName)}</code>.`;
  return `${pre}<p class="cut">${note}</p>`;
}

export function renderToolInput(input: unknown, ctx: ValueContext): string {
  if (!isPlainObject(input)) return renderAny(input, ctx);
  const rows: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    rows.push(`<dt>${escapeHtml(key)}</dt><dd>${renderField(value, ctx, EDIT_CLASSES[key] ?? "")}</dd>`);
  }
  return rows.length === 0 ? '<p class="muted">No input.</p>' : `<dl class="kv">${rows.join("")}</dl>`;
}

export function renderToolOutput(output: unknown, ctx: ValueContext): string {
  if (output == null) return '<p class="muted">No output recorded.</p>';
  if (typeof output === "string") return preBlock(output, ctx);
  if (isPlainObject(output)) {
    const { stdout, stderr, file, content } = output;
    if (typeof stdout === "string" || typeof stderr === "string") return renderStreams(output, ctx);
    if (isPlainObject(file) && typeof file.content === "string") return preBlock(file.content, ctx);
    if (Array.isArray(content)) {
      const texts = content
        .filter(isPlainObject)
        .map((part) => part.text)
        .filter((text) => typeof text === "string");
      if (texts.length > 0) return preBlock(texts.join("\n"), ctx);
    }
  }
  return renderAny(output, ctx);
}

function renderStreams(output: Record<string, unknown>, ctx: ValueContext): string {
  const parts: string[] = [];
  const { stdout, stderr, interrupted } = output;
  if (typeof stdout === "string" && stdout !== "") parts.push(preBlock(stdout, ctx));
  if (typeof stderr === "string" && stderr !== "") parts.push(`<div class="label">stderr</div>${preBlock(stderr, ctx, "err")}`);
  if (interrupted === true) parts.push('<p class="muted">The command was interrupted.</p>');
  return parts.length === 0 ? '<p class="muted">Empty output.</p>' : parts.join("");
}

function renderField(value: unknown, ctx: ValueContext, className: string): string {
  if (typeof value === "string") {
    if (className === "" && value.length <= INLINE_MAX && !value.includes("\n"))
      return `<code>${escapeMarked(value, ctx.marks ?? null)}</code>`;
    return preBlock(value, ctx, className);
  }
  if (value == null || typeof value === "number" || typeof value === "boolean") return `<code>${escapeHtml(String(value))}</code>`;
  return renderAny(value, ctx);
}

function renderAny(value: unknown, ctx: ValueContext): string {
  if (typeof value === "string") return preBlock(value, ctx);
  return preBlock(JSON.stringify(value, null, 2) ?? String(value), ctx);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value != null && typeof value === "object" && !Array.isArray(value);
}
