import * as z from "zod/mini";
import { lazySchema } from "../../support/lazy-schema.js";

/**
 * The parts of Claude Code 2.1.197 transcript lines Warden reads. Lenient like the hook payload
 * schemas: only what is used is described, everything optional that Claude Code may leave out,
 * unknown keys kept.
 */

/** Built on first use (see lazy-schema.ts): most hook processes never read a transcript. */
export const transcriptLineSchemas = lazySchema(() => {
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

  const usage = z.looseObject({ ...usageShape, iterations: z.nullish(z.array(z.unknown())) });

  const envelope = {
    uuid: text,
    timestamp: text,
    sessionId: text,
    cwd: text,
    agentId: text,
    isSidechain: flag,
  };

  return {
    usage,
    /** A `usage.iterations[]` entry; `advisor_message` ones are a second model's usage inside the response. */
    usageIteration: z.looseObject({ ...usageShape, type: z.string(), model: text }),
    contentBlock: z.looseObject({
      type: z.string(),
      id: text,
      name: text,
      text: z.optional(z.unknown()),
      /** Of a `thinking` block; empty when Claude Code kept only the signature. */
      thinking: z.optional(z.unknown()),
      input: z.optional(z.unknown()),
    }),
    /** The `input` of a `Skill` tool_use block. */
    skillInput: z.looseObject({ skill: z.string() }),
    assistantLine: z.looseObject({
      ...envelope,
      type: z.literal("assistant"),
      requestId: text,
      message: z.looseObject({
        id: text,
        model: text,
        content: z.nullish(z.array(z.unknown())),
        usage: z.nullish(usage),
      }),
    }),
    userLine: z.looseObject({
      ...envelope,
      type: z.literal("user"),
      promptId: text,
      isMeta: flag,
      isCompactSummary: flag,
      isVisibleInTranscriptOnly: flag,
      message: z.looseObject({ content: z.unknown() }),
    }),
    /** A `system` line; `compact_boundary` ones carry `compactMetadata`. */
    systemLine: z.looseObject({
      ...envelope,
      type: z.literal("system"),
      subtype: text,
      compactMetadata: z.nullish(z.looseObject({ trigger: text, preTokens: count })),
    }),
    /** `<session>/subagents/agent-<id>.meta.json`. */
    agentMeta: z.looseObject({ agentType: text }),
  };
});

type Schemas = ReturnType<typeof transcriptLineSchemas>;
export type Usage = z.infer<Schemas["usage"]>;
export type ContentBlock = z.infer<Schemas["contentBlock"]>;
export type AssistantLine = z.infer<Schemas["assistantLine"]>;
export type UserLine = z.infer<Schemas["userLine"]>;
export type SystemLine = z.infer<Schemas["systemLine"]>;

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
