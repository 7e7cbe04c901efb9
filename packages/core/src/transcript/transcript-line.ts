import * as z from "zod/mini";

/**
 * The parts of Claude Code 2.1.197 transcript lines Warden reads. Lenient like the hook payload
 * schemas: only what is used is described, everything optional that Claude Code may leave out,
 * unknown keys kept.
 */

const count = z.nullish(z.number());
const text = z.nullish(z.string());
const flag = z.nullish(z.boolean());

const usageShape = {
  input_tokens: count,
  output_tokens: count,
  cache_creation_input_tokens: count,
  cache_read_input_tokens: count,
  cache_creation: z.nullish(z.looseObject({ ephemeral_5m_input_tokens: count, ephemeral_1h_input_tokens: count })),
  server_tool_use: z.nullish(z.looseObject({ web_search_requests: count })),
  speed: text,
};

export const UsageSchema = z.looseObject({ ...usageShape, iterations: z.nullish(z.array(z.unknown())) });
export type Usage = z.infer<typeof UsageSchema>;

/** A `usage.iterations[]` entry; `advisor_message` ones are a second model's usage inside the response. */
export const UsageIterationSchema = z.looseObject({ ...usageShape, type: z.string(), model: text });

export const ContentBlockSchema = z.looseObject({
  type: z.string(),
  id: text,
  name: text,
  text: z.optional(z.unknown()),
  input: z.optional(z.unknown()),
});
export type ContentBlock = z.infer<typeof ContentBlockSchema>;

const envelope = {
  uuid: text,
  timestamp: text,
  sessionId: text,
  agentId: text,
  isSidechain: flag,
};

export const AssistantLineSchema = z.looseObject({
  ...envelope,
  type: z.literal("assistant"),
  requestId: text,
  message: z.looseObject({
    id: text,
    model: text,
    content: z.nullish(z.array(z.unknown())),
    usage: z.nullish(UsageSchema),
  }),
});
export type AssistantLine = z.infer<typeof AssistantLineSchema>;

export const UserLineSchema = z.looseObject({
  ...envelope,
  type: z.literal("user"),
  isMeta: flag,
  isCompactSummary: flag,
  isVisibleInTranscriptOnly: flag,
  message: z.looseObject({ content: z.unknown() }),
});
export type UserLine = z.infer<typeof UserLineSchema>;

/** `<session>/subagents/agent-<id>.meta.json`. */
export const AgentMetaSchema = z.looseObject({ agentType: text });

/** The model Claude Code puts on assistant lines it makes up itself (errors, interruptions). */
export const SYNTHETIC_MODEL = "<synthetic>";

/** Line types Claude Code 2.1.197 writes; anything else is counted as unknown and skipped. */
export const KNOWN_LINE_TYPES: ReadonlySet<string> = new Set([
  "user",
  "assistant",
  "attachment",
  "system",
  "progress",
  "summary",
  "last-prompt",
  "queue-operation",
  "custom-title",
  "ai-title",
  "tag",
  "agent-name",
  "agent-color",
  "agent-setting",
  "mode",
  "permission-mode",
  "worktree-state",
  "pr-link",
  "file-history-snapshot",
  "attribution-snapshot",
  "content-replacement",
  "fork-context-ref",
  "relocated",
]);
