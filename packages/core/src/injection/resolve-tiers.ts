import type { LlmJudge } from "./llm-judge.js";
import type { CompiledRule } from "./rule-types.js";
import type { SemanticProvider } from "./semantic-provider.js";

/**
 * The asynchronous tiers, asked only where a keyword-only evaluation left a rule undecided:
 * the first scan records each (rule, variable, window) it had to leave open; these are answered
 * here, a bounded number per scan, and the second scan reads the answers.
 */
export interface TierRequest {
  readonly rule: CompiledRule;
  readonly section: "semantics" | "llm";
  readonly name: string;
  readonly regionText: string;
}

export interface TierAnswers {
  /** Key of `tierKey` to whether the variable matched. */
  readonly values: ReadonlyMap<string, boolean>;
  /** Rule name to why a tier did not answer it. */
  readonly reasons: ReadonlyMap<string, string>;
}

export interface TierProviders {
  readonly llm?: LlmJudge;
  readonly semantic?: SemanticProvider;
  /** Most requests answered per scan; the rest stay "not evaluated". */
  readonly maxRequests: number;
  /** Longest window sent to a tier for a rule with no keyword evidence. */
  readonly maxChars: number;
}

export function tierKey(rule: CompiledRule, section: string, name: string, regionText: string): string {
  return `${rule.name}\0${section}\0${name}\0${regionText}`;
}

export async function resolveTiers(requests: readonly TierRequest[], providers: TierProviders): Promise<TierAnswers> {
  const values = new Map<string, boolean>();
  const reasons = new Map<string, string>();
  const unique = new Map<string, TierRequest>();
  for (const r of requests) unique.set(tierKey(r.rule, r.section, r.name, r.regionText), r);
  let budget = providers.maxRequests;
  await Promise.all(
    [...unique].map(async ([key, r]) => {
      const phrase = (r.section === "llm" ? r.rule.llm : r.rule.semantics).find((p) => p.name === r.name);
      if (phrase == null) return;
      if (r.regionText.length > providers.maxChars)
        return void reasons.set(
          r.rule.name,
          `${r.section} tier: text longer than ${providers.maxChars} characters with no keyword evidence`,
        );
      if (budget-- <= 0)
        return void reasons.set(r.rule.name, `${r.section} tier: more than ${providers.maxRequests} questions in one scan`);
      if (r.section === "llm") {
        if (providers.llm == null) return void reasons.set(r.rule.name, "llm tier: off (enable it with an API key in the guard config)");
        const answer = await providers.llm.judge(phrase.text, r.regionText);
        if (answer.status === "evaluated") values.set(key, answer.score >= phrase.threshold);
        else reasons.set(r.rule.name, `llm tier: ${answer.reason}`);
        return;
      }
      if (providers.semantic == null) return void reasons.set(r.rule.name, "semantics tier: no embedding model is configured");
      try {
        const [score] = await providers.semantic.similarity(r.regionText, [phrase.text]);
        if (score != null) values.set(key, score >= phrase.threshold);
      } catch (error) {
        reasons.set(r.rule.name, `semantics tier (${providers.semantic.name}): ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  );
  return { values, reasons };
}
