export { type DecodedPayload, findEncodedPayloads } from "./decode-payloads.js";
export { displayExcerpt } from "./display-excerpt.js";
export { type InjectionConfig, injectionConfigSchema } from "./injection-config-schema.js";
export { type InjectionWorld, injectionOptionsFromConfig, type ResolvedInjectionOptions } from "./injection-config.js";
export {
  createInjectionScanner,
  type InjectionScanner,
  type InjectionScannerOptions,
  type InjectionScanOutcome,
  type LlmTierConfig,
  type PartialRule,
} from "./injection-scanner.js";
export {
  type AnthropicJudgeOptions,
  createAnthropicJudge,
  DEFAULT_LLM_MODEL,
  DEFAULT_LLM_TIMEOUT_MS,
  type LlmAnswer,
  type LlmJudge,
} from "./llm-judge.js";
export {
  compileRuleSources,
  type LoadedRules,
  loadRuleFiles,
  readExampleSources,
  readRuleSources,
  type RuleSource,
  SHIPPED_RULES_DIR,
} from "./load-rules.js";
export { type NormalizedText, normalizeText, toRawOffset } from "./normalize-text.js";
export { formatDiagnostic, type NovaDiagnostic, NovaSyntaxError } from "./nova-syntax-error.js";
export { type CompiledFile, compileNovaSource } from "./rule-compiler.js";
export { type ExamplesReport, parseExamples, type RuleExamples, runRuleExamples } from "./rule-examples.js";
export type { CompiledRule, RuleForm, Tier } from "./rule-types.js";
export { type AvailableTiers, checkRules, type PartialRuleCheck, type RulesCheck, type RulesTest, testRules } from "./check-rules.js";
export { buildScanNote, NOTE_MAX_CHARS } from "./scan-note.js";
export { extractScanSubjects, isInstructionFile, promptSubject } from "./scan-subjects.js";
export type { SemanticProvider } from "./semantic-provider.js";
export { DEFAULT_WARN_AT, verdictForSeverity } from "./severity-verdict.js";
export { SHIPPED_RULES } from "./shipped-rules.js";
export { type ActionClass, actionClasses } from "./signals/action-classes.js";
export { type LinearModel } from "./statistical/linear-model.js";
export {
  DEFAULT_ALONE_AT,
  DEFAULT_SUPPORTED_AT,
  findInstructionStretches,
  shippedModel,
  type StatisticalLayer,
} from "./statistical/statistical-layer.js";
export { type CallBudget, fileBudget, fileCache, memoryBudget, memoryCache, type VerdictCache } from "./tier-memory.js";
