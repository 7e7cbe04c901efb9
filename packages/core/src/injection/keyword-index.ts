import type { KeywordEntries, KeywordEntry } from "./keyword-entry.js";
import { groupPositions, idLists, type IdLists } from "./keyword-positions.js";
import { LiteralMatcher, type MatcherLiteral } from "./literal-matcher.js";
import { anchorScore, MIN_ANCHOR_SCORE } from "./regex-anchors.js";
import { prefixLiterals } from "./regex-prefixes.js";
import type { CompiledKeyword } from "./rule-types.js";
import { ProbeTable } from "./probe-table.js";
import { TextSearch } from "./text-search.js";

export type { KeywordHit } from "./text-search.js";

/**
 * Texts up to this length skip the literal matcher, whose construction costs tens of
 * milliseconds in a fresh process (and a hook is one): anchors are looked up word by word in a
 * table instead (see ProbeTable). Longer texts pay the construction once and scan faster.
 */
export const SMALL_TEXT = 64 * 1024;

/** How far from an anchor an unbounded keyword's match may reach and still be found. */
export const UNBOUNDED_REACH = 1024;

/**
 * Finds keyword matches without one pass per regex. Keywords searched over the whole text (rule
 * gates, and keywords of rules without a gate) are found through their anchors: all selective
 * anchors are searched together in one pass, and each regex then runs only in the regions around
 * its anchors' hits. Other keywords are searched only inside given ranges (the gates' windows).
 * The same pass finds where every keyword's prefixes occur, so a regex is tried, in a region, a
 * range or the whole text, only where a match can start (see searchStarts). Every candidate is
 * confirmed by a sticky match on the whole text, so `\b` and lookarounds mean what they mean
 * there. Built once per rule set; RegExp objects and the matcher are made lazily.
 */
export class KeywordIndex implements KeywordEntries {
  private readonly entries: KeywordEntry[];
  /**
   * Every anchor literal (of whole-text keywords) and keyword prefix, searched in one pass (see
   * LiteralMatcher), and for each the ids it stands for: a keyword's id for its anchors, the
   * keyword's id plus the number of keywords for its prefixes.
   */
  private matcher: { readonly search: LiteralMatcher | null; readonly ids: IdLists } | null = null;
  private readonly classAnchors: { source: string; ids: number[]; re?: RegExp }[] = [];
  private classRe: { readonly global: RegExp; readonly sticky: RegExp } | null | undefined;

  /**
   * `longLived`: the index will scan many texts (the resident server), so building the matcher
   * once pays for itself: every text is searched with it, however short.
   */
  constructor(
    keywords: readonly CompiledKeyword[],
    wholeTextIds: ReadonlySet<number>,
    private readonly longLived = false,
  ) {
    this.entries = keywords.map((keyword, id) => ({
      keyword,
      reach: keyword.maxLength ?? UNBOUNDED_REACH,
      anchored: wholeTextIds.has(id) && keyword.anchors != null && anchorScore(keyword.anchors) >= MIN_ANCHOR_SCORE,
      literalLength: literalLength(keyword),
      probes:
        keyword.anchors == null || keyword.anchors.some((a) => "class" in a)
          ? null
          : keyword.anchors.flatMap((a) => ("literal" in a ? [a] : [])),
    }));
    this.wholeTextIds = wholeTextIds;
  }

  private readonly wholeTextIds: ReadonlySet<number>;
  private probeTable: ProbeTable | undefined;

  /** Keywords whose matches all start with a literal (see regexPrefixes). */
  private readonly startable = new Set<number>();

