import type { Severity } from "../verdict.js";

/**
 * The compiled form of NOVA rules: plain JSON, so the shipped rules can be compiled at build time
 * and imported as data, and user rules compiled once per process. Regexes are kept as JavaScript
 * source and flags; the scanner builds RegExp objects lazily.
 */

/** The sections a variable can live in; `fuzzy` keywords are a NOVA 0.4 extension. */
export type Section = "keywords" | "semantics" | "llm";

/** What a rule needs beyond plain keyword matching. */
export type Tier = "semantics" | "llm" | "fuzzy";

/** Which copy of the text a rule reads: `normalized` (the default) or `raw`, for rules that look for obfuscation itself. */
export type RuleForm = "normalized" | "raw";

/**
 * A literal the text must contain wherever the keyword matches (case-insensitively unless the keyword
 * is case-sensitive; a space stands for any whitespace run; `wordStart` when the regex puts a `\b`
 * before it), used to find candidate places cheaply;
 * `class` is the source of a character class of rare (non-ASCII) characters.
 */
export type Anchor = { readonly literal: string; readonly caseSensitive?: true; readonly wordStart?: true } | { readonly class: string };

/**
 * What every match of a keyword starts with (see regexPrefixes): literals, lowercase for a
 * case-insensitive keyword, a space standing for any run of whitespace; those in `atWordStart`
 * only where a word starts (the regex asserts `\b` before them). Each list is one string, the
 * literals separated by newlines (which they never contain): a rule set has thousands, every hook
 * process loads the shipped ones, and a few long strings load far faster than many short ones.
 */
export interface Prefixes {
  readonly atWordStart: string;
  readonly anywhere: string;
}

export interface CompiledKeyword {
  readonly name: string;
  readonly source: string;
  readonly flags: string;
  /** Every match contains one of these; null when no selective anchor exists (the keyword is searched everywhere). */
  readonly anchors: readonly Anchor[] | null;
  /** Upper bound of a match's length, or null when unbounded. */
  readonly maxLength: number | null;
  /** What every match starts with (see regexPrefixes); absent when a match may start with anything. */
  readonly prefixes?: Prefixes;
  /** A fuzzy keyword is only matched exactly here: no match means "not evaluated", never "clean". */
  readonly fuzzy?: true;
  readonly line: number;
}

export interface CompiledPhrase {
  readonly name: string;
  readonly text: string;
  readonly threshold: number;
  readonly line: number;
}

/** `any`, `all`, or at least N. */
export type Quantifier = "any" | "all" | number;

export type ConditionNode =
  | { readonly op: "and" | "or"; readonly left: ConditionNode; readonly right: ConditionNode }
  | { readonly op: "not"; readonly operand: ConditionNode }
  | { readonly op: "var"; readonly section: Section; readonly name: string }
  | { readonly op: "of"; readonly quantifier: Quantifier; readonly vars: readonly VarRef[] }
  | { readonly op: "const"; readonly value: boolean };

export interface VarRef {
  readonly section: Section;
  readonly name: string;
}

export interface CompiledRule {
  readonly name: string;
  /** The file the rule came from, as given to the compiler. */
  readonly file: string;
  readonly line: number;
  readonly meta: Readonly<Record<string, string>>;
  readonly severity: Severity;
  readonly category: string | null;
  readonly form: RuleForm;
  readonly keywords: readonly CompiledKeyword[];
  readonly semantics: readonly CompiledPhrase[];
  readonly llm: readonly CompiledPhrase[];
  readonly condition: ConditionNode;
  /** Tiers the rule refers to besides keywords; empty for a keyword-only rule. */
  readonly tiers: readonly Tier[];
  /** Keywords one of which must match for the rule to be true (see ruleGate); null when there is no such set. */
  readonly gate: readonly string[] | null;
}

export interface RuleSet {
  readonly rules: readonly CompiledRule[];
}
