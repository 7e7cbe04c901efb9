export {
  apiId,
  usageFor,
  type ApiErrorTurn,
  type ApiUsage,
  type AssistantMessage,
  type AssistantTurn,
  type ToolUseSpec,
} from "./assistant-response.js";
export {
  LOG_HOOK_SCRIPT,
  LOGGED_EVENTS,
  logEveryHook,
  logHook,
  readHookLog,
  settingsWithHooks,
  writeProjectSettings,
  type CommandHook,
  type HookRecord,
  type HookRespond,
  type HookTable,
} from "./hook-log.js";
export {
  allToolResults,
  lastUserMessage,
  lastUserText,
  requestIncludes,
  textOf,
  toolResults,
  type ModelRequest,
  type RequestKind,
  type ToolResultView,
} from "./model-request.js";
export {
  ClaudeRunError,
  DEFAULT_ALLOWED_TOOLS,
  claudeBinPath,
  parseClaudeResult,
  runClaude,
  sumModelUsage,
  type ClaudeResult,
  type ClaudeRun,
  type ModelUsageEntry,
  type RunClaudeOptions,
} from "./run-claude.js";
export { scriptByStep, type PlannedTurn, type StepPlan } from "./script-by-step.js";
export { issuedToolUses, sumUsage, type Exchange, type IssuedToolUse, type TokenTotals } from "./exchange.js";
export { startStandIn, type RecordedRequest, type Script, type StandIn, type StandInOptions } from "./stand-in-api.js";
export { createTempWorld, type TempWorld } from "./temp-world.js";
export {
  findTranscriptPath,
  projectSlug,
  projectsDir,
  readJsonl,
  readTranscript,
  toolResultsIn,
  toolUsesIn,
  type SubagentTranscript,
  type Transcript,
  type TranscriptToolResult,
  type TranscriptToolUse,
} from "./transcript.js";
export {
  REPO_ROOT,
  WARDEN_CLI,
  WARDEN_HOOKS_DIR,
  WardenInstallError,
  callKeysOfEvents,
  callKeysOfTranscript,
  countsByTool,
  errorsLogText,
  eventsFor,
  eventsIn,
  installWarden,
  installWardenPlugin,
  oneTo,
  readRegistry,
  readReport,
  reportCountsByTool,
  readSessionFile,
  recordIds,
  recordTypes,
  recordsOfType,
  registryEntriesOf,
  sessionFileIds,
  sessionToolUses,
  sessionsDirEntries,
  wardenDirOf,
  type CallKey,
  type SessionFile,
  type SessionToolUse,
  type WardenLine,
} from "./warden.js";
export { debugLogPath, hookOutputsInDebugLog, type LoggedHookOutput } from "./debug-log.js";
export {
  addTokensByModel,
  baseModelId,
  costsOfModelUsage,
  costsOfReport,
  tokensOfModelUsage,
  tokensOfReport,
  type TokensByModel,
} from "./model-tokens.js";
export { reportConversation, reportEvents, reportTotalCost } from "./report-fields.js";
export { savedTranscriptOffsets, transcriptCachePath } from "./transcript-cache.js";
export type { JsonRecord } from "./json-guards.js";
export { requestAfterToolUse } from "./next-request.js";
export { findingsOf, lastUserBlocks, type FindingView } from "./findings.js";
export { GIT_IDENTITY, initGitProject, type GitProject } from "./git-project.js";
