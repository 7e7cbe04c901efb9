import { CONFUSABLES, INVISIBLE_RE, isInvisible, LATIN_FOLDS, NAMED_ENTITIES, tagToAscii } from "./unicode-tables.js";

/**
 * The copy of a text the content rules read: HTML entities decoded, invisible characters removed
 * (tag characters decoded to the ASCII they spell), Unicode NFKC, and look-alike letters folded to
 * Latin inside words that mix scripts. `toRaw` maps every offset back into the original, so a
 * finding's excerpt and offsets are always those of the text as the tool returned it.
 */
export interface NormalizedText {
  readonly text: string;
  /** Offset in `text` to offset in the raw text; null when the text did not change. */
  readonly map: OffsetMap | null;
}

/** Offsets of a rewritten text back to the text it was made from. */
export interface OffsetMap {
  toRaw(offset: number): number;
}

const NEEDS_WORK = /[\u0080-\uffff]|&(?:#[0-9xX]|[A-Za-z]{2,8};)/;
const SPECIAL = /[\u0080-\uffff]+|&(?=#\d|#[xX][0-9a-fA-F]|[A-Za-z][A-Za-z0-9]{1,31};)/g;
const ENTITY = /&(?:#(\d{1,7});?|#[xX]([0-9a-fA-F]{1,6});?|([A-Za-z][A-Za-z0-9]{1,31});)/y;
const NON_ASCII = /[\u0080-\uffff]/g;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const MARK = /\p{M}/u;
const ASCII_LETTER = /[A-Za-z]/;

export function normalizeText(raw: string): NormalizedText {
  if (!NEEDS_WORK.test(raw)) return { text: raw, map: null };
  const first = decodeAndCompose(raw);
  const folded = foldMixedWords(first.text);
  if (folded == null) return first.text === raw ? { text: raw, map: null } : first;
  const { map } = first;
  return { text: folded.text, map: map == null ? folded.map : { toRaw: (offset) => map.toRaw(folded.map.toRaw(offset)) } };
}

/** Maps an offset of a normalized text back to the raw text. */
export function toRawOffset(normalized: NormalizedText, offset: number): number {
  return normalized.map == null ? offset : normalized.map.toRaw(offset);
}

/**
 * Builds a text from pieces, remembering for each piece where it came from: an identity piece
 * maps offset by offset, any other piece maps all its offsets to its source's start. Offsets are
 * kept per piece, not per character, so a long unchanged stretch costs one entry.
 */
class MappedBuilder {
  private readonly parts: string[] = [];
  private readonly outStarts: number[] = [];
  private readonly rawStarts: number[] = [];
  private readonly identities: boolean[] = [];
  private length = 0;
  /** A piece was rewritten or left out: the text differs from its source. */
  private changed = false;

  push(text: string, rawAt: number, identity: boolean): void {
    if (!identity) this.changed = true;
    if (text === "") return;
    this.parts.push(text);
    this.outStarts.push(this.length);
    this.rawStarts.push(rawAt);
    this.identities.push(identity);
    this.length += text.length;
  }

  /** The text and its map; the source itself, unmapped, when every piece was copied unchanged (no copy of a long text is made). */
  finishOrSource(source: string): NormalizedText {
    return this.changed || this.length !== source.length ? this.finish(source.length) : { text: source, map: null };
  }

  finish(rawLength: number): { text: string; map: OffsetMap } {
    const { outStarts, rawStarts, identities } = this;
    const end = this.length;
    const toRaw = (offset: number): number => {
      if (offset >= end) return rawLength;
      let lo = 0;
      let hi = outStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((outStarts[mid] ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      const base = rawStarts[lo] ?? 0;
      return identities[lo] ? base + offset - (outStarts[lo] ?? 0) : base;
    };
    return { text: this.parts.join(""), map: { toRaw } };
  }
}

function decodeAndCompose(raw: string): NormalizedText {
  const out = new MappedBuilder();
  let last = 0;
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(raw); m != null; m = SPECIAL.exec(raw)) {
    if (m.index > last) out.push(raw.slice(last, m.index), last, true);
    const run = m[0];
    last = m.index + run.length;
    if (run === "&") {
      ENTITY.lastIndex = m.index;
      const entity = ENTITY.exec(raw);
      const decoded = entity ? decodeEntity(entity) : undefined;
      if (entity == null || decoded == null) out.push("&", m.index, true);
      else {
        appendCodePoints(out, decoded, m.index);
        last = m.index + entity[0].length;
        SPECIAL.lastIndex = last;
      }
    } else if (!INVISIBLE_RE.test(run) && !hasTags(run) && run.normalize("NFKC") === run) out.push(run, m.index, true);
    else appendCodePoints(out, run, m.index, true);
  }
  if (last < raw.length) out.push(raw.slice(last), last, true);
  return out.finishOrSource(raw);
}

function hasTags(run: string): boolean {
  return run.includes("\udb40");
}

function decodeEntity(m: RegExpExecArray): string | undefined {
  if (m[3] != null) return NAMED_ENTITIES[m[3]];
  const cp = m[1] != null ? Number(m[1]) : Number.parseInt(m[2] ?? "", 16);
  return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : undefined;
}

/** Code point by code point, combining marks kept with their base: drop invisibles, decode tags, NFKC. */
function appendCodePoints(out: MappedBuilder, text: string, rawStart: number, positional = false): void {
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    let j = i + (cp > 0xffff ? 2 : 1);
    const at = positional ? rawStart + i : rawStart;
    const tag = tagToAscii(cp);
    if (tag != null) out.push(tag, at, false);
    else if (!isInvisible(cp)) {
      while (j < text.length && MARK.test(text[j] ?? "")) j++;
      const cluster = text.slice(i, j);
      out.push(cluster.normalize("NFKC"), at, false);
    }
    i = j;
  }
}

/** Folds look-alike letters in words that mix them with ASCII letters; null when nothing changes. */
function foldMixedWords(text: string): { text: string; map: OffsetMap } | null {
  let out: MappedBuilder | null = null;
  let last = 0;
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m != null; m = NON_ASCII.exec(text)) {
    if (!isWordChar(text, m.index)) continue;
    let start = m.index;
    let end = m.index + 1;
    while (start > 0 && isWordChar(text, start - 1)) start--;
    while (end < text.length && isWordChar(text, end)) end++;
    NON_ASCII.lastIndex = end;
    const word = text.slice(start, end);
    const folded = foldWord(word);
    if (folded == null) continue;
    out ??= new MappedBuilder();
    if (start > last) out.push(text.slice(last, start), last, true);
    for (const piece of folded) out.push(piece.text, start + piece.at, false);
    last = end;
  }
  if (out == null) return null;
  if (last < text.length) out.push(text.slice(last), last, true);
  return out.finish(text.length);
}

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_MARK.test(text[i] ?? "") || (c >= 0xd800 && c <= 0xdfff);
}

function foldWord(word: string): { text: string; at: number }[] | null {
  const mixed = ASCII_LETTER.test(word);
  const pieces: { text: string; at: number }[] = [];
  let changed = false;
  for (let i = 0; i < word.length;) {
    const ch = String.fromCodePoint(word.codePointAt(i) ?? 0);
    const folded = LATIN_FOLDS.get(ch) ?? (mixed ? foldInMixedWord(ch) : undefined);
    if (folded != null && folded !== ch) changed = true;
    if (folded !== "") pieces.push({ text: folded ?? ch, at: i });
    i += ch.length;
  }
  return changed ? pieces : null;
}

function foldInMixedWord(ch: string): string | undefined {
  if (ch.charCodeAt(0) < 0x80) return undefined;
  const confusable = CONFUSABLES.get(ch);
  if (confusable != null) return confusable;
  if (MARK.test(ch)) return "";
  const base = ch.normalize("NFD").replace(/\p{M}+/gu, "");
  return /^[A-Za-z]+$/.test(base) ? base : undefined;
}
