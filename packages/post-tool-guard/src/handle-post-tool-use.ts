import {
  completedTiming,
  extractScanSubjects,
  maxSeverity,
  maxVerdict,
  recordForSession,
  recordProvenance,
  replyThenRecord,
  toolEventDraft,
  type ActionClass,
  type HookContext,
  type HookOutcome,
  type PostToolUseFailurePayload,
  type PostToolUsePayload,
} from "@warden/core";
import { scanSubjects } from "./scan-subjects.js";

/**
 * Completes the call's event with its result and the scanner's view of what the model will read.
 * The warning to the model is printed before anything is recorded.
 */
export function handlePostToolUse(payload: PostToolUsePayload, ctx: HookContext): Promise<HookOutcome> {
  return recordCompletedCall(payload, ctx, payload.tool_response, undefined);
}

/** A failed call (a Bash command's non-zero exit among them) is recorded with its error text. */
export function handlePostToolUseFailure(payload: PostToolUseFailurePayload, ctx: HookContext): Promise<HookOutcome> {
  return recordCompletedCall(payload, ctx, null, payload.error ?? "");
}

async function recordCompletedCall(
  payload: PostToolUsePayload | PostToolUseFailurePayload,
  ctx: HookContext,
  toolOutput: unknown,
  error: string | undefined,
): Promise<HookOutcome> {
  const end = ctx.now();
  const askedActions = readAskedActions(ctx, payload.session_id);
  const subjects = extractScanSubjects(payload.tool_name, payload.tool_input, error ?? toolOutput).map((s) =>
    askedActions == null ? s : { ...s, askedActions },
  );
  const scan = await scanSubjects(ctx, subjects);
  const failure = payload.hook_event_name === "PostToolUseFailure" ? payload : undefined;
  const reply =
    scan.note == null ? undefined : { hookSpecificOutput: { hookEventName: payload.hook_event_name, additionalContext: scan.note } };
  return replyThenRecord(reply, async () => {
    const pending = payload.tool_use_id ? ctx.store.readPendingCall(payload.session_id, payload.tool_use_id) : undefined;
    recordForSession(
      ctx,
      payload,
      toolEventDraft(ctx, payload, {
        outcome: error == null ? "completed" : "failed",
        ...completedTiming(pending, payload, end),
        toolOutput,
        error,
        interrupted: failure?.is_interrupt,
        verdict: maxVerdict(pending?.verdict ?? "allowed", scan.verdict),
        severity: maxSeverity(pending?.severity ?? null, scan.severity),
        findings: [...(pending?.findings ?? []), ...scan.findings],
        reason: pending?.reason,
        scanTimeMs: (pending?.scan_time_ms ?? 0) + scan.scanTimeMs,
      }),
    );
    await recordProvenance(ctx, payload, pending);
    if (payload.tool_use_id) ctx.store.removePendingCall(payload.session_id, payload.tool_use_id);
  });
}

/** What the user asked for sharpens the scan; a file that cannot be read only loses that. */
function readAskedActions(ctx: HookContext, sessionId: string): readonly ActionClass[] | undefined {
  try {
    return ctx.store.readAskedActions(sessionId);
  } catch {
    return undefined;
  }
}
