// Core's public surface: what the hook packages and the CLI use, named one by one. Everything
// else (parsers, rule internals, render helpers) is internal; tests reach it beside the code, the
// benchmarks through the built modules in dist/.

// The guard's words, shared by the guard and the store.
export { atLeast, type Finding, maxSeverity, maxVerdict, parseSeverity, SEVERITIES, type Severity } from "./verdict.js";
export { CLEAN_SCAN, NO_SCANNER, type ScanOutcome, type ScanSubject, type ToolPolicy } from "./guard-policy.js";

// The hook runtime: one process boundary, the payloads, the context handlers receive, recording.
export { type HookHandlers, type HookIo, type HookOutcome, type HookReply, replyThenRecord, runHook } from "./hook/run-hook.js";
export {
  createHookContext,
  type GuardFactories,
  type GuardSetup,
  type HookContext,
  type HookWorld,
  realWorld,
} from "./hook/hook-context.js";
export type {
  PostToolUseFailurePayload,
  PostToolUsePayload,
  PreCompactPayload,
  PreToolUsePayload,
  SessionEndPayload,
  SessionStartPayload,
  StopPayload,
  SubagentStopPayload,
  UserPromptSubmitPayload,
} from "./hook/hook-payload.js";
export { initDraftFor, recordForSession } from "./hook/record-session.js";
export { completedTiming, toolEventDraft } from "./hook/tool-event.js";
export { readGitInfo } from "./hook/git-info.js";
export { type FinalizeOutcome, finalizeSession } from "./hook/finalize-session.js";

// The store: .warden/ and its files.
export { SessionStore, UnknownSessionError, writeFileAtomic } from "./store/session-store.js";
export {
  checkpointStatePath,
  guardStateDirOf,
  isSafeSessionId,
  pendingDirOf,
  reportPath,
  resolveWardenDir,
  sessionLogPath,
  transcriptCachePath,
  UnsafeSessionIdError,
} from "./store/warden-paths.js";
export { readMaybeGzipped } from "./store/session-log.js";
export type { SessionEdges } from "./store/session-edges.js";
export { boundValue } from "./store/bounded-value.js";
export { redactText, redactValue } from "./store/redact-secrets.js";
export type { CheckpointRecord, InitRecord, PromptRecord, SessionRecord, ToolEventRecord } from "./store/session-record.js";
export { appendContained, isContainedPath, OutsideDataDirError } from "./store/contained-path.js";
export { findStaleSessions } from "./store/stale-sessions.js";

// Provenance: the lines the model wrote, the commits sessions made, the notes on them.
export { gitBeforeCall } from "./provenance/commit-checkpoint.js";
export { bashWritesBefore } from "./provenance/bash-writes.js";
export { type BlamedLine, blameFile } from "./provenance/blame-file.js";
export { type CommitStory, commitsOfRange, commitStories, commitStory, type LineShare, shareOf } from "./provenance/commit-story.js";
export { sumLines } from "./provenance/commit-attribution.js";
export { GitCommandError } from "./provenance/git-run.js";
export { findRepository } from "./hook/git-info.js";
export { describeToolCall } from "./report/render/describe-tool-call.js";
export { recordProvenance } from "./provenance/record-provenance.js";
export { type Segment, segmentSchema } from "./provenance/trace-note.js";

// Reports.
export { type ReportCommit, type ReportModel, reportModelSchema } from "./report/report-model.js";
export { commitLineTotals } from "./report/commit-lines.js";
export { summarizeSession } from "./report/session-summary.js";
export { reportFiles, type ReportOptions, writeSessionReports } from "./report/write-reports.js";
export { MAX_REPORTED_SESSION_BYTES, reportRefusal, SessionTooLargeError } from "./report/report-size.js";
export {
  costOfUsage,
  findPriceRow,
  loadPriceTable,
  loadPriceTableOrRefuse,
  PriceFileError,
  priceFileLocation,
  priceTablesOf,
  type ModelCost,
  type PriceFileSettings,
  type PriceRow,
  type PriceSource,
  type PriceTable,
  type UsageCost,
} from "./report/pricing/index.js";

