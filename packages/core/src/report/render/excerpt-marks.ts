import { escapeShown } from "./escape-html.js";
import type { Finding } from "../../verdict.js";

/**
 * Where the guard's excerpts occur in the recorded text, so the event shows them highlighted.
 * Excerpts are display text (whitespace collapsed, maybe cut with "…"), so whitespace matches any
 * run of whitespace and a trailing ellipsis is dropped; an excerpt not found is simply not marked.
 */
const EXCERPT_MIN = 3;
const EXCERPT_MAX = 400;

export function excerptPattern(findings: readonly Finding[]): RegExp | null {
  const parts = new Set<string>();
  for (const finding of findings) {
    const excerpt = finding.excerpt?.replace(/\u2026$/, "").trim();
    if (excerpt == null || excerpt.length < EXCERPT_MIN || excerpt.length > EXCERPT_MAX) continue;
    parts.add(excerpt);
  }
  if (parts.size === 0) return null;
  // Longest first: where excerpts overlap, the larger one is marked.
  const sources = [...parts].toSorted((a, b) => b.length - a.length).map((part) => part.split(/\s+/).map(escapeRegExp).join("\\s+"));
  return new RegExp(sources.join("|"), "g");
}

/** `escapeShown(text)` with every match of `pattern` wrapped in `<mark>`. */
export function escapeMarked(text: string, pattern: RegExp | null): string {
  if (pattern == null) return escapeShown(text);
  const out: string[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match[0] === "") continue;
    out.push(escapeShown(text.slice(last, match.index)), "<mark>", escapeShown(match[0]), "</mark>");
    last = match.index + match[0].length;
  }
  out.push(escapeShown(text.slice(last)));
  return out.join("");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
