import { isInvisible, tagToAscii } from "./unicode-tables.js";

/**
 * An excerpt safe to show a person or the model: invisible and control characters written as
 * `<U+200B>` (runs as `<U+200B×12>`), tag characters as the ASCII they spell (`<tags "…">`),
 * whitespace runs collapsed, cut to `max` characters. What hid in the text is shown, not carried.
 */
export const EXCERPT_MAX = 160;

export function displayExcerpt(text: string, max = EXCERPT_MAX): string {
  const chars = [...text.replace(/[ \t\r\n]+/g, " ").trim()];
  let out = "";
  for (let i = 0; i < chars.length && out.length <= max;) {
    const ch = chars[i] ?? "";
    const cp = ch.codePointAt(0) ?? 0;
    if (tagToAscii(cp) != null) {
      let spelled = "";
      for (; i < chars.length && tagToAscii(chars[i]?.codePointAt(0) ?? 0) != null; i++)
        spelled += tagToAscii(chars[i]?.codePointAt(0) ?? 0);
      out += `<tags ${JSON.stringify(spelled)}>`;
      continue;
    }
    if (isInvisible(cp) || cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
      let run = 0;
      for (; i < chars.length && chars[i] === ch; i++) run++;
      out += `<U+${cp.toString(16).toUpperCase().padStart(4, "0")}${run > 1 ? `×${run}` : ""}>`;
      continue;
    }
    out += ch;
    i++;
  }
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}
