import { findRewrittenRuns, type RewrittenRun } from "./rewritten-words.js";
import { DEFAULT_DECODE_LIMITS, findEncodedPayloads, type DecodeLimits } from "./decode-payloads.js";
import type { Truth } from "./evaluate-condition.js";
import { evaluateRules, type RuleGroup, type RuleResult } from "./evaluate-rules.js";
import { KeywordIndex } from "./keyword-index.js";
import { type NormalizedText, normalizeText, toRawOffset } from "./normalize-text.js";
import type { CompiledRule, Tier } from "./rule-types.js";

/**
 * Scans one text with every rule, on each form of it: the raw text (for rules that look for
 * obfuscation), the normalized copy, and the decoded payloads found in it (two levels deep).
 * Every result is placed in the raw text; a rule's first match wins over its partial results.
 */
export interface ScanEngine {
  readonly raw: RuleGroup;
  readonly normalized: RuleGroup;
}

export interface TextMatch {
  readonly rule: CompiledRule;
  readonly status: "match" | "partial";
  /** `raw`, `normalized`, or the payload encodings it was found under (`base64`, `base64/url`). */
  readonly form: string;
  /** Offsets in the raw text. */
  readonly start: number;
  readonly end: number;
  /** The matched text, in the form it matched. */
  readonly matchedText: string;
  readonly vars: readonly string[];
  readonly missing: readonly Tier[];
  /** The text of the window the rule was judged on (what an LLM tier would be shown). */
  readonly regionText: string;
}

/** Tier answers for a region of text; `undefined` when the tier did not answer. */
export type TextTierLookup = (rule: CompiledRule, section: "semantics" | "llm", name: string, regionText: string) => Truth;

export interface ScanTextOptions {
  readonly windowSize: number;
  readonly tiers: TextTierLookup;
  readonly decodeLimits?: DecodeLimits;
  /** Only these rules (by name); all when absent. */
  readonly only?: ReadonlySet<string>;
  /** Stop decoding payloads once `now()` passes this. */
  readonly deadline?: number;
  readonly now?: () => number;
}

/** `longLived`: the engine will scan many texts (see KeywordIndex). */
export function buildScanEngine(rules: readonly CompiledRule[], longLived = false): ScanEngine {
  return {
    raw: group(
      rules.filter((r) => r.form === "raw"),
      longLived,
    ),
    normalized: group(
      rules.filter((r) => r.form === "normalized"),
      longLived,
    ),
  };
}

function group(rules: readonly CompiledRule[], longLived: boolean): RuleGroup {
  const keywords = rules.flatMap((r) => r.keywords);
  let next = 0;
  const keywordIds = rules.map((r) => r.keywords.map(() => next++));
  const gates = rules.map((rule, r) => {
    const names = rule.gate;
    return names == null ? null : names.map((name) => keywordIds[r]?.[rule.keywords.findIndex((k) => k.name === name)] ?? -1);
  });
  const whole = new Set<number>();
  rules.forEach((_, r) => {
    for (const id of gates[r] ?? keywordIds[r] ?? []) whole.add(id);
  });
  return { rules, index: new KeywordIndex(keywords, whole, longLived), keywordIds, gates };
}

export interface TextScan {
  readonly matches: readonly TextMatch[];
  /** The normalized copy the rules read (the statistical layer reads it too). */
  readonly normalized: NormalizedText;
  /** Lines of the normalized copy written to dodge filters, turned back into plain words. */
  readonly rewritten: readonly RewrittenRun[];
  /** True when the deadline stopped payload decoding before every payload was read. */
  readonly incomplete: boolean;
}

export function scanText(engine: ScanEngine, raw: string, options: ScanTextOptions): TextScan {
  const best = new Map<string, TextMatch>();
  const keep = (m: TextMatch): void => {
    const prior = best.get(m.rule.name);
    if (prior == null || (prior.status === "partial" && m.status === "match")) best.set(m.rule.name, m);
  };
  const run = (
    g: RuleGroup,
    text: string,
    place: (r: RuleResult) => Omit<TextMatch, "rule" | "status" | "vars" | "missing" | "regionText">,
  ): void => {
    if (g.rules.length === 0) return;
    const lookup = (rule: CompiledRule, section: "semantics" | "llm", name: string, region: { start: number; end: number }): Truth =>
      options.tiers(rule, section, name, text.slice(region.start, region.end));
    for (const r of evaluateRules(g, text, options.windowSize, lookup, options.only)) {
      keep({
        rule: r.rule,
        status: r.status,
        vars: r.vars,
        missing: r.missing,
        regionText: text.slice(r.region.start, r.region.end),
        ...place(r),
      });
    }
  };
  run(engine.raw, raw, (r) => ({ form: "raw", start: r.start, end: r.end, matchedText: raw.slice(r.start, r.end) }));
  const normalized = normalizeText(raw);
  run(engine.normalized, normalized.text, (r) => {
    const start = toRawOffset(normalized, r.start);
    const end = toRawOffset(normalized, r.end);
    const matchedText = normalized.text.slice(r.start, r.end);
    return { form: raw.slice(start, end) === matchedText ? "raw" : "normalized", start, end, matchedText };
  });
  const now = options.now ?? Date.now;
  const limits = options.decodeLimits ?? DEFAULT_DECODE_LIMITS;
  let incomplete = false;
  const decodeLevel = (text: string, depth: number, form: string, span: (s: number, e: number) => [number, number]): void => {
    for (const payload of findEncodedPayloads(text, limits)) {
      if (options.deadline != null && now() > options.deadline) {
        incomplete = true;
        return;
      }
      const inner = normalizeText(payload.text);
      const name = form ? `${form}/${payload.encoding}` : payload.encoding;
      const [start, end] = span(payload.start, payload.end);
      run(engine.normalized, inner.text, (r) => ({ form: name, start, end, matchedText: inner.text.slice(r.start, r.end) }));
      if (depth < 2) decodeLevel(inner.text, depth + 1, name, () => [start, end]);
    }
  };
  decodeLevel(normalized.text, 1, "", (s, e) => [toRawOffset(normalized, s), toRawOffset(normalized, e)]);
  const rewritten = findRewrittenRuns(normalized.text);
  for (const line of rewritten) {
    const start = toRawOffset(normalized, line.start);
    const end = toRawOffset(normalized, line.end);
    run(engine.normalized, line.text, (r) => ({ form: line.encoding, start, end, matchedText: line.text.slice(r.start, r.end) }));
  }
  return { matches: [...best.values()], normalized, rewritten, incomplete };
}
