import type { KeywordEntries, KeywordEntry } from "./keyword-entry.js";

/** One keyword match: offsets in the searched text. */
export interface KeywordHit {
  readonly start: number;
  readonly end: number;
}

const MAX_HITS_PER_KEYWORD = 1000;
/** A sticky match tried at one place costs about what a pass of the regex over this many characters does. */
const STARTS_PER_PASS = 256;

/** The searches of one text; whole-text results are kept, so each keyword is searched once. */
export class TextSearch {
  private readonly wholeHits = new Map<number, KeywordHit[]>();

  constructor(
    private readonly index: KeywordEntries,
    private readonly text: string,
    /** Anchor positions per keyword (large texts); null for a small text. */
    private readonly anchorsAt: number[][] | null,
    /**
     * Per keyword, where its prefixes occur (large texts; see regexPrefixes); null for a keyword
     * whose matches may start otherwise, or for a small text.
     */
    private readonly startsAt: readonly (number[] | null)[] | null,
    /** Keywords whose anchors occur (small texts); null for a large text. */
    private readonly present: ReadonlySet<number> | null,
  ) {}

  whole(id: number): KeywordHit[] {
    let hits = this.wholeHits.get(id);
    if (hits == null) {
      hits = this.searchWhole(id);
      this.wholeHits.set(id, hits);
    }
    return hits;
  }

  /** Matches starting inside the given sorted, disjoint ranges. */
  within(id: number, ranges: readonly (readonly [number, number])[]): KeywordHit[] {
    if (this.present != null && !this.present.has(id)) return [];
    const known = this.wholeHits.get(id);
    if (known) return known.filter((h) => ranges.some(([a, b]) => h.start >= a && h.start < b));
    const entry = this.index.entry(id);
    const hits: KeywordHit[] = [];
    if (entry) for (const [a, b] of ranges) searchRange(entry, this.text, a, Math.min(this.text.length, b + entry.reach), hits, b);
    return hits;
  }

  private searchWhole(id: number): KeywordHit[] {
    const entry = this.index.entry(id);
    if (entry == null) return [];
    if (this.present != null) return this.present.has(id) ? searchRange(entry, this.text, 0, this.text.length, [], this.text.length) : [];
    const starts = this.startsAt?.[id];
    // What a pass of the regex over the whole text finds; found by trying only where prefixes
    // start, unless they start so often that one pass is cheaper.
    const everywhere = (): KeywordHit[] =>
      starts != null && starts.length * STARTS_PER_PASS < this.text.length
        ? searchAtStarts(entry, this.text, starts)
        : searchRange(entry, this.text, 0, this.text.length, [], this.text.length);
    if (!entry.anchored || this.anchorsAt == null) return everywhere();
    const at = this.anchorsAt[id] ?? [];
    if (at.length === 0) return [];
    if (!isSorted(at)) at.sort((a, b) => a - b);
    // Anchors so frequent that their regions would cover most of the text: one full pass is cheaper.
    if (at.length * 2 * entry.reach > this.text.length) return everywhere();
    if (entry.literalLength != null)
      return at.slice(0, MAX_HITS_PER_KEYWORD).map((start) => ({ start, end: start + (entry.literalLength ?? 0) }));
    const hits: KeywordHit[] = [];
    let regionStart = -1;
    let regionEnd = -1;
    for (const p of at) {
      const start = Math.max(0, p - entry.reach);
      const end = Math.min(this.text.length, p + entry.reach);
      if (start <= regionEnd) regionEnd = Math.max(regionEnd, end);
      else {
        if (regionEnd >= 0) searchRange(entry, this.text, regionStart, regionEnd, hits, regionEnd);
        regionStart = start;
        regionEnd = end;
      }
      if (hits.length >= MAX_HITS_PER_KEYWORD) return hits;
    }
    if (regionEnd >= 0) searchRange(entry, this.text, regionStart, regionEnd, hits, regionEnd);
    return hits;
  }
}

/**
 * The matches a global search of the whole text finds (leftmost, not overlapping), given every
 * place a match can start: a sticky match at each, skipping places inside the previous match.
 */
function searchAtStarts(entry: KeywordEntry, text: string, starts: number[]): KeywordHit[] {
  entry.sticky ??= new RegExp(entry.keyword.source, `${entry.keyword.flags}y`);
  if (!isSorted(starts)) starts.sort((a, b) => a - b);
  const re = entry.sticky;
  const hits: KeywordHit[] = [];
  let resume = 0;
  for (const start of starts) {
    if (start < resume) continue;
    re.lastIndex = start;
    const m = re.exec(text);
    if (m == null) continue;
    hits.push({ start, end: start + m[0].length });
    if (hits.length >= MAX_HITS_PER_KEYWORD) break;
    // A global search moves one character on after an empty match.
    resume = start + Math.max(1, m[0].length);
  }
  return hits;
}

/** Runs the keyword over text[from, to), keeping confirmed matches that start before `startsBefore`. */
function searchRange(entry: KeywordEntry, text: string, from: number, to: number, hits: KeywordHit[], startsBefore: number): KeywordHit[] {
  entry.global ??= new RegExp(entry.keyword.source, `${entry.keyword.flags}g`);
  entry.sticky ??= new RegExp(entry.keyword.source, `${entry.keyword.flags}y`);
  const whole = from === 0 && to === text.length;
  const slice = whole ? text : text.slice(from, to);
  const re = entry.global;
  re.lastIndex = 0;
  for (let m = re.exec(slice); m != null && hits.length < MAX_HITS_PER_KEYWORD; m = re.exec(slice)) {
    if (m[0].length === 0) re.lastIndex++;
    const start = from + m.index;
    if (start >= startsBefore) break;
    if (whole) hits.push({ start, end: start + m[0].length });
    else {
      entry.sticky.lastIndex = start;
      const confirmed = entry.sticky.exec(text);
      if (confirmed) hits.push({ start, end: start + confirmed[0].length });
    }
  }
  return hits;
}

function isSorted(list: readonly number[]): boolean {
  for (let i = 1; i < list.length; i++) if ((list[i] ?? 0) < (list[i - 1] ?? 0)) return false;
  return true;
}
