import * as z from "zod/mini";

/** Schemas of what Warden writes to `.warden/`: session records and registry lines. */

export const VerdictSchema = z.enum(["allowed", "warned", "blocked"]);
export const SeveritySchema = z.enum(["low", "medium", "high", "critical"]);
export type Verdict = z.infer<typeof VerdictSchema>;
export type Severity = z.infer<typeof SeveritySchema>;

/** One reason the guard gave for its verdict: a policy rule or a scanner rule that matched. */
export const FindingSchema = z.looseObject({
  rule: z.string(),
  severity: SeveritySchema,
  category: z.optional(z.string()),
  message: z.optional(z.string()),
  excerpt: z.optional(z.string()),
  start: z.optional(z.number()),
  end: z.optional(z.number()),
  form: z.optional(z.string()),
  source: z.optional(z.string()),
});
export type Finding = z.infer<typeof FindingSchema>;

/** A value cut down to the configured limit: where it was, how big it was, and its fingerprint. */
export const TruncationSchema = z.object({
  path: z.string(),
  bytes: z.number(),
  sha256: z.string(),
});
export type Truncation = z.infer<typeof TruncationSchema>;

const GitInfoSchema = z.object({ branch: z.nullable(z.string()), commit: z.nullable(z.string()) });
export type GitInfo = z.infer<typeof GitInfoSchema>;

const common = {
  id: z.number().check(z.int(), z.positive()),
  timestamp: z.string(),
};

export const InitRecordSchema = z.looseObject({
  ...common,
  type: z.literal("init"),
  session_id: z.string(),
  source: z.nullable(z.string()),
  cwd: z.string(),
  project_dir: z.string(),
  transcript_path: z.nullable(z.string()),
  git: z.nullable(GitInfoSchema),
  platform: z.string(),
  warden_version: z.string(),
});

export const PromptRecordSchema = z.looseObject({
  ...common,
  type: z.literal("prompt"),
  prompt_id: z.nullable(z.string()),
  prompt: z.unknown(),
  verdict: VerdictSchema,
  findings: z.array(FindingSchema),
  truncated: z.optional(z.array(TruncationSchema)),
});

export const ToolEventRecordSchema = z.looseObject({
  ...common,
  type: z.literal("event"),
  tool_use_id: z.nullable(z.string()),
  tool_name: z.string(),
  outcome: z.enum(["completed", "failed", "blocked", "no_result"]),
  timestamp_start: z.string(),
  timestamp_end: z.string(),
  duration_ms: z.number(),
  tool_input: z.unknown(),
  tool_output: z.unknown(),
  is_error: z.boolean(),
  error: z.optional(z.string()),
  working_dir: z.string(),
  files_accessed: z.array(z.string()),
  agent_id: z.optional(z.string()),
  agent_type: z.optional(z.string()),
  mcp_server: z.optional(z.string()),
  mcp_tool: z.optional(z.string()),
  prompt_id: z.optional(z.string()),
  verdict: VerdictSchema,
  severity: z.nullable(SeveritySchema),
  rules_matched: z.array(z.string()),
  findings: z.array(FindingSchema),
  reason: z.optional(z.string()),
  scan_time_ms: z.number(),
  truncated: z.optional(z.array(TruncationSchema)),
});

export const StopRecordSchema = z.looseObject({
  ...common,
  type: z.literal("stop"),
  last_assistant_message: z.nullable(z.unknown()),
  stop_hook_active: z.boolean(),
});

export const SubagentStopRecordSchema = z.looseObject({
  ...common,
  type: z.literal("subagent_stop"),
  agent_id: z.nullable(z.string()),
  agent_type: z.nullable(z.string()),
  agent_transcript_path: z.nullable(z.string()),
  last_assistant_message: z.nullable(z.unknown()),
});

export const CompactRecordSchema = z.looseObject({
  ...common,
  type: z.literal("compact"),
  trigger: z.nullable(z.string()),
  custom_instructions: z.nullable(z.string()),
});

export const ResumeRecordSchema = z.looseObject({
  ...common,
  type: z.literal("resume"),
  source: z.string(),
  cwd: z.string(),
  transcript_path: z.nullable(z.string()),
});

export const EndRecordSchema = z.looseObject({
  ...common,
  type: z.literal("end"),
  reason: z.string(),
  ended_at: z.string(),
  finalized_by: z.enum(["session_end", "stale", "manual"]),
  unfinished_calls: z.number(),
  report_paths: z.array(z.string()),
});

export const SessionRecordSchema = z.discriminatedUnion("type", [
  InitRecordSchema,
  PromptRecordSchema,
  ToolEventRecordSchema,
  StopRecordSchema,
  SubagentStopRecordSchema,
  CompactRecordSchema,
  ResumeRecordSchema,
  EndRecordSchema,
]);

export type InitRecord = z.infer<typeof InitRecordSchema>;
export type PromptRecord = z.infer<typeof PromptRecordSchema>;
export type ToolEventRecord = z.infer<typeof ToolEventRecordSchema>;
export type StopRecord = z.infer<typeof StopRecordSchema>;
export type SubagentStopRecord = z.infer<typeof SubagentStopRecordSchema>;
export type CompactRecord = z.infer<typeof CompactRecordSchema>;
export type ResumeRecord = z.infer<typeof ResumeRecordSchema>;
export type EndRecord = z.infer<typeof EndRecordSchema>;
export type SessionRecord = z.infer<typeof SessionRecordSchema>;
export type SessionRecordType = SessionRecord["type"];

/** A record before the store has given it its place: `id` and `timestamp` are assigned on append. */
export type RecordDraft<R extends SessionRecord = SessionRecord> = R extends SessionRecord
  ? Omit<R, "id" | "timestamp"> & { timestamp?: string }
  : never;

export const RegistryStartSchema = z.looseObject({
  type: z.literal("start"),
  session_id: z.string(),
  started_at: z.string(),
  source: z.nullable(z.string()),
  cwd: z.string(),
  transcript_path: z.nullable(z.string()),
  git: z.nullable(GitInfoSchema),
  platform: z.string(),
  warden_version: z.string(),
});

export const RegistryEndSchema = z.looseObject({
  type: z.literal("end"),
  session_id: z.string(),
  ended_at: z.string(),
  reason: z.string(),
  counts: z.record(z.string(), z.number()),
  report_paths: z.array(z.string()),
});

export const RegistryLineSchema = z.discriminatedUnion("type", [RegistryStartSchema, RegistryEndSchema]);
export type RegistryStart = z.infer<typeof RegistryStartSchema>;
export type RegistryEnd = z.infer<typeof RegistryEndSchema>;
export type RegistryLine = z.infer<typeof RegistryLineSchema>;
