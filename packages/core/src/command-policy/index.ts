export { analyzeCommand } from "./shell/analyze-command.js";
export type { CommandAnalysis, CommandContext, ExecSource, Redirect, RuleAction, RuleInfo, SimpleCommand } from "./command-types.js";
export {
  commandPolicyOptionsSchema,
  commandRuleSchema,
  pathRuleSchema,
  ruleActionSchema,
  ruleOverrideSchema,
  packSettingSchema,
  type CommandPolicyOptions,
  type PackSetting,
  type CustomCommandRule,
  type CustomPathRule,
  type RuleOverride,
} from "./command-policy-options.js";
export {
  CommandPolicyConfigError,
  createCommandPolicy,
  type CommandEvaluation,
  type CommandPolicy,
  type CommandPolicyWorld,
} from "./create-command-policy.js";
export type { ReadStatus, StatusEntry, StatusQuery, WorkTreeStatus } from "./read-git-status.js";
export type { RuleMatch } from "./build-decision.js";
export {
  explainCommand,
  type CommandExplanation,
  type ExplainContext,
  type ExplainedCommand,
  type ExplainedTarget,
} from "./explain-command.js";
export { commandFiles, fileTargets, type FileTarget } from "./command-files.js";
export { RULE_CATALOGUE } from "./rules/rule-catalogue.js";
export { RULE_PACKS } from "./rules/packs/pack-catalogue.js";
export type { RulePack } from "./rules/packs/rule-pack.js";
export type { PathClass } from "./rules/classify-path.js";
