import * as z from "zod/mini";

/**
 * Schemas of the stdin payloads Claude Code 2.1.197 sends to command hooks.
 * Lenient on purpose: only what Warden needs is required, unknown keys are kept.
 */

/** Session ids name files on disk, so anything that could escape the directory is refused. */
export const SessionIdSchema = z.string().check(
  z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, "session_id must be a plain identifier (letters, digits, . _ -)"),
  z.refine((id) => !id.includes(".."), "session_id must not contain '..'"),
);

const base = {
  session_id: SessionIdSchema,
  transcript_path: z.optional(z.string()),
  cwd: z.string(),
  prompt_id: z.optional(z.string()),
  permission_mode: z.optional(z.string()),
  agent_id: z.optional(z.string()),
  agent_type: z.optional(z.string()),
};

export const SessionStartPayloadSchema = z.looseObject({
  ...base,
  hook_event_name: z.literal("SessionStart"),
  source: z.optional(z.string()),
  model: z.optional(z.string()),
});

export const UserPromptSubmitPayloadSchema = z.looseObject({
  ...base,
  hook_event_name: z.literal("UserPromptSubmit"),
  prompt: z.string(),
});

const toolBase = {
  ...base,
  tool_name: z.string(),
  tool_input: z.optional(z.unknown()),
  tool_use_id: z.optional(z.string()),
};

export const PreToolUsePayloadSchema = z.looseObject({
  ...toolBase,
  hook_event_name: z.literal("PreToolUse"),
});

export const PostToolUsePayloadSchema = z.looseObject({
  ...toolBase,
  hook_event_name: z.literal("PostToolUse"),
  tool_response: z.optional(z.unknown()),
  duration_ms: z.optional(z.number()),
});

export const PostToolUseFailurePayloadSchema = z.looseObject({
  ...toolBase,
  hook_event_name: z.literal("PostToolUseFailure"),
  error: z.optional(z.string()),
  is_interrupt: z.optional(z.boolean()),
  duration_ms: z.optional(z.number()),
});

export const StopPayloadSchema = z.looseObject({
  ...base,
  hook_event_name: z.literal("Stop"),
  stop_hook_active: z.optional(z.boolean()),
  last_assistant_message: z.optional(z.string()),
});

export const SubagentStopPayloadSchema = z.looseObject({
  ...base,
  hook_event_name: z.literal("SubagentStop"),
  stop_hook_active: z.optional(z.boolean()),
  agent_transcript_path: z.optional(z.string()),
  last_assistant_message: z.optional(z.string()),
});

export const PreCompactPayloadSchema = z.looseObject({
  ...base,
  hook_event_name: z.literal("PreCompact"),
  trigger: z.optional(z.string()),
  custom_instructions: z.optional(z.nullable(z.string())),
});

export const SessionEndPayloadSchema = z.looseObject({
  ...base,
  hook_event_name: z.literal("SessionEnd"),
  reason: z.optional(z.string()),
});

export const HookPayloadSchema = z.discriminatedUnion("hook_event_name", [
  SessionStartPayloadSchema,
  UserPromptSubmitPayloadSchema,
  PreToolUsePayloadSchema,
  PostToolUsePayloadSchema,
  PostToolUseFailurePayloadSchema,
  StopPayloadSchema,
  SubagentStopPayloadSchema,
  PreCompactPayloadSchema,
  SessionEndPayloadSchema,
]);

export type SessionStartPayload = z.infer<typeof SessionStartPayloadSchema>;
export type UserPromptSubmitPayload = z.infer<typeof UserPromptSubmitPayloadSchema>;
export type PreToolUsePayload = z.infer<typeof PreToolUsePayloadSchema>;
export type PostToolUsePayload = z.infer<typeof PostToolUsePayloadSchema>;
export type PostToolUseFailurePayload = z.infer<typeof PostToolUseFailurePayloadSchema>;
export type StopPayload = z.infer<typeof StopPayloadSchema>;
export type SubagentStopPayload = z.infer<typeof SubagentStopPayloadSchema>;
export type PreCompactPayload = z.infer<typeof PreCompactPayloadSchema>;
export type SessionEndPayload = z.infer<typeof SessionEndPayloadSchema>;
export type HookPayload = z.infer<typeof HookPayloadSchema>;
export type HookEventName = HookPayload["hook_event_name"];
export type ToolPayload = PreToolUsePayload | PostToolUsePayload | PostToolUseFailurePayload;
