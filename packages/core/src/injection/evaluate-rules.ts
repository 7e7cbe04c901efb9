import { evaluateCondition, type Truth } from "./evaluate-condition.js";
import type { KeywordHit, KeywordIndex } from "./keyword-index.js";
import type { CompiledRule, Section, Tier } from "./rule-types.js";

/**
 * Evaluates a group of rules on one text. Conditions are judged per window (overlapping spans of
 * `windowSize` characters), so `and` means "near each other", not "somewhere in a megabyte".
 */
export interface RuleResult {
  readonly rule: CompiledRule;
  readonly status: "match" | "partial";
  /** Span of the evidence in the evaluated text; the whole text when there was none. */
  readonly start: number;
  readonly end: number;
  /** The keyword variables that matched in the deciding window. */
  readonly vars: readonly string[];
  /** For a partial result: the tiers whose answers were missing. */
  readonly missing: readonly Tier[];
  /** The window the rule was judged on. */
  readonly region: { readonly start: number; readonly end: number };
}

/** Answers for the semantics and llm tiers; `undefined` means the tier did not (or could not) answer. */
export type TierLookup = (rule: CompiledRule, section: "semantics" | "llm", name: string, region: { start: number; end: number }) => Truth;

export const NO_TIERS: TierLookup = () => undefined;

export interface RuleGroup {
  readonly rules: readonly CompiledRule[];
  readonly index: KeywordIndex;
  /** For each rule, the indexes of its keywords in `index`. */
  readonly keywordIds: readonly (readonly number[])[];
  /** For each rule, the indexes of its gate keywords (see ruleGate); null when it has none. */
  readonly gates: readonly (readonly number[] | null)[];
}

export function evaluateRules(
  group: RuleGroup,
  text: string,
  windowSize: number,
  tiers: TierLookup,
  only?: ReadonlySet<string>,
): RuleResult[] {
  const search = group.index.begin(text);
  const step = Math.max(1, Math.floor(windowSize / 2));
  const results: RuleResult[] = [];
  group.rules.forEach((rule, r) => {
    if (only != null && !only.has(rule.name)) return;
    const ids = group.keywordIds[r] ?? [];
    const gate = group.gates[r] ?? null;
    const byVar = new Map<string, KeywordHit[]>();
    const note = (id: number, hits: KeywordHit[]): void => {
      const keyword = group.index.keywordAt(id);
      if (keyword != null && hits.length > 0) byVar.set(keyword.name, hits);
    };
    if (gate != null) {
      if (gate.length === 0) return;
      for (const id of gate) note(id, search.whole(id));
      if (byVar.size === 0) return;
      const ranges = windowRanges([...byVar.values()].flat(), step, text.length);
      for (const id of ids) if (!gate.includes(id)) note(id, search.within(id, ranges));
    } else for (const id of ids) note(id, search.whole(id));
    const judged = evaluateRule(rule, byVar, text.length, windowSize, tiers, gate != null);
    if (judged) results.push(judged);
  });
  return results;
}

/** The spans of the windows holding the hits, merged: [(k-1)*step, (k+2)*step) for a hit in k. */
function windowRanges(hits: readonly KeywordHit[], step: number, length: number): [number, number][] {
  const spans = hits.map((h) => Math.floor(h.start / step)).toSorted((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const k of spans) {
    const start = Math.max(0, (k - 1) * step);
    const end = Math.min(length, (k + 2) * step);
    const last = ranges.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges;
}

function evaluateRule(
  rule: CompiledRule,
  byVar: ReadonlyMap<string, KeywordHit[]>,
  length: number,
  windowSize: number,
  tiers: TierLookup,
  gated: boolean,
): RuleResult | undefined {
  const fuzzy = new Set(rule.keywords.filter((k) => k.fuzzy).map((k) => k.name));
  const judge = (present: ReadonlyMap<string, KeywordHit>, region: { start: number; end: number }) => {
    const missing = new Set<Tier>();
    const lookup = (section: Section, name: string): Truth => {
      if (section === "keywords") {
        if (present.has(name)) return true;
        if (!fuzzy.has(name)) return false;
        missing.add("fuzzy");
        return undefined;
      }
      const value = tiers(rule, section, name, region);
      if (value == null) missing.add(section);
      return value;
    };
    return { truth: evaluateCondition(rule.condition, lookup), missing };
  };
  let partial: RuleResult | undefined;
  const step = Math.max(1, Math.floor(windowSize / 2));
  for (const [k, present] of windowsOf(byVar, step)) {
    const region = { start: k * step, end: Math.min(length, k * step + windowSize) };
    const { truth, missing } = judge(present, region);
    if (truth === true) return result(rule, "match", present, region, []);
    if (truth == null && partial == null) partial = result(rule, "partial", present, region, [...missing]);
  }
  // A gated rule cannot be true without a gate hit, whatever the other tiers say.
  if (partial || gated) return partial;
  const whole = { start: 0, end: length };
  const { truth, missing } = judge(new Map(), whole);
  if (truth === true) return result(rule, "match", new Map(), whole, []);
  if (truth == null) return result(rule, "partial", new Map(), whole, [...missing]);
  return undefined;
}

/** Window k spans [k*step, k*step + 2*step); a hit belongs to the two windows containing its start. */
function windowsOf(byVar: ReadonlyMap<string, KeywordHit[]>, step: number): [number, Map<string, KeywordHit>][] {
  const windows = new Map<number, Map<string, KeywordHit>>();
  for (const [name, hits] of byVar) {
    for (const hit of hits) {
      const k = Math.floor(hit.start / step);
      for (const w of k > 0 ? [k - 1, k] : [k]) {
        let present = windows.get(w);
        if (present == null) windows.set(w, (present = new Map()));
        if (!present.has(name)) present.set(name, hit);
      }
    }
  }
  return [...windows.entries()].toSorted((a, b) => a[0] - b[0]);
}

function result(
  rule: CompiledRule,
  status: "match" | "partial",
  present: ReadonlyMap<string, KeywordHit>,
  region: { start: number; end: number },
  missing: Tier[],
): RuleResult {
  const hits = [...present.values()];
  const start = hits.length === 0 ? region.start : Math.min(...hits.map((h) => h.start));
  const end = hits.length === 0 ? region.end : Math.max(...hits.map((h) => h.end));
  return { rule, status, start, end, vars: [...present.keys()], missing: missing.toSorted(), region };
}
