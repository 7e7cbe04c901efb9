import * as z from "zod/mini";
import { flaggedEventSchema, verdictCountsSchema } from "../provenance/trace-note.js";
import { lazySchema } from "../support/lazy-schema.js";
import { toolEventRecordSchema } from "../store/session-record.js";
import { findingSchema } from "../verdict.js";

/**
 * The data of a session report: `.warden/reports/<session_id>.json` is exactly this, and the HTML
 * and Markdown reports are rendered from it. Token and cost figures come from Claude Code's own
 * transcript, de-duplicated per API response; everything else from Warden's session records.
 */

const tokenFields = () => ({
  input_tokens: z.number(),
  output_tokens: z.number(),
  cache_creation_input_tokens: z.number(),
  cache_creation_5m_input_tokens: z.number(),
  cache_creation_1h_input_tokens: z.number(),
  cache_read_input_tokens: z.number(),
});

const lineCountFields = () => ({ added: z.number(), ai: z.number(), mixed: z.number(), human: z.number(), unknown: z.number() });

/**
 * A commit the session made (from its checkpoint record): how many of the lines it added the model
 * wrote, file by file, and what the stretch of the session that led to it did and cost.
 */
export const reportCommitSchema = lazySchema(() =>
  z.object({
    commit: z.string(),
    short: z.string(),
    subject: z.string(),
    branch: z.nullable(z.string()),
    /** The commit this one replaced (`git commit --amend`). */
    amend_of: z.nullable(z.string()),
    repo_root: z.string(),
    /** When Warden recorded the commit, right after the command that made it. */
    committed_at: z.string(),
    /** Added lines by origin: ai as the model left them, mixed where a person changed the model's, human, unknown (no tool wrote the file). */
    lines: z.object(lineCountFields()),
    /** ai / added, 0 to 1; null when the commit added no line. */
    ai_share: z.nullable(z.number()),
    files: z.array(z.object({ path: z.string(), ...lineCountFields() })),
    /** The session since its previous commit (or its start); null when the record holds none readable. */
    segment: z.nullable(
      z.object({
        prompts: z.number(),
        events: z.number(),
        verdicts: verdictCountsSchema(),
        /** Calls warned about or blocked; `flagged` lists at most the first 50 of them. */
        flagged_count: z.number(),
        flagged: z.array(flaggedEventSchema()),
        /** Null when the transcript could not be read for that stretch: unknown, not zero. */
        tokens: z.nullable(z.object({ input: z.number(), output: z.number(), cache_write: z.number(), cache_read: z.number() })),
        /** Null when tokens are unknown or a model's price is (then named in unpriced_models). */
        cost_usd: z.nullable(z.number()),
        unpriced_models: z.array(z.string()),
        models: z.array(z.string()),
      }),
    ),
    /** "written", "off" (notes turned off) or why the git note could not be written. */
    note: z.string(),
  }),
);

/** Tokens of one response, or summed over a turn. */
const tokenSumSchema = () => z.object({ input: z.number(), output: z.number(), cache_write: z.number(), cache_read: z.number() });

/**
 * One step of the main conversation, in order. Prompts and answer texts have `role` user and
 * assistant as in reports before turns were kept (no `kind`); the other kinds were added since.
 */
export const conversationEntrySchema = lazySchema(() =>
  z.object({
    role: z.enum(["user", "assistant", "system"]),
    timestamp: z.nullable(z.string()),
    /** The prompt or text; the tool's name for a tool_use; empty for a response or compaction. */
    text: z.string(),
    model: z.optional(z.string()),
    agent_id: z.optional(z.string()),
    /** `omitted` stands for `omitted` entries left out of a long conversation at that place. */
    kind: z.optional(z.enum(["prompt", "text", "thinking", "tool_use", "response", "compaction", "omitted"])),
    /** The turn (see `turns`) the entry belongs to. */
    turn: z.optional(z.number()),
    /** The text was cut to the trace limit (head and tail kept). */
    truncated: z.optional(z.boolean()),
    /** A thinking block whose text the transcript did not keep (only its signature). */
    redacted: z.optional(z.boolean()),
    tool_use_id: z.optional(z.string()),
    /** The timeline event (record id) of a tool_use; null when Warden recorded no such call. */
    event_id: z.optional(z.nullable(z.number())),
    /** A response's de-duplicated usage and its cost (null when its model has no price). */
    tokens: z.optional(tokenSumSchema()),
    cost_usd: z.optional(z.nullable(z.number())),
    /** A compaction's trigger (auto, manual) and the context size before it. */
    trigger: z.optional(z.nullable(z.string())),
    pre_tokens: z.optional(z.nullable(z.number())),
    omitted: z.optional(z.number()),
  }),
);

/**
 * A prompt and everything until the next one: the main thread's responses, the subagents'
 * responses made meanwhile, the tool calls. Turn 0 holds what came before the first prompt.
 * Every response of the transcript is in exactly one turn, so the turns' costs add up to the
 * session's (in whole picodollars, the unit costs are computed in).
 */
export const reportTurnSchema = lazySchema(() =>
  z.object({
    index: z.number(),
    prompt_id: z.nullable(z.string()),
    /** The prompt's start, on one line; the whole text is in `conversation`. */
    prompt: z.nullable(z.string()),
    started_at: z.nullable(z.string()),
    /** The last thing the turn did: a transcript line or the end of a tool call. */
    ended_at: z.nullable(z.string()),
    duration_ms: z.nullable(z.number()),
    /** API responses of the main thread, and of subagents. */
    responses: z.number(),
    subagent_responses: z.number(),
    tokens: tokenSumSchema(),
    /** Null when a model's price is unknown (named in unpriced_models). */
    cost_usd: z.nullable(z.number()),
    unpriced_models: z.array(z.string()),
    models: z.array(z.string()),
    subagents: z.array(
      z.object({ agent_id: z.string(), agent_type: z.nullable(z.string()), responses: z.number(), cost_usd: z.nullable(z.number()) }),
    ),
    /** Tool calls by name, and their verdicts; `event_ids` are the timeline's record ids. */
    tools: z.record(z.string(), z.number()),
    verdicts: verdictCountsSchema(),
    event_ids: z.array(z.number()),
    compactions: z.number(),
  }),
);

