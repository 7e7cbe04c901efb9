import type { CompiledKeyword } from "./rule-types.js";

/**
 * One keyword as the KeywordIndex keeps it and a TextSearch runs it: how far its matches reach,
 * how it is found, and its RegExp objects once made. Here, below both, so neither imports the other.
 */
export interface KeywordEntry {
  readonly keyword: CompiledKeyword;
  readonly reach: number;
  /** Searched through anchors when searched over the whole text. */
  readonly anchored: boolean;
  /** A case-insensitive literal keyword: an anchor hit is the match itself. */
  readonly literalLength: number | null;
  /** Literal anchors for the small-text lookup; null when the keyword must always be searched. */
  readonly probes: readonly { readonly literal: string; readonly wordStart?: true }[] | null;
  global?: RegExp;
  sticky?: RegExp;
}

/** What a text search needs of its index: the entry of a keyword, by id. */
export interface KeywordEntries {
  entry(id: number): KeywordEntry | undefined;
}
