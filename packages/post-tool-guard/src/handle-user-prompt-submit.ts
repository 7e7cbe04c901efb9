import { boundValue, promptSubject, recordForSession, type HookContext, type HookReply, type UserPromptSubmitPayload } from "@warden/core";
import { scanSubjects } from "./scan-subjects.js";

/** Records the prompt and scans it; a prompt is the user's own words, so it is never blocked. */
export async function handleUserPromptSubmit(payload: UserPromptSubmitPayload, ctx: HookContext): Promise<HookReply> {
  const scan = await scanSubjects(ctx, [promptSubject(payload.prompt)]);
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
