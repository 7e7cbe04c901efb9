import {
  actionClasses,
  boundValue,
  promptSubject,
  recordForSession,
  replyThenRecord,
  type HookContext,
  type HookOutcome,
  type UserPromptSubmitPayload,
} from "@warden/core";
import { scanSubjects } from "./scan-subjects.js";

/**
 * Scans the prompt and records it; a prompt is the user's own words, so it is never blocked. The
 * warning to the model is printed before the prompt is recorded; so are the kinds of action it
 * asks for, which later tool outputs are weighed against.
 */
export async function handleUserPromptSubmit(payload: UserPromptSubmitPayload, ctx: HookContext): Promise<HookOutcome> {
  const scan = await scanSubjects(ctx, [promptSubject(payload.prompt)]);
  const reply = scan.note == null ? undefined : { hookSpecificOutput: { hookEventName: "UserPromptSubmit", additionalContext: scan.note } };
  return replyThenRecord(reply, () => {
    ctx.store.addAskedActions(payload.session_id, [...actionClasses(payload.prompt)]);
    const prompt = boundValue(payload.prompt, ctx.config.maxValueBytes, "prompt");
    recordForSession(ctx, payload, {
      type: "prompt",
      prompt_id: payload.prompt_id ?? null,
      prompt: prompt.value,
      verdict: scan.verdict,
      findings: [...scan.findings],
      ...(prompt.truncated.length > 0 ? { truncated: prompt.truncated } : {}),
    });
  });
}