export const modelUsageSchema = lazySchema(() => z.object({ ...tokenFields(), api_calls: z.number(), cost_usd: z.nullable(z.number()) }));

export const reportModelSchema = lazySchema(() =>
  z.object({
    report_version: z.literal(2),
    generated_at: z.string(),
    session: z.object({
      session_id: z.string(),
      project_dir: z.nullable(z.string()),
      cwd: z.nullable(z.string()),
      git_branch: z.nullable(z.string()),
      git_commit: z.nullable(z.string()),
      started_at: z.nullable(z.string()),
      ended_at: z.nullable(z.string()),
      duration_ms: z.nullable(z.number()),
      end_reason: z.nullable(z.string()),
      finalized_by: z.nullable(z.string()),
      health: z.enum(["clean", "warned", "blocked"]),
      transcript_path: z.nullable(z.string()),
      warden_version: z.nullable(z.string()),
    }),
    /** Per model id, totals over the main thread and every subagent. */
    models: z.record(z.string(), modelUsageSchema()),
    /** Null when any model's price is unknown: never a guess. */
    cost_usd: z.nullable(z.number()),
    notes: z.array(z.string()),
    counts: z.object({
      events: z.number(),
      prompts: z.number(),
      prompts_warned: z.number(),
      stops: z.number(),
      subagent_stops: z.number(),
      compactions: z.number(),
      resumes: z.number(),
      skipped_lines: z.number(),
      transcript_skipped_lines: z.number(),
      /** Commits the session made, amended ones included. Absent in reports written before Warden kept them. */
      // oxlint-disable-next-line no-underscore-dangle
      commits: z._default(z.number(), 0),
    }),
    /** Verdicts of tool calls; warned prompts are counted in counts.prompts_warned. */
    verdicts: z.object({ allowed: z.number(), warned: z.number(), blocked: z.number() }),
    outcomes: z.object({ completed: z.number(), failed: z.number(), blocked: z.number(), no_result: z.number() }),
    tools: z.array(
      z.object({
        tool_name: z.string(),
        count: z.number(),
        total_ms: z.number(),
        failed: z.number(),
        warned: z.number(),
        blocked: z.number(),
      }),
    ),
    rules_matched: z.record(z.string(), z.number()),
    /** Prompts the scanner warned about, with what it found (prompts are never blocked). Absent in reports of Warden 0.1.0's first builds. */
    // zod/mini spells `.default()` as `_default` (default is a reserved word for a function name).
    // oxlint-disable-next-line no-underscore-dangle
    flagged_prompts: z._default(
      z.array(
        z.object({ prompt_id: z.nullable(z.string()), timestamp: z.string(), prompt: z.string(), findings: z.array(findingSchema()) }),
      ),
      [],
    ),
    events: z.array(toolEventRecordSchema()),
    /** Bounded: a long conversation keeps its start and end around an `omitted` entry. */
    conversation: z.array(conversationEntrySchema()),
    /** Absent in reports written before Warden kept turns. */
    // oxlint-disable-next-line no-underscore-dangle
    turns: z._default(z.array(reportTurnSchema()), []),
    /** Where Claude Code compacted the context (compact_boundary lines). */
    // oxlint-disable-next-line no-underscore-dangle
    compactions: z._default(
      z.array(
        z.object({
          timestamp: z.nullable(z.string()),
          trigger: z.nullable(z.string()),
          pre_tokens: z.nullable(z.number()),
          turn: z.number(),
        }),
      ),
      [],
    ),
    /**
     * When API responses began (their first transcript line), main thread and subagents, for the
     * time axis; the latest ones when there are more than it draws (`response_marks_omitted`).
     */
    // oxlint-disable-next-line no-underscore-dangle
    response_marks: z._default(z.array(z.object({ at: z.string(), agent_id: z.nullable(z.string()) })), []),
    // oxlint-disable-next-line no-underscore-dangle
    response_marks_omitted: z._default(z.number(), 0),
    subagents: z.array(
      z.object({
        agent_id: z.string(),
        agent_type: z.nullable(z.string()),
        tool_calls: z.number(),
        input_tokens: z.number(),
        output_tokens: z.number(),
        cost_usd: z.nullable(z.number()),
        /** The models it called, most output first. Absent in reports written before Warden kept them. */
        models: z.optional(z.array(z.string())),
      }),
    ),
    mcp_servers: z.array(z.object({ server: z.string(), tools: z.record(z.string(), z.number()) })),
    skills: z.array(z.object({ name: z.string(), count: z.number() })),
    files: z.object({ read: z.array(z.string()), written: z.array(z.string()), other: z.array(z.string()) }),
    /** In the order they were made. Absent in reports written before Warden kept them. */
    // oxlint-disable-next-line no-underscore-dangle
    commits: z._default(z.array(reportCommitSchema()), []),
  }),
);

export type ReportModel = z.infer<ReturnType<typeof reportModelSchema>>;
export type ReportCommit = z.infer<ReturnType<typeof reportCommitSchema>>;
export type ConversationEntry = z.infer<ReturnType<typeof conversationEntrySchema>>;
export type ReportTurn = z.infer<ReturnType<typeof reportTurnSchema>>;
export type ModelUsageSummary = z.infer<ReturnType<typeof modelUsageSchema>>;
