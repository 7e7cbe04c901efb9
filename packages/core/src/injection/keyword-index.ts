import type { KeywordEntries, KeywordEntry } from "./keyword-entry.js";
import { literalAlternation } from "./literal-trie.js";
import { anchorScore, MIN_ANCHOR_SCORE } from "./regex-anchors.js";
import type { CompiledKeyword } from "./rule-types.js";
import { ProbeTable } from "./probe-table.js";
import { TextSearch } from "./text-search.js";

export type { KeywordHit } from "./text-search.js";

/**
 * Texts up to this length skip the anchor regex, whose compilation alone costs tens of
 * milliseconds in a fresh process (and a hook is one): anchors are looked up word by word in a
 * table instead (see ProbeTable). Longer texts pay the compilation once and scan faster.
 */
export const SMALL_TEXT = 64 * 1024;

/** How far from an anchor an unbounded keyword's match may reach and still be found. */
export const UNBOUNDED_REACH = 1024;

/**
 * Finds keyword matches without one pass per regex. Keywords searched over the whole text (rule
 * gates, and keywords of rules without a gate) are found through their anchors: all selective
 * anchors are searched together in one pass, and each regex then runs only in the regions around
 * its anchors' hits. Other keywords are searched only inside given ranges (the gates' windows).
 * Every candidate is confirmed by a sticky match on the whole text, so `\b` and lookarounds mean
 * what they mean there. Built once per rule set; RegExp objects are made lazily.
 */
export class KeywordIndex implements KeywordEntries {
  private readonly entries: KeywordEntry[];
  /**
   * Anchor literal to keyword ids, in six sets: found case-insensitively (lowercase keys) or
   * exactly; and starting with a word character at a word start (the regex has `\b` or whitespace
   * there: the search skips the inside of words), with any other ASCII character, or with a
   * non-ASCII character (skipped for ASCII texts). One regex per set, so each set's first
   * characters let the regex engine reject most positions at once.
   */
  private readonly literalSets: {
    readonly map: Map<string, number[]>;
    readonly flags: string;
    readonly kind: "word" | "other" | "wide";
    re?: RegExp | null;
  }[] = [
    { map: new Map(), flags: "gi", kind: "word" },
    { map: new Map(), flags: "gi", kind: "other" },
    { map: new Map(), flags: "gi", kind: "wide" },
    { map: new Map(), flags: "g", kind: "word" },
    { map: new Map(), flags: "g", kind: "other" },
    { map: new Map(), flags: "g", kind: "wide" },
  ];
  private readonly classAnchors: { source: string; ids: number[]; re?: RegExp }[] = [];
  private classRe: RegExp | null | undefined;

