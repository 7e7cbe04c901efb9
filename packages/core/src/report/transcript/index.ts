export { readTranscript, type FileReading, type ReadTranscriptOptions, type TranscriptReading } from "./read-transcript.js";
export { traceEntrySchema, type TraceEntry } from "./trace-entry.js";
export type { McpServerUse, SkillUse, SubagentSummary, TranscriptSummary } from "./summarize-transcript.js";
export type { ModelUsage, TokenCounts, UsageTotals } from "./usage-ledger.js";
export {
  parseTranscriptState,
  TranscriptStateError,
  transcriptStateSchema,
  type FileKind,
  type FileProgress,
  type TranscriptState,
} from "./transcript-state.js";
