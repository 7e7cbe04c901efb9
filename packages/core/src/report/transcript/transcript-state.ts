import * as z from "zod/mini";
import { lazySchema } from "../../support/lazy-schema.js";

/**
 * Everything a transcript reading has accumulated, as plain JSON: a caller persists it and hands
 * it back to `readTranscript` to continue from the byte offsets reached, so a long session is
 * never re-read from the start. De-duplication and totals carry over, so resuming gives the same
 * figures as one reading of the whole session.
 */

/** Built on first use (see lazy-schema.ts): most hook processes never validate a saved state. */
const schemas = lazySchema(() => {
  const counter = z.number().check(z.int(), z.nonnegative());

  const fileKind = z.enum(["main", "subagent", "legacy_agent"]);

  const fileProgress = z.object({
    kind: fileKind,
    /** The subagent a file belongs to; null for the main transcript. */
    agent_id: z.nullable(z.string()),
    /** Byte offset just past the last complete line read. */
    offset: counter,
    lines: counter,
    /** Lines that are not JSON (or not a JSON object); skipped. */
    corrupt_lines: counter,
    /** JSON lines of a known type without the shape Warden needs; skipped. */
    invalid_lines: counter,
    /** Lines of a type Claude Code 2.1.197 does not write; skipped. */
    unknown_type_lines: counter,
    /** Bytes after the last newline: a line still being written, or cut short. Read again next time. */
    pending_tail_bytes: counter,
  });

  /** One API response's usage as far as its lines have shown it (see usage-ledger.ts). */
  const responseUsage = z.object({
    model: z.string(),
    agent_id: z.nullable(z.string()),
    fast: z.boolean(),
    input_tokens: counter,
    output_tokens: counter,
    cache_creation_tokens: counter,
    cache_1h_tokens: counter,
    cache_read_tokens: counter,
    web_search_requests: counter,
  });

  const toolUse = z.object({
    name: z.string(),
    agent_id: z.nullable(z.string()),
    /** For the Skill tool: the skill invoked. */
    skill: z.optional(z.string()),
  });

  const transcriptState = z.object({
    version: z.literal(1),
    session_id: z.string(),
    /** Keyed by absolute file path. */
    files: z.record(z.string(), fileProgress),
    /** `agent-*.jsonl` files in the project folder that belong to other sessions. */
    foreign_files: z.array(z.string()),
    /** Keyed by `message.id:requestId` (see `responseKey`). */
    responses: z.record(z.string(), responseUsage),
    /** Keyed by tool_use id. */
    tool_uses: z.record(z.string(), toolUse),
    /** Every subagent seen, with its type from `agent-<id>.meta.json` when there is one. */
    agent_types: z.record(z.string(), z.nullable(z.string())),
  });

  return { fileKind, fileProgress, responseUsage, toolUse, transcriptState };
});

/** The schema of a persisted `TranscriptState`, built on first call. */
export const transcriptStateSchema = (): Schemas["transcriptState"] => schemas().transcriptState;

type Schemas = ReturnType<typeof schemas>;
export type FileKind = z.infer<Schemas["fileKind"]>;
export type FileProgress = z.infer<Schemas["fileProgress"]>;
export type ResponseUsage = z.infer<Schemas["responseUsage"]>;
export type ToolUse = z.infer<Schemas["toolUse"]>;
export type TranscriptState = z.infer<Schemas["transcriptState"]>;

export class TranscriptStateError extends Error {
  override name = "TranscriptStateError";
}

export function emptyTranscriptState(sessionId: string): TranscriptState {
  return { version: 1, session_id: sessionId, files: {}, foreign_files: [], responses: {}, tool_uses: {}, agent_types: {} };
}

/** Validates a persisted state (e.g. `JSON.parse` of what an earlier hook saved). */
export function parseTranscriptState(value: unknown): TranscriptState {
  const parsed = transcriptStateSchema().safeParse(value);
  if (parsed.success) return parsed.data;
  const received = JSON.stringify(value)?.slice(0, 200) ?? String(value);
  throw new TranscriptStateError(
    `transcript state is not one readTranscript wrote: ${z.prettifyError(parsed.error)}; expected the \`state\` of a TranscriptReading, received ${received}`,
    { cause: parsed.error },
  );
}
