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
    /** Anchor positions per keyword, sorted (large texts); null for a small text. */
    private readonly anchorsAt: readonly Int32Array[] | null,
    /**
     * Per keyword, where its prefixes occur, sorted (large texts; see regexPrefixes); null for a
     * keyword whose matches may start otherwise, or for a small text.
     */
    private readonly startsAt: readonly (Int32Array | null)[] | null,
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
    const starts = this.startsAt?.[id] ?? null;
    const hits: KeywordHit[] = [];
    if (entry) for (const [a, b] of ranges) searchRange(entry, this.text, a, Math.min(this.text.length, b + entry.reach), hits, b, starts);
    return hits;
  }

  private searchWhole(id: number): KeywordHit[] {
    const entry = this.index.entry(id);
    if (entry == null) return [];
    if (this.present != null) return this.present.has(id) ? searchRange(entry, this.text, 0, this.text.length, [], this.text.length) : [];
    const starts = this.startsAt?.[id] ?? null;
    const everywhere = (): KeywordHit[] => searchRange(entry, this.text, 0, this.text.length, [], this.text.length, starts);
    if (!entry.anchored || this.anchorsAt == null) return everywhere();
    const at = this.anchorsAt[id] ?? new Int32Array(0);
    if (at.length === 0) return [];
    // Anchors so frequent that their regions would cover most of the text: one full pass is cheaper.
    if (at.length * 2 * entry.reach > this.text.length) return everywhere();
    if (entry.literalLength != null)
      return Array.from(at.subarray(0, MAX_HITS_PER_KEYWORD), (start) => ({ start, end: start + (entry.literalLength ?? 0) }));
    const hits: KeywordHit[] = [];
    let regionStart = -1;
    let regionEnd = -1;
    for (const p of at) {
      const start = Math.max(0, p - entry.reach);
      const end = Math.min(this.text.length, p + entry.reach);
      if (start <= regionEnd) regionEnd = Math.max(regionEnd, end);
      else {
        if (regionEnd >= 0) searchRange(entry, this.text, regionStart, regionEnd, hits, regionEnd, starts);
        regionStart = start;
        regionEnd = end;
      }
      if (hits.length >= MAX_HITS_PER_KEYWORD) return hits;
    }
    if (regionEnd >= 0) searchRange(entry, this.text, regionStart, regionEnd, hits, regionEnd, starts);
    return hits;
  }
}

/**
 * Runs the keyword over text[from, to), keeping confirmed matches that start before `startsBefore`.
 * Given the places its prefixes occur (`starts`, sorted; see regexPrefixes), it tries a sticky
 * match on the same slice only there, which finds what the regex running over the slice finds,
 * unless they are so many that running it is cheaper.
 */
function searchRange(
  entry: KeywordEntry,
  text: string,
  from: number,
  to: number,
  hits: KeywordHit[],
  startsBefore: number,
  starts: ArrayLike<number> | null = null,
): KeywordHit[] {
  entry.sticky ??= new RegExp(entry.keyword.source, `${entry.keyword.flags}y`);
  const whole = from === 0 && to === text.length;
  const slice = whole ? text : text.slice(from, to);
  const first = starts == null ? 0 : firstAtLeast(starts, from);
  const tried = starts == null ? Infinity : firstAtLeast(starts, to) - first;
  if (starts != null && tried * STARTS_PER_PASS < to - from)
    return searchStarts(entry, text, from, slice, hits, startsBefore, starts, first);
  entry.global ??= new RegExp(entry.keyword.source, `${entry.keyword.flags}g`);
  const re = entry.global;
  re.lastIndex = 0;
  for (let m = re.exec(slice); m != null && hits.length < MAX_HITS_PER_KEYWORD; m = re.exec(slice)) {
    if (m[0].length === 0) re.lastIndex++;
    const start = from + m.index;
    if (start >= startsBefore) break;
    if (whole) hits.push({ start, end: start + m[0].length });
    else confirm(entry, text, start, hits);
  }
  return hits;
}

/**
 * searchRange's loop, trying the regex only where a match can start: at the prefixes, and at the
 * slice's own start (a word boundary in the slice even where it is none in the text). The regex
 * runs sticky on the same slice, so each try answers what a global search reaching that place
 * would; a global search resumes after a match (one character on after an empty one).
 */
function searchStarts(
  entry: KeywordEntry,
  text: string,
  from: number,
  slice: string,
  hits: KeywordHit[],
  startsBefore: number,
  starts: ArrayLike<number>,
  first: number,
): KeywordHit[] {
  const re = entry.sticky ?? new RegExp(entry.keyword.source, `${entry.keyword.flags}y`);
  const whole = slice === text;
  let resume = from;
  for (let k = first - 1; k < starts.length; k++) {
    const at = k < first ? from : (starts[k] ?? 0);
    if (at < resume) continue;
    if (at >= from + slice.length || at >= startsBefore || hits.length >= MAX_HITS_PER_KEYWORD) break;
    re.lastIndex = at - from;
    const m = re.exec(slice);
    if (m == null) continue;
    resume = at + Math.max(1, m[0].length);
    if (whole) hits.push({ start: at, end: at + m[0].length });
    else confirm(entry, text, at, hits);
  }
  return hits;
}

/** A match found in a slice counts if the regex matches there in the whole text, `\b` and lookarounds included. */
function confirm(entry: KeywordEntry, text: string, start: number, hits: KeywordHit[]): void {
  const re = entry.sticky ?? new RegExp(entry.keyword.source, `${entry.keyword.flags}y`);
  re.lastIndex = start;
  const confirmed = re.exec(text);
  if (confirmed) hits.push({ start, end: start + confirmed[0].length });
}

/** The index of the first element at least `value` in a sorted list. */
function firstAtLeast(list: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
