import { compileRuleSources, type RuleSource } from "./load-rules.js";
import type { NovaDiagnostic } from "./nova-syntax-error.js";
import { parseExamples, runRuleExamples, type ExamplesFile, type ExamplesReport } from "./rule-examples.js";
import type { CompiledRule, Tier } from "./rule-types.js";

/** Which optional tiers the guard can ask where the rules will run. */
export interface AvailableTiers {
  readonly llm: boolean;
  readonly semantics: boolean;
}

/** A rule that needs a tier that is not available: it will be reported as partially evaluated. */
export interface PartialRuleCheck {
  readonly rule: CompiledRule;
  readonly missing: readonly Tier[];
}

export interface RulesCheck {
  readonly rules: readonly CompiledRule[];
  readonly files: number;
  readonly errors: readonly NovaDiagnostic[];
  readonly warnings: readonly NovaDiagnostic[];
  readonly partial: readonly PartialRuleCheck[];
}

/** Compiles rule files as the guard would and says what is wrong with them and what is partial. */
export function checkRules(sources: readonly RuleSource[], tiers: AvailableTiers = { llm: false, semantics: false }): RulesCheck {
  const loaded = compileRuleSources(sources);
  const partial = loaded.rules.map((rule) => ({ rule, missing: missingTiers(rule, tiers) })).filter((p) => p.missing.length > 0);
  return {
    rules: loaded.rules,
    files: new Set(sources.map((s) => s.path)).size,
    errors: loaded.errors,
    warnings: loaded.warnings,
    partial,
  };
}

function missingTiers(rule: CompiledRule, tiers: AvailableTiers): Tier[] {
  return rule.tiers.filter((t) => (t === "llm" ? !tiers.llm : t === "semantics" ? !tiers.semantics : true));
}

export interface RulesTest {
  /** Errors compiling the rules. */
  readonly errors: readonly NovaDiagnostic[];
  /** Examples files that could not be read as examples, with why. */
  readonly badExamples: readonly string[];
  readonly report: ExamplesReport;
  /** False when a rule does not compile, an examples file is bad, or an example misbehaves. */
  readonly passed: boolean;
}

/** Runs the rules' own examples (the `*.examples.json` files found beside the rule files). */
export function testRules(sources: readonly RuleSource[], examples: readonly RuleSource[]): RulesTest {
  const loaded = compileRuleSources(sources);
  const files: ExamplesFile[] = [];
  const badExamples: string[] = [];
  for (const source of examples) {
    try {
      files.push(parseExamples(source.path, source.text));
    } catch (error) {
      badExamples.push(error instanceof Error ? error.message : String(error));
    }
  }
  const report = runRuleExamples(loaded.rules, files);
  const passed = report.failures.length === 0 && report.unknown.length === 0 && loaded.errors.length === 0 && badExamples.length === 0;
  return { errors: loaded.errors, badExamples, report, passed };
}
