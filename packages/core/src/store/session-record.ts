import * as z from "zod/mini";
import { lazySchema } from "../support/lazy-schema.js";
import { findingSchema, severitySchema, verdictSchema } from "../verdict.js";

/** Schemas of what Warden writes to `.warden/`: session records and registry lines. */

/** A value cut down to the configured limit: where it was, how big it was, and its fingerprint. */
export const truncationSchema = lazySchema(() =>
  z.object({
    path: z.string(),
    bytes: z.number(),
    sha256: z.string(),
  }),
);
export type Truncation = z.infer<ReturnType<typeof truncationSchema>>;

const gitInfoSchema = lazySchema(() => z.object({ branch: z.nullable(z.string()), commit: z.nullable(z.string()) }));
export type GitInfo = z.infer<ReturnType<typeof gitInfoSchema>>;

const commonFields = () => ({
  id: z.number().check(z.int(), z.positive()),
  timestamp: z.string(),
  /** The hook's stdin was cut off by its deadline: the record holds what had come. */
  input_cut_off_after_ms: z.optional(z.number()),
});

export const initRecordSchema = lazySchema(() =>
  z.looseObject({
    ...commonFields(),
    type: z.literal("init"),
    session_id: z.string(),
    source: z.nullable(z.string()),
    cwd: z.string(),
    project_dir: z.string(),
    transcript_path: z.nullable(z.string()),
    git: z.nullable(gitInfoSchema()),
    platform: z.string(),
    warden_version: z.string(),
    /** Claude Code's process: when it is gone and no end was recorded, the session is stale. */
    claude_pid: z.optional(z.nullable(z.number())),
  }),
);

export const promptRecordSchema = lazySchema(() =>
  z.looseObject({
    ...commonFields(),
    type: z.literal("prompt"),
    prompt_id: z.nullable(z.string()),
    prompt: z.unknown(),
    verdict: verdictSchema(),
    findings: z.array(findingSchema()),
    truncated: z.optional(z.array(truncationSchema())),
  }),
);

export const toolEventRecordSchema = lazySchema(() =>
  z.looseObject({
    ...commonFields(),
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
    verdict: verdictSchema(),
    severity: z.nullable(severitySchema()),
    rules_matched: z.array(z.string()),
    findings: z.array(findingSchema()),
    reason: z.optional(z.string()),
    scan_time_ms: z.number(),
    truncated: z.optional(z.array(truncationSchema())),
  }),
);

export const stopRecordSchema = lazySchema(() =>
  z.looseObject({
    ...commonFields(),
    type: z.literal("stop"),
    last_assistant_message: z.nullable(z.unknown()),
    stop_hook_active: z.boolean(),
  }),
);

export const subagentStopRecordSchema = lazySchema(() =>
  z.looseObject({
    ...commonFields(),
    type: z.literal("subagent_stop"),
    agent_id: z.nullable(z.string()),
    agent_type: z.nullable(z.string()),
    agent_transcript_path: z.nullable(z.string()),
    last_assistant_message: z.nullable(z.unknown()),
  }),
);

export const compactRecordSchema = lazySchema(() =>
  z.looseObject({
    ...commonFields(),
    type: z.literal("compact"),
    trigger: z.nullable(z.string()),
    custom_instructions: z.nullable(z.string()),
  }),
);

export const resumeRecordSchema = lazySchema(() =>
  z.looseObject({
    ...commonFields(),
    type: z.literal("resume"),
    source: z.string(),
    claude_pid: z.optional(z.nullable(z.number())),
    cwd: z.string(),
    transcript_path: z.nullable(z.string()),
  }),
);

export const endRecordSchema = lazySchema(() =>
  z.looseObject({
    ...commonFields(),
    type: z.literal("end"),
    reason: z.string(),
    ended_at: z.string(),
    finalized_by: z.enum(["session_end", "stale", "manual"]),
    unfinished_calls: z.number(),
    report_paths: z.array(z.string()),
    /** Why the session got no report (it was too large); absent when it got one. */
    report_skipped: z.optional(z.string()),
  }),
);

