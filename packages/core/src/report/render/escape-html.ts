/**
 * HTML escaping for session text. `escapeHtml` makes any string inert in element content and in
 * quoted attribute values. `escapeShown` does the same and also makes visible what a reader could
 * not otherwise see: bidi overrides, zero-width and tag characters, and C0/C1 control characters
 * (an ANSI escape shows as `␛`) are written as small marked `U+XXXX` labels, so a reviewer sees
 * text that was built to look harmless exactly as the tool saw it.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const HTML_ACTIVE = /[&<>"']/g;
const HTML_ACTIVE_ANY = /[&<>"']/;

// Most session text has nothing to escape: testing first skips the replace and its copy.
export function escapeHtml(text: string): string {
  return HTML_ACTIVE_ANY.test(text) ? text.replace(HTML_ACTIVE, (ch) => HTML_ENTITIES[ch] ?? ch) : text;
}

// Controls except tab, newline and carriage return; C1; soft hyphen; Arabic letter mark; zero-width,
// directional marks, overrides and isolates; word joiner and invisible operators; BOM; tag characters.
const SHOWN_SOURCE = String.raw`[&<>"']|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]|\uDB40[\uDC00-\uDC7F]`;
const SHOWN_ACTIVE = new RegExp(SHOWN_SOURCE, "g");
const SHOWN_ACTIVE_ANY = new RegExp(SHOWN_SOURCE);

export function escapeShown(text: string): string {
  return SHOWN_ACTIVE_ANY.test(text) ? text.replace(SHOWN_ACTIVE, (ch) => HTML_ENTITIES[ch] ?? hiddenLabel(ch)) : text;
}

function hiddenLabel(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0x1b) return '<span class="hid" title="U+001B escape">␛</span>';
  const hex = cp.toString(16).toUpperCase().padStart(4, "0");
  return `<span class="hid" title="hidden character U+${hex}">U+${hex}</span>`;
}