// The live view of a running session (`warden statusline`, `warden watch`).
export {
  advanceTally,
  emptyTally,
  type LiveCall,
  liveStatePath,
  type LiveUsage,
  loadRecordTally,
  RECENT_CALLS,
  readLiveUsage,
  type RecordTally,
  saveRecordTally,
} from "./live/index.js";
export {
  type IndexPageModel,
  type IndexSession,
  indexPagePath,
  readFirstPrompt,
  renderIndexPage,
  writeIndexPage,
} from "./report/index-page/index.js";

// Configuration.
export { configPaths, loadWardenConfig, type ResolvedConfig } from "./config/warden-config.js";

// The command guard.
export { type CommandExplanation, CommandPolicyConfigError, createCommandPolicy, explainCommand } from "./command-policy/index.js";

// The injection scanner and its rules.
export {
  checkRules,
  actionClasses,
  createInjectionScanner,
  extractScanSubjects,
  formatDiagnostic,
  injectionOptionsFromConfig,
  type InjectionScanner,
  type ActionClass,
  type PartialRule,
  promptSubject,
  readExampleSources,
  readRuleSources,
  type RuleSource,
  type RulesCheck,
  type RulesTest,
  SHIPPED_RULES_DIR,
  testRules,
} from "./injection/index.js";

// Small shared helpers.
export { isCode, isProcessAlive, LockTimeoutError } from "./support/file-lock.js";
export { meaningfulPid, parsePid } from "./support/process-id.js";
export { monotonicMs } from "./support/lazy-builtin.js";
export { describeIssue, describeIssues, formatPath, type IssueContext, type SchemaIssue } from "./support/schema-issues.js";
export { closestName } from "./support/closest-name.js";
export { WARDEN_VERSION } from "./support/version.js";

// The resident server's state, and starting, probing and stopping it.
export {
  ensureServerDir,
  formatServerState,
  newServerSecrets,
  parseServerState,
  readServerState,
  removeServerState,
  serverBuildOf,
  type ServerPaths,
  serverPaths,
  type ServerState,
  ServerStateError,
  serverUrl,
  writeServerState,
} from "./resident/server-state.js";
export {
  ensureServer,
  type EnsureOutcome,
  PROOF_HEADER,
  sameSecret,
  type ServerHealth,
  ServerStartError,
  type ServerStatus,
  serverStatus,
  stopServer,
} from "./resident/server-control.js";

// The team store's outbox: the session files, a cursor per session, the sync lock and logs.
export {
  advanceCursor,
  EXPORTED_OTEL_FOLDER,
  readShipCursor,
  type ShipCursor,
  shipCursorPath,
  shippedDirOf,
  SHIPPED_FOLDER,
  writeShipCursor,
} from "./team/ship-cursor.js";
export { type OutboxStatus, outboxStatus, reportMtimeOf, type SessionBacklog, sessionBacklog, unsentBytes } from "./team/outbox-status.js";
export { type BatchLimits, type RecordBatch, SessionSource } from "./team/session-source.js";
export { teamIdentity, type TeamTarget, teamTarget } from "./team/team-target.js";
export { outboxRegistryPath, registeredOutboxes, registerOutbox } from "./team/outbox-registry.js";
export { holdSyncLock, logSyncError, startSessionEndSync, SyncBusyError, type SyncPaths, syncPaths } from "./team/sync-process.js";
export type { TeamConfig } from "./config/warden-config.js";

// Usage history: every Claude Code transcript on the machine, wired or not.
export { claudeConfigDir } from "./history/claude-dir.js";
export { readUsageHistory, type UsageHistory } from "./history/usage-history.js";
export { openUsageCache, usageCachePath } from "./history/usage-cache.js";
export { defaultTimeZone, parseDay, systemTimeZone, TimeZoneError, zoneFormat } from "./history/local-dates.js";
export { type Rollup, type RollupBy, rollUpUsage, type UsageRow } from "./history/usage-rollup.js";
