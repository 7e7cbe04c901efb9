import type { ContentScanner, ScanOutcome, ScanSubject } from "../guard-policy.js";
import { monotonicMs } from "../support/lazy-builtin.js";
import { displayExcerpt } from "./display-excerpt.js";
import { createAnthropicJudge, type AnthropicJudgeOptions, type LlmJudge } from "./llm-judge.js";
import { resolveTiers, tierKey, type TierRequest } from "./resolve-tiers.js";
import type { CompiledRule, Tier } from "./rule-types.js";
import { buildScanEngine, scanText, type ScanEngine, type TextMatch, type TextTierLookup } from "./scan-text.js";
import { buildScanNote, type NoteItem } from "./scan-note.js";
import type { SemanticProvider } from "./semantic-provider.js";
import { DEFAULT_WARN_AT, verdictForSeverity } from "./severity-verdict.js";
import { SHIPPED_RULES } from "./shipped-rules.js";
import { maxSeverity, type Finding, type Severity, atLeast } from "../verdict.js";

/** The LLM tier from config: used only when `enabled` and an API key is given. */
export interface LlmTierConfig extends Partial<AnthropicJudgeOptions> {
  readonly enabled: boolean;
}

export interface InjectionScannerOptions {
  /** Findings at or above this severity are `warned` and described to the model. Default medium. */
  readonly warnAt?: Severity;
  /** Replaces the shipped rules. */
  readonly rules?: readonly CompiledRule[];
  /** Added to the rules (a user's own `.nov` files, compiled once per process). */
  readonly extraRules?: readonly CompiledRule[];
  readonly llm?: LlmJudge | LlmTierConfig;
  readonly semantic?: SemanticProvider;
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
  matches: readonly TextMatch[];
}

export function createInjectionScanner(options: InjectionScannerOptions = {}): InjectionScanner {
  const rules = [...(options.rules ?? SHIPPED_RULES), ...(options.extraRules ?? [])];
  const warnAt = options.warnAt ?? DEFAULT_WARN_AT;
  const windowSize = options.windowSize ?? 4096;
  // Not performance.now(): loading perf_hooks costs a hook process about 2 ms.
  const now = options.now ?? monotonicMs;
  const llm = judgeFrom(options.llm);
  let engine: ScanEngine | undefined;

  const scanAll = (subjects: readonly ScanSubject[], tiers: (i: number) => TextTierLookup, only?: ReadonlySet<string>) => {
    engine ??= buildScanEngine(rules);
    const deadline = now() + (options.timeBudgetMs ?? 1500);
    let incomplete = false;
    const scans: SubjectScan[] = subjects.map((subject, i) => {
      if (subject.text === "" || incomplete || now() > deadline) {
        incomplete ||= subject.text !== "";
        return { subject, matches: [] };
      }
      const result = scanText(engine ?? buildScanEngine(rules), subject.text, { windowSize, tiers: tiers(i), only, deadline, now });
      incomplete ||= result.incomplete;
      return { subject, matches: result.matches };
    });
    return { scans, incomplete };
  };

  const scan = (subjects: readonly ScanSubject[]): InjectionScanOutcome => {
    const started = now();
    const { scans, incomplete } = scanAll(subjects, () => () => undefined);
    return outcome(scans, new Map(), incomplete, now() - started, warnAt, llm != null);
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
    if (requests.length === 0) return outcome(first.scans, new Map(), first.incomplete, now() - started, warnAt, llm != null);
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
    return outcome(merged, answers.reasons, first.incomplete || second.incomplete, now() - started, warnAt, llm != null);
  };

  return { scan, scanAsync, rules };
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

function toFinding(m: TextMatch, source: string | undefined): Finding {
  const description = m.rule.meta.description;
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
