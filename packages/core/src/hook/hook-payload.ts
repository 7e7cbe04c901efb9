import * as z from "zod/mini";
import { lazySchema } from "../support/lazy-schema.js";
import { SESSION_ID_PATTERN } from "../store/warden-paths.js";

/**
 * Schemas of the stdin payloads Claude Code 2.1.197 sends to command hooks.
 * Lenient on purpose: only what Warden needs is required, unknown keys are kept.
 */

/** Session ids name files on disk, so anything that could escape the directory is refused. */
export const sessionIdSchema = lazySchema(() =>
  z.string().check(
    z.regex(SESSION_ID_PATTERN, "session_id must be a plain identifier (letters, digits, . _ -)"),
    z.refine((id) => !id.includes(".."), "session_id must not contain '..'"),
  ),
);

const baseFields = () => ({
  session_id: sessionIdSchema(),
  transcript_path: z.optional(z.string()),
  cwd: z.string(),
  prompt_id: z.optional(z.string()),
  permission_mode: z.optional(z.string()),
  agent_id: z.optional(z.string()),
  agent_type: z.optional(z.string()),
});

export const sessionStartPayloadSchema = lazySchema(() =>
  z.looseObject({
    ...baseFields(),
    hook_event_name: z.literal("SessionStart"),
    source: z.optional(z.string()),
    model: z.optional(z.string()),
  }),
);

export const userPromptSubmitPayloadSchema = lazySchema(() =>
  z.looseObject({
    ...baseFields(),
    hook_event_name: z.literal("UserPromptSubmit"),
    prompt: z.string(),
  }),
);

const toolFields = () => ({
  ...baseFields(),
  tool_name: z.string(),
  tool_input: z.optional(z.unknown()),
  tool_use_id: z.optional(z.string()),
});

export const preToolUsePayloadSchema = lazySchema(() =>
  z.looseObject({
    ...toolFields(),
    hook_event_name: z.literal("PreToolUse"),
  }),
);

export const postToolUsePayloadSchema = lazySchema(() =>
  z.looseObject({
    ...toolFields(),
    hook_event_name: z.literal("PostToolUse"),
    tool_response: z.optional(z.unknown()),
    duration_ms: z.optional(z.number()),
  }),
);

export const postToolUseFailurePayloadSchema = lazySchema(() =>
  z.looseObject({
    ...toolFields(),
    hook_event_name: z.literal("PostToolUseFailure"),
    error: z.optional(z.string()),
    is_interrupt: z.optional(z.boolean()),
    duration_ms: z.optional(z.number()),
  }),
);

export const stopPayloadSchema = lazySchema(() =>
  z.looseObject({
    ...baseFields(),
    hook_event_name: z.literal("Stop"),
    stop_hook_active: z.optional(z.boolean()),
    last_assistant_message: z.optional(z.string()),
  }),
);

export const subagentStopPayloadSchema = lazySchema(() =>
  z.looseObject({
    ...baseFields(),
    hook_event_name: z.literal("SubagentStop"),
    stop_hook_active: z.optional(z.boolean()),
    agent_transcript_path: z.optional(z.string()),
    last_assistant_message: z.optional(z.string()),
  }),
);

export const preCompactPayloadSchema = lazySchema(() =>
  z.looseObject({
    ...baseFields(),
    hook_event_name: z.literal("PreCompact"),
    trigger: z.optional(z.string()),
    custom_instructions: z.optional(z.nullable(z.string())),
  }),
);

export const sessionEndPayloadSchema = lazySchema(() =>
  z.looseObject({
    ...baseFields(),
    hook_event_name: z.literal("SessionEnd"),
    reason: z.optional(z.string()),
  }),
);

export const hookPayloadSchema = lazySchema(() =>
  z.discriminatedUnion("hook_event_name", [
    sessionStartPayloadSchema(),
    userPromptSubmitPayloadSchema(),
    preToolUsePayloadSchema(),
    postToolUsePayloadSchema(),
    postToolUseFailurePayloadSchema(),
    stopPayloadSchema(),
    subagentStopPayloadSchema(),
    preCompactPayloadSchema(),
    sessionEndPayloadSchema(),
  ]),
);

export type SessionStartPayload = z.infer<ReturnType<typeof sessionStartPayloadSchema>>;
export type UserPromptSubmitPayload = z.infer<ReturnType<typeof userPromptSubmitPayloadSchema>>;
export type PreToolUsePayload = z.infer<ReturnType<typeof preToolUsePayloadSchema>>;
export type PostToolUsePayload = z.infer<ReturnType<typeof postToolUsePayloadSchema>>;
export type PostToolUseFailurePayload = z.infer<ReturnType<typeof postToolUseFailurePayloadSchema>>;
export type StopPayload = z.infer<ReturnType<typeof stopPayloadSchema>>;
export type SubagentStopPayload = z.infer<ReturnType<typeof subagentStopPayloadSchema>>;
export type PreCompactPayload = z.infer<ReturnType<typeof preCompactPayloadSchema>>;
export type SessionEndPayload = z.infer<ReturnType<typeof sessionEndPayloadSchema>>;
export type HookPayload = z.infer<ReturnType<typeof hookPayloadSchema>>;
export type HookEventName = HookPayload["hook_event_name"];

/** Each event's own schema, so a hook process builds only the one its payload needs. */
export const PAYLOAD_SCHEMAS = {
  SessionStart: sessionStartPayloadSchema,
  UserPromptSubmit: userPromptSubmitPayloadSchema,
  PreToolUse: preToolUsePayloadSchema,
  PostToolUse: postToolUsePayloadSchema,
  PostToolUseFailure: postToolUseFailurePayloadSchema,
  Stop: stopPayloadSchema,
  SubagentStop: subagentStopPayloadSchema,
  PreCompact: preCompactPayloadSchema,
  SessionEnd: sessionEndPayloadSchema,
} as const satisfies Record<HookEventName, () => z.ZodMiniType>;
export type ToolPayload = PreToolUsePayload | PostToolUsePayload | PostToolUseFailurePayload;

export function isHookEventName(value: unknown): value is HookEventName {
  return typeof value === "string" && Object.hasOwn(PAYLOAD_SCHEMAS, value);
}