  constructor(keywords: readonly CompiledKeyword[], wholeTextIds: ReadonlySet<number>) {
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
  private literalSetsBuilt = false;

  /** The anchor regexes' tables, built on the first large text only. */
  private buildLiteralSets(): void {
    if (this.literalSetsBuilt) return;
    this.literalSetsBuilt = true;
    const direct = this.literalSets.map(() => new Map<string, number[]>());
    this.entries.forEach((entry, id) => {
      if (!entry.anchored || !this.wholeTextIds.has(id)) return;
      for (const anchor of entry.keyword.anchors ?? []) {
        if ("class" in anchor) {
          const known = this.classAnchors.find((c) => c.source === anchor.class);
          if (known) known.ids.push(id);
          else this.classAnchors.push({ source: anchor.class, ids: [id] });
        } else {
          const kind = anchor.literal.charCodeAt(0) > 0x7f ? 2 : anchor.wordStart ? 0 : 1;
          push(direct[(anchor.caseSensitive ? 3 : 0) + kind], anchor.literal, id);
        }
      }
    });
    // A hit on a literal also starts every shorter anchor that is its prefix.
    direct.forEach((literals, k) => {
      const target = this.literalSets[k]?.map;
      for (const literal of literals.keys()) {
        const ids = new Set<number>();
        for (let n = 1; n <= literal.length; n++) for (const id of literals.get(literal.slice(0, n)) ?? []) ids.add(id);
        target?.set(literal, [...ids]);
      }
    });
  }

  keywordAt(id: number): CompiledKeyword | undefined {
    return this.entries[id]?.keyword;
  }

  /** Starts searching one text: runs the anchor pass, or for a small text the anchor lookup. */
  begin(text: string): TextSearch {
    if (text.length <= SMALL_TEXT) {
      this.probeTable ??= new ProbeTable(this.entries.map((e) => e.probes));
      return new TextSearch(this, text, null, this.probeTable.present(text));
    }
    this.buildLiteralSets();
    const anchorsAt: number[][] = this.entries.map(() => []);
    this.findLiteralAnchors(text, anchorsAt);
    this.findClassAnchors(text, anchorsAt);
    return new TextSearch(this, text, anchorsAt, null);
  }

  /** @internal */
  entry(id: number): KeywordEntry | undefined {
    return this.entries[id];
  }

  private findLiteralAnchors(text: string, anchorsAt: number[][]): void {
    const wide = /[\u0080-\uffff]/.test(text);
    for (const set of this.literalSets) {
      if (set.kind === "wide" && !wide) continue;
      if (set.re === undefined) {
        // "\b" lets the engine skip the inside of words; "(?=[^\0-\x7f])" skips ASCII for the non-ASCII set.
        const prefix = set.kind === "word" ? "\\b" : set.kind === "wide" ? "(?=[\\u0080-\\uffff])" : "";
        set.re = set.map.size === 0 ? null : new RegExp(`${prefix}${literalAlternation([...set.map.keys()])}`, set.flags);
      }
      const re = set.re;
      if (re == null) continue;
      const insensitive = set.flags.includes("i");
      re.lastIndex = 0;
      for (let m = re.exec(text); m != null; m = re.exec(text)) {
        const spaced = /\s/.test(m[0]) ? m[0].replace(/\s+/g, " ") : m[0];
        const ids = set.map.get(insensitive ? spaced.toLowerCase() : spaced) ?? slowLookup(set.map, set.flags, text, m.index);
        for (const id of ids) addPosition(anchorsAt[id], m.index);
        re.lastIndex = m.index + 1;
      }
    }
  }

  private findClassAnchors(text: string, anchorsAt: number[][]): void {
    // Class anchors are sets of non-ASCII characters (see regexShape): nothing to find in ASCII text.
    if (!/[\u0080-\uffff]/.test(text)) return;
    if (this.classRe === undefined) {
      this.classRe = this.classAnchors.length === 0 ? null : new RegExp(this.classAnchors.map((c) => c.source).join("|"), "gu");
    }
    const re = this.classRe;
    if (re == null) return;
    re.lastIndex = 0;
    for (let m = re.exec(text); m != null; m = re.exec(text)) {
      for (const c of this.classAnchors) {
        c.re ??= new RegExp(c.source, "uy");
        c.re.lastIndex = m.index;
        if (c.re.test(text)) for (const id of c.ids) addPosition(anchorsAt[id], m.index);
      }
    }
  }
}

/** Case folding that changes length (rare Unicode) misses the map: compare anchor by anchor. */
function slowLookup(map: ReadonlyMap<string, number[]>, flags: string, text: string, at: number): number[] {
  const ids = new Set<number>();
  for (const [literal, list] of map) {
    const re = new RegExp(escapeRegex(literal).replace(/ /g, "\\s+"), `${flags.replace("g", "")}y`);
    if (re.test(text.slice(at, at + literal.length * 4))) for (const id of list) ids.add(id);
  }
  return [...ids];
}

function literalLength(keyword: CompiledKeyword): number | null {
  const only = keyword.anchors?.length === 1 ? keyword.anchors[0] : undefined;
  if (only == null || !("literal" in only) || keyword.flags !== "i" || only.literal.includes(" ") || only.caseSensitive) return null;
  return escapeRegex(only.literal) === keyword.source.toLowerCase() ? only.literal.length : null;
}

function addPosition(list: number[] | undefined, at: number): void {
  if (list != null && list.at(-1) !== at) list.push(at);
}

function push(map: Map<string, number[]> | undefined, key: string, id: number): void {
  if (map == null) return;
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
}
