import type { ContentScanner, ScanOutcome, ScanSubject } from "../guard-policy.js";
import { monotonicMs } from "../support/lazy-builtin.js";
import { displayExcerpt } from "./display-excerpt.js";
import { createAnthropicJudge, type AnthropicJudgeOptions, type LlmJudge } from "./llm-judge.js";
import { resolveTiers, tierKey, type TierRequest } from "./resolve-tiers.js";
import type { CompiledRule, Tier } from "./rule-types.js";
import type { RewrittenRun } from "./rewritten-words.js";
import { buildScanEngine, scanText, type ScanEngine, type TextMatch, type TextTierLookup } from "./scan-text.js";
import { buildScanNote, type NoteItem } from "./scan-note.js";
import { isQuotedMention } from "./quoted-mention.js";
import { findMisplacedRequests, MISPLACED_REQUEST_RULE } from "./signals/misplaced-requests.js";
import type { SemanticProvider } from "./semantic-provider.js";
import { DEFAULT_WARN_AT, verdictForSeverity } from "./severity-verdict.js";
import { SHIPPED_RULES } from "./shipped-rules.js";
import {
  defaultStatisticalLayer,
  findInstructionStretches,
  STATISTICAL_RULE,
  type StatisticalLayer,
} from "./statistical/statistical-layer.js";
import { type NormalizedText, toRawOffset } from "./normalize-text.js";
import { maxSeverity, type Finding, type Severity, atLeast } from "../verdict.js";

/** The LLM tier from config: used only when `enabled` and an API key is given. */
export interface LlmTierConfig extends Partial<AnthropicJudgeOptions> {
  readonly enabled: boolean;
}

export interface InjectionScannerOptions {
  /**
   * The scanner will scan many texts (the resident server): it spends once, up front, what a
   * short-lived hook process saves by scanning short texts another way.
   */
  readonly longLived?: boolean;
  /** Findings at or above this severity are `warned` and described to the model. Default medium. */
  readonly warnAt?: Severity;
  /** Replaces the shipped rules. */
  readonly rules?: readonly CompiledRule[];
  /** Added to the rules (a user's own `.nov` files, compiled once per process). */
  readonly extraRules?: readonly CompiledRule[];
  readonly llm?: LlmJudge | LlmTierConfig;
  readonly semantic?: SemanticProvider;
  /** The statistical layer; the shipped model unless given, none when false. */
  readonly statistical?: StatisticalLayer | false;
  /** Conditions are judged in windows of this many characters, overlapping by half. Default 4096. */
  readonly windowSize?: number;
  /** Time after which remaining subjects and payloads are left unscanned (and the outcome says so). */
  readonly timeBudgetMs?: number;
  /** Most LLM or semantic questions per scan. Default 8. */
  readonly maxTierRequests?: number;
  readonly now?: () => number;
}

/** A rule that could not be decided because a tier it needs did not answer. */
export interface PartialRule {
  readonly rule: string;
  readonly severity: Severity;
  readonly missing: readonly Tier[];
  readonly reason: string;
  readonly source?: string;
}

export interface InjectionScanOutcome extends ScanOutcome {
  readonly partial: readonly PartialRule[];
  /** True when the time budget ran out before every subject or payload was scanned. */
  readonly incomplete: boolean;
}

export interface InjectionScanner extends ContentScanner {
  scan(subjects: readonly ScanSubject[]): InjectionScanOutcome;
  /** Also asks the LLM and semantic tiers, where they are configured and a rule needs them. */
  scanAsync(subjects: readonly ScanSubject[]): Promise<InjectionScanOutcome>;
  readonly rules: readonly CompiledRule[];
}

interface SubjectScan {
  readonly subject: ScanSubject;
  matches: readonly ScanMatch[];
}

/** A finding of the statistical or structural checks, or a quoted mention, carries its own reason instead of the rule's description. */
type ScanMatch = TextMatch & { readonly reason?: string };