/**
 * A commit the session made (`git commit` through Bash, `--amend` included): the commit, how much
 * of it the model wrote, and the segment of the session since the previous checkpoint that led to
 * it (transcript byte range, record ids, verdicts, tokens and cost).
 */
export const checkpointRecordSchema = lazySchema(() =>
  z.looseObject({
    ...commonFields(),
    type: z.literal("checkpoint"),
    commit: z.string(),
    parents: z.array(z.string()),
    branch: z.nullable(z.string()),
    amend_of: z.nullable(z.string()),
    repo_root: z.string(),
    subject: z.string(),
    tool_use_id: z.nullable(z.string()),
    files: z.array(
      z.object({ path: z.string(), added: z.number(), ai: z.number(), mixed: z.number(), human: z.number(), unknown: z.number() }),
    ),
    lines: z.object({ added: z.number(), ai: z.number(), mixed: z.number(), human: z.number(), unknown: z.number() }),
    segment: z.unknown(),
    /** "written", "off" (provenance.git_notes false) or why the note could not be written. */
    note: z.string(),
  }),
);

export const sessionRecordSchema = lazySchema(() =>
  z.discriminatedUnion("type", [
    initRecordSchema(),
    promptRecordSchema(),
    toolEventRecordSchema(),
    stopRecordSchema(),
    subagentStopRecordSchema(),
    compactRecordSchema(),
    resumeRecordSchema(),
    endRecordSchema(),
    checkpointRecordSchema(),
  ]),
);

export type InitRecord = z.infer<ReturnType<typeof initRecordSchema>>;
export type PromptRecord = z.infer<ReturnType<typeof promptRecordSchema>>;
export type ToolEventRecord = z.infer<ReturnType<typeof toolEventRecordSchema>>;
export type StopRecord = z.infer<ReturnType<typeof stopRecordSchema>>;
export type SubagentStopRecord = z.infer<ReturnType<typeof subagentStopRecordSchema>>;
export type CompactRecord = z.infer<ReturnType<typeof compactRecordSchema>>;
export type ResumeRecord = z.infer<ReturnType<typeof resumeRecordSchema>>;
export type EndRecord = z.infer<ReturnType<typeof endRecordSchema>>;
export type CheckpointRecord = z.infer<ReturnType<typeof checkpointRecordSchema>>;
export type SessionRecord = z.infer<ReturnType<typeof sessionRecordSchema>>;
export type SessionRecordType = SessionRecord["type"];

/** A record before the store has given it its place: `id` and `timestamp` are assigned on append. */
export type RecordDraft<R extends SessionRecord = SessionRecord> = R extends SessionRecord
  ? Omit<R, "id" | "timestamp"> & { timestamp?: string }
  : never;

export const registryStartSchema = lazySchema(() =>
  z.looseObject({
    type: z.literal("start"),
    session_id: z.string(),
    started_at: z.string(),
    source: z.nullable(z.string()),
    cwd: z.string(),
    transcript_path: z.nullable(z.string()),
    git: z.nullable(gitInfoSchema()),
    platform: z.string(),
    warden_version: z.string(),
  }),
);

export const registryEndSchema = lazySchema(() =>
  z.looseObject({
    type: z.literal("end"),
    session_id: z.string(),
    ended_at: z.string(),
    reason: z.string(),
    counts: z.record(z.string(), z.number()),
    report_paths: z.array(z.string()),
  }),
);

export const registryLineSchema = lazySchema(() => z.discriminatedUnion("type", [registryStartSchema(), registryEndSchema()]));
export type RegistryStart = z.infer<ReturnType<typeof registryStartSchema>>;
export type RegistryEnd = z.infer<ReturnType<typeof registryEndSchema>>;
export type RegistryLine = z.infer<ReturnType<typeof registryLineSchema>>;
