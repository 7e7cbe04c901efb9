import * as z from "zod/mini";
import { lazySchema } from "../../support/lazy-schema.js";

/**
 * One step of a session's conversation as the transcript shows it, in file order. The main
 * thread gives every kind; a subagent's files give only `response` entries, so its cost can be
 * placed in time. Plain JSON: the transcript cache persists these between report writes.
 */
export const traceEntrySchema = lazySchema(() => {
  const at = {
    timestamp: z.nullable(z.string()),
    /** The transcript line's uuid; null when it has none. */
    uuid: z.nullable(z.string()),
  };
  const text = {
    text: z.string(),
    /** True when `text` was cut to the trace limit (head and tail kept around a marker). */
    truncated: z.boolean(),
  };
  return z.discriminatedUnion("kind", [
    /** A prompt as typed. `model` is always null; `prompt_id` joins it to Warden's prompt record. */
    z.object({ kind: z.literal("prompt"), ...at, ...text, model: z.null(), prompt_id: z.optional(z.nullable(z.string())) }),
    /** A text block of an answer. */
    z.object({ kind: z.literal("assistant_text"), ...at, ...text, model: z.nullable(z.string()) }),
    /** A thinking block; `redacted` when the transcript kept only its signature (empty text) or a `redacted_thinking` block. */
    z.object({ kind: z.literal("thinking"), ...at, ...text, model: z.nullable(z.string()), redacted: z.boolean() }),
    /** A tool call of the main thread: the id joins it to Warden's event of the call. */
    z.object({ kind: z.literal("tool_use"), ...at, tool_use_id: z.string(), name: z.string() }),
    /**
     * The first line of an API response (later lines of the same response, and copies of it, give
     * none); its de-duplicated usage is `state.responses[key]`, plus `key#advisor-<n>` entries.
     */
    z.object({ kind: z.literal("response"), ...at, key: z.string(), model: z.string(), agent_id: z.nullable(z.string()) }),
    /** A `compact_boundary` system line: the context was summarised here. */
    z.object({ kind: z.literal("compaction"), ...at, trigger: z.nullable(z.string()), pre_tokens: z.nullable(z.number()) }),
  ]);
});

export type TraceEntry = z.infer<ReturnType<typeof traceEntrySchema>>;
