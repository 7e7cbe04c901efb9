/**
 * Classifies a raw transcript line without parsing it: walks the top-level keys of the JSON
 * object, jumping over values (strings with native `indexOf`), until it knows the line's `type`
 * and, for user lines, whether `message.content` is a typed prompt (a string) or a block array
 * (tool results). Most of a transcript's bytes are tool results the reports never need, so they
 * are neither decoded nor parsed. Order-independent: it relies on JSON structure, not key order.
 *
 * A quote inside a JSON string is always escaped, so structural bytes found by this walk cannot
 * come from string contents. It is not a validator: corruption past the point where the walk
 * stops goes unnoticed, which only matters for lines that are skipped anyway.
 */

export type ContentKind = "string" | "array" | "other";

export type LinePeek =
  | { readonly kind: "blank" }
  | { readonly kind: "corrupt" }
  | { readonly kind: "untyped" }
  /** `content`: what `message.content` holds, when the walk got to it (always for user lines). */
  | { readonly kind: "typed"; readonly type: string; readonly content: ContentKind | null };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const BLANK: LinePeek = { kind: "blank" };
const CORRUPT: LinePeek = { kind: "corrupt" };
const UNTYPED: LinePeek = { kind: "untyped" };

export function peekLine(buffer: Buffer, start: number, end: number): LinePeek {
  let i = skipSpace(buffer, start, end);
  if (i === end) return BLANK;
  if (buffer[i] !== OPEN_BRACE) return CORRUPT;
  let type: string | undefined;
  let content: ContentKind | undefined;
  i = skipSpace(buffer, i + 1, end);
  if (buffer[i] === CLOSE_BRACE) return skipSpace(buffer, i + 1, end) === end ? UNTYPED : CORRUPT;
  for (;;) {
    if (buffer[i] !== QUOTE) return CORRUPT;
    const keyStart = i + 1;
    i = skipString(buffer, i, end);
    if (i < 0) return CORRUPT;
    const keyEnd = i - 1;
    i = skipSpace(buffer, i, end);
    if (buffer[i] !== COLON) return CORRUPT;
    const valueStart = skipSpace(buffer, i + 1, end);
    if (buffer[valueStart] === QUOTE && isKey(buffer, keyStart, keyEnd, "type")) {
      i = skipString(buffer, valueStart, end);
      if (i < 0) return CORRUPT;
      type = buffer.toString("utf8", valueStart + 1, i - 1);
      if (type !== "user" || content !== undefined) return { kind: "typed", type, content: content ?? null };
    } else if (buffer[valueStart] === OPEN_BRACE && isKey(buffer, keyStart, keyEnd, "message")) {
      content = contentKind(buffer, valueStart, end);
      if (type !== undefined) return { kind: "typed", type, content };
      i = skipValue(buffer, valueStart, end);
    } else {
      i = skipValue(buffer, valueStart, end);
    }
    if (i < 0) return CORRUPT;
    i = skipSpace(buffer, i, end);
    if (buffer[i] === COMMA) {
      i = skipSpace(buffer, i + 1, end);
      continue;
    }
    if (buffer[i] !== CLOSE_BRACE || skipSpace(buffer, i + 1, end) !== end) return CORRUPT;
    return type === undefined ? UNTYPED : { kind: "typed", type, content: content ?? null };
  }
}

/** What the `content` member of the object at `buffer[start, end)` holds, looked at by its first byte. */
function contentKind(buffer: Buffer, start: number, end: number): ContentKind {
  let i = skipSpace(buffer, start + 1, end);
  while (buffer[i] === QUOTE) {
    const keyStart = i + 1;
    i = skipString(buffer, i, end);
    if (i < 0) return "other";
    const keyEnd = i - 1;
    i = skipSpace(buffer, i, end);
    if (buffer[i] !== COLON) return "other";
    const valueStart = skipSpace(buffer, i + 1, end);
    if (isKey(buffer, keyStart, keyEnd, "content")) {
      if (buffer[valueStart] === QUOTE) return "string";
      return buffer[valueStart] === OPEN_BRACKET ? "array" : "other";
    }
    i = skipValue(buffer, valueStart, end);
    if (i < 0) return "other";
    i = skipSpace(buffer, i, end);
    if (buffer[i] !== COMMA) return "other";
    i = skipSpace(buffer, i + 1, end);
  }
  return "other";
}

/** Index just past the JSON value starting at `i`, or -1 when it does not end before `end`. */
export function skipValue(buffer: Buffer, i: number, end: number): number {
  const first = buffer[i];
  if (first === QUOTE) return skipString(buffer, i, end);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    while (i < end) {
      const byte = buffer[i];
      if (byte === QUOTE) {
        i = skipString(buffer, i, end);
        if (i < 0) return -1;
        continue;
      }
      if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
      else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && --depth === 0) return i + 1;
      i++;
    }
    return -1;
  }
  const scalarStart = i;
  while (i < end) {
    const byte = buffer[i];
    if (byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET || isSpace(byte)) break;
    i++;
  }
  return i > scalarStart ? i : -1;
}

/** Index just past the string whose opening quote is at `i`, or -1 when it is not closed before `end`. */
function skipString(buffer: Buffer, i: number, end: number): number {
  let j = i + 1;
  // Short strings (keys, ids) are quicker to walk than to search.
  const walkEnd = Math.min(end, j + 48);
  for (; j < walkEnd; j++) {
    const byte = buffer[j];
    if (byte === QUOTE) return j + 1;
    if (byte === BACKSLASH) j++;
  }
  while (j < end) {
    const quote = buffer.indexOf(QUOTE, j);
    if (quote === -1 || quote >= end) return -1;
    let backslashes = 0;
    for (let k = quote - 1; buffer[k] === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    j = quote + 1;
  }
  return -1;
}

function isKey(buffer: Buffer, start: number, end: number, key: string): boolean {
  if (end - start !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (buffer[start + k] !== key.charCodeAt(k)) return false;
  return true;
}

function skipSpace(buffer: Buffer, i: number, end: number): number {
  while (i < end && isSpace(buffer[i])) i++;
  return i;
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}