  /** The literal matcher, built on the first large text only. */
  private buildMatcher(): NonNullable<KeywordIndex["matcher"]> {
    if (this.matcher) return this.matcher;
    const literals = new Map<string, { literal: MatcherLiteral; ids: number[] }>();
    const add = (literal: string, caseSensitive: boolean, wordStart: boolean, id: number): void => {
      const key = `${caseSensitive ? "c" : "i"}${wordStart ? "w" : "-"}${literal}`;
      const known = literals.get(key);
      if (known) known.ids.push(id);
      else literals.set(key, { literal: { literal, caseSensitive, wordStart }, ids: [id] });
    };
    this.entries.forEach((entry, id) => {
      const prefixes = entry.keyword.prefixes;
      const atWordStart = prefixLiterals(prefixes?.atWordStart ?? "");
      const anywhere = prefixLiterals(prefixes?.anywhere ?? "");
      const all = [...atWordStart, ...anywhere];
      // Prefixes of one character ("*", "#") start almost everywhere: running the regex is cheaper.
      if (prefixes != null && anchorScore(all.map((literal) => ({ literal }))) >= 2) {
        this.startable.add(id);
        const caseSensitive = !entry.keyword.flags.includes("i");
        for (const literal of atWordStart) add(literal, caseSensitive, true, this.entries.length + id);
        for (const literal of anywhere) add(literal, caseSensitive, false, this.entries.length + id);
      }
      if (!entry.anchored) return;
      for (const anchor of entry.keyword.anchors ?? []) {
        if ("class" in anchor) {
          const known = this.classAnchors.find((c) => c.source === anchor.class);
          if (known) known.ids.push(id);
          else this.classAnchors.push({ source: anchor.class, ids: [id] });
        } else add(anchor.literal, anchor.caseSensitive === true, anchor.wordStart === true, id);
      }
    });
    const list = [...literals.values()];
    this.matcher = {
      search: list.length === 0 ? null : new LiteralMatcher(list.map((l) => l.literal)),
      ids: idLists(list.map((l) => l.ids)),
    };
    return this.matcher;
  }

  keywordAt(id: number): CompiledKeyword | undefined {
    return this.entries[id]?.keyword;
  }

  /** Starts searching one text: runs the anchor pass, or for a small text the anchor lookup. */
  begin(text: string): TextSearch {
    if (text.length <= SMALL_TEXT && !this.longLived) {
      this.probeTable ??= new ProbeTable(this.entries.map((e) => e.probes));
      return new TextSearch(this, text, null, null, this.probeTable.present(text));
    }
    const matcher = this.buildMatcher();
    const n = this.entries.length;
    const found = matcher.search?.scan(text) ?? new Int32Array(0);
    const lists = groupPositions(2 * n, found, matcher.ids, this.findClassAnchors(text));
    const startsAt = lists.slice(n).map((list, id) => (this.startable.has(id) ? list : null));
    return new TextSearch(this, text, lists.slice(0, n), startsAt, null);
  }

  /** @internal */
  entry(id: number): KeywordEntry | undefined {
    return this.entries[id];
  }

  /** Where class anchors occur, as pairs of keyword id and position. */
  private findClassAnchors(text: string): number[] {
    const pairs: number[] = [];
    if (this.classAnchors.length === 0) return pairs;
    // Class anchors are sets of non-ASCII characters (see regexShape): looked for only where such characters are.
    const runs = nonAsciiRuns(text, text.length >> 6);
    if (runs?.length === 0) return pairs;
    if (this.classRe == null) {
      const union = this.classAnchors.map((c) => c.source).join("|");
      this.classRe = { global: new RegExp(union, "gu"), sticky: new RegExp(union, "uy") };
    }
    const found = (at: number): void => {
      for (const c of this.classAnchors) {
        c.re ??= new RegExp(c.source, "uy");
        c.re.lastIndex = at;
        if (c.re.test(text)) for (const id of c.ids) pairs.push(id, at);
      }
    };
    const { global, sticky } = this.classRe;
    if (runs == null) {
      // Mostly non-ASCII text: one pass of the union.
      global.lastIndex = 0;
      for (let m = global.exec(text); m != null; m = global.exec(text)) found(m.index);
      return pairs;
    }
    for (let r = 0; r < runs.length; r += 2) {
      const end = runs[r + 1] ?? 0;
      for (let at = runs[r] ?? 0; at < end; at++) {
        sticky.lastIndex = at;
        if (sticky.test(text)) found(at);
        // The two halves of a surrogate pair are one character: a match cannot start at the second.
        if (isHighSurrogate(text.charCodeAt(at)) && isLowSurrogate(text.charCodeAt(at + 1))) at++;
      }
    }
    return pairs;
  }
}

/** Start and end of each run of non-ASCII characters, flat; null when there are more than `limit` characters in them. */
function nonAsciiRuns(text: string, limit: number): number[] | null {
  const runs: number[] = [];
  let total = 0;
  const re = /[\u0080-\uffff]+/g;
  for (let m = re.exec(text); m != null; m = re.exec(text)) {
    total += m[0].length;
    if (total > limit) return null;
    runs.push(m.index, m.index + m[0].length);
  }
  return runs;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function literalLength(keyword: CompiledKeyword): number | null {
  const only = keyword.anchors?.length === 1 ? keyword.anchors[0] : undefined;
  if (only == null || !("literal" in only) || keyword.flags !== "i" || only.literal.includes(" ") || only.caseSensitive) return null;
  return escapeRegex(only.literal) === keyword.source.toLowerCase() ? only.literal.length : null;
}

export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
}