export function createInjectionScanner(options: InjectionScannerOptions = {}): InjectionScanner {
  const rules = [...(options.rules ?? SHIPPED_RULES), ...(options.extraRules ?? [])];
  const warnAt = options.warnAt ?? DEFAULT_WARN_AT;
  const windowSize = options.windowSize ?? 4096;
  // Not performance.now(): loading perf_hooks costs a hook process about 2 ms.
  const now = options.now ?? monotonicMs;
  const llm = judgeFrom(options.llm);
  let engine: ScanEngine | undefined;
  // Resolved on first scan: reading the shipped model is left to processes that scan text.
  let statistical: StatisticalLayer | false | undefined = options.statistical;
  let modelError: string | undefined;
  const statisticalLayer = (): StatisticalLayer | undefined => {
    if (statistical === undefined) {
      try {
        statistical = defaultStatisticalLayer();
      } catch (error) {
        statistical = false;
        modelError = `statistical layer off: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    return statistical === false ? undefined : statistical;
  };

  const scanAll = (subjects: readonly ScanSubject[], tiers: (i: number) => TextTierLookup, only?: ReadonlySet<string>) => {
    engine ??= buildScanEngine(rules, options.longLived);
    const deadline = now() + (options.timeBudgetMs ?? 1500);
    let incomplete = false;
    const scans: SubjectScan[] = subjects.map((subject, i) => {
      if (subject.text === "" || incomplete || now() > deadline) {
        incomplete ||= subject.text !== "";
        return { subject, matches: [] };
      }
      const result = scanText(engine ?? buildScanEngine(rules, options.longLived), subject.text, {
        windowSize,
        tiers: tiers(i),
        only,
        deadline,
        now,
      });
      incomplete ||= result.incomplete;
      // The statistical layer answers no tier questions: it runs in the first pass only.
      const layer = only == null ? statisticalLayer() : undefined;
      const statisticalMatches = layer == null ? [] : statisticalFindings(layer, subject, result.normalized, result.rewritten);
      return { subject, matches: [...result.matches.map((m) => asMentionWhenQuoted(m, subject.text)), ...statisticalMatches] };
    });
    return { scans, incomplete };
  };

  // A model that cannot be read leaves the rules running; the outcome says the layer was off.
  const reportModelError = (o: InjectionScanOutcome): InjectionScanOutcome =>
    modelError == null
      ? o
      : {
          ...o,
          partial: [...o.partial, { rule: STATISTICAL_RULE.name, severity: STATISTICAL_RULE.severity, missing: [], reason: modelError }],
        };

  const scan = (subjects: readonly ScanSubject[]): InjectionScanOutcome => {
    const started = now();
    const { scans, incomplete } = scanAll(subjects, () => () => undefined);
    return reportModelError(outcome(scans, new Map(), incomplete, now() - started, warnAt, llm != null));
  };

  const scanAsync = async (subjects: readonly ScanSubject[]): Promise<InjectionScanOutcome> => {
    const started = now();
    const asked = new Map<string, TierRequest & { subject: number }>();
    const first = scanAll(subjects, (subject) => (rule, section, name, regionText) => {
      // One question per subject, rule and variable: the first undecided window's.
      const key = `${subject}\0${rule.name}\0${name}`;
      if (!asked.has(key)) asked.set(key, { rule, section, name, regionText, subject });
      return undefined;
    });
    const requests = [...asked.values()].filter(
      (r) => !first.scans[r.subject]?.matches.some((m) => m.rule.name === r.rule.name && m.status === "match"),
    );
    if (requests.length === 0)
      return reportModelError(outcome(first.scans, new Map(), first.incomplete, now() - started, warnAt, llm != null));
    const answers = await resolveTiers(requests, {
      llm,
      semantic: options.semantic,
      maxRequests: options.maxTierRequests ?? 8,
      maxChars: 12_000,
    });
    const open = new Set(requests.map((r) => r.rule.name));
    const second = scanAll(
      subjects,
      () => (rule, section, name, regionText) => answers.values.get(tierKey(rule, section, name, regionText)),
      open,
    );
    const merged = first.scans.map((s, i) => ({
      subject: s.subject,
      matches: [...s.matches.filter((m) => !open.has(m.rule.name)), ...(second.scans[i]?.matches ?? [])],
    }));
    return reportModelError(outcome(merged, answers.reasons, first.incomplete || second.incomplete, now() - started, warnAt, llm != null));
  };

  return { scan, scanAsync, rules };
}

/** A quoted or described attack phrase is recorded at low severity: it is not warned about. */
function asMentionWhenQuoted(m: TextMatch, text: string): ScanMatch {
  if (m.status !== "match" || !atLeast(m.rule.severity, "medium") || !isQuotedMention(text, m.start, m.end)) return m;
  const description = m.rule.meta.description ?? m.rule.name;
  return {
    ...m,
    rule: { ...m.rule, severity: "low" },
    reason: `${description} (quoted or described as an example: recorded, not warned about)`,
  };
}

/** The statistical layer's stretches and the misplaced requests, as matches placed on the raw text. */
function statisticalFindings(
  layer: StatisticalLayer,
  subject: ScanSubject,
  normalized: NormalizedText,
  rewritten: readonly RewrittenRun[],
): ScanMatch[] {
  // The user's own words are not scanned against themselves.
  if (subject.kind === "prompt") return [];
  const asked = new Set(subject.askedActions ?? []);
  const text = normalized.text;
  const match = (rule: CompiledRule, start: number, end: number, reason: string): ScanMatch => ({
    rule,
    status: "match",
    // Which check found it: "statistical" (the model) or "structural" (a misplaced request).
    form: rule.category ?? "statistical",
    start: toRawOffset(normalized, start),
    end: toRawOffset(normalized, end),
    matchedText: text.slice(start, end),
    vars: [],
    missing: [],
    regionText: text.slice(start, end),
    reason,
  });
  // A rewritten line is judged in its plain words and reported over the whole line.
  const fromRewritten = rewritten.flatMap((line) =>
    findInstructionStretches(layer, line.text, asked).map((s) => ({
      ...match(STATISTICAL_RULE, line.start, line.end, `${s.reasons.join("; ")}; written as ${line.encoding} text`),
      matchedText: line.text.slice(s.start, s.end),
    })),
  );
  return [
    ...findInstructionStretches(layer, text, asked).map((s) => match(STATISTICAL_RULE, s.start, s.end, s.reasons.join("; "))),
    ...fromRewritten,
    ...findMisplacedRequests(text, asked).map((r) =>
      match(
        MISPLACED_REQUEST_RULE,
        r.start,
        r.end,
        `asks for ${r.actions.join(", ")} actions that the rest of the text is not about and the user did not ask for`,
      ),
    ),
  ];
}

function judgeFrom(llm: LlmJudge | LlmTierConfig | undefined): LlmJudge | undefined {
  if (llm == null) return undefined;
  if ("judge" in llm) return llm;
  if (!llm.enabled || !llm.apiKey) return undefined;
  return createAnthropicJudge({ ...llm, apiKey: llm.apiKey });
}

function outcome(
  scans: readonly SubjectScan[],
  reasons: ReadonlyMap<string, string>,
  incomplete: boolean,
  ms: number,
  warnAt: Severity,
  llmOn: boolean,
): InjectionScanOutcome {
  const findings: Finding[] = [];
  const partial: PartialRule[] = [];
  const noteItems: NoteItem[] = [];
  let severity: Severity | null = null;
  for (const { subject, matches } of scans) {
    for (const m of matches) {
      const source = subject.source ?? subject.toolName;
      if (m.status === "partial") {
        const reason = reasons.get(m.rule.name) ?? defaultReason(m.missing, llmOn);
        partial.push({ rule: m.rule.name, severity: m.rule.severity, missing: m.missing, reason, ...(source ? { source } : {}) });
        if (m.vars.length > 0)
          findings.push({
            ...toFinding(m, source),
            message: `partially evaluated: ${reason}`,
            evaluation: "partial",
            missing_tiers: [...m.missing],
          });
        continue;
      }
      const finding = toFinding(m, source);
      findings.push(finding);
      severity = maxSeverity(severity, m.rule.severity);
      if (atLeast(m.rule.severity, warnAt)) noteItems.push({ subject, finding });
    }
  }
  const verdict = verdictForSeverity(severity, warnAt);
  const note = verdict === "warned" ? buildScanNote(noteItems) : undefined;
  return { verdict, severity, findings, scanTimeMs: Math.round(ms * 100) / 100, ...(note ? { note } : {}), partial, incomplete };
}

function toFinding(m: ScanMatch, source: string | undefined): Finding {
  const description = m.reason ?? m.rule.meta.description;
  return {
    rule: m.rule.name,
    severity: m.rule.severity,
    ...(m.rule.category ? { category: m.rule.category } : {}),
    ...(description ? { message: description } : {}),
    excerpt: displayExcerpt(m.matchedText),
    start: m.start,
    end: m.end,
    form: m.form,
    ...(source ? { source } : {}),
  };
}

function defaultReason(missing: readonly Tier[], llmOn: boolean): string {
  return missing
    .map((tier) =>
      tier === "llm"
        ? llmOn
          ? "llm tier: not asked in a synchronous scan"
          : "llm tier: off"
        : tier === "semantics"
          ? "semantics tier: no embedding model is configured"
          : "fuzzy keywords: only exact matches are checked",
    )
    .join("; ");
}
