import { boundValue, recordForSession, type HookContext, type HookReply, type UserPromptSubmitPayload } from "@warden/core";

/** Records the prompt and scans it; a prompt is the user's own words, so it is never blocked. */
export function handleUserPromptSubmit(payload: UserPromptSubmitPayload, ctx: HookContext): HookReply {
  const scan = ctx.scanner.scan([{ kind: "prompt", text: payload.prompt }]);
  const prompt = boundValue(payload.prompt, ctx.config.maxValueBytes, "prompt");
  recordForSession(ctx, payload, {
    type: "prompt",
    prompt_id: payload.prompt_id ?? null,
    prompt: prompt.value,
    verdict: scan.verdict,
    findings: [...scan.findings],
    ...(prompt.truncated.length > 0 ? { truncated: prompt.truncated } : {}),
  });
  if (scan.note == null) return undefined;
  return { hookSpecificOutput: { hookEventName: "UserPromptSubmit", additionalContext: scan.note } };
}
