import {
  finalizeSession,
  initDraftFor,
  recordForSession,
  type HookContext,
  type HookReply,
  type SessionEndPayload,
  type StopPayload,
  type SubagentStopPayload,
  startSessionEndSync,
} from "@warden/core";

export function handleStop(payload: StopPayload, ctx: HookContext): HookReply {
  recordForSession(ctx, payload, {
    type: "stop",
    last_assistant_message: payload.last_assistant_message ?? null,
    stop_hook_active: payload.stop_hook_active ?? false,
  });
  return undefined;
}

export function handleSubagentStop(payload: SubagentStopPayload, ctx: HookContext): HookReply {
  recordForSession(ctx, payload, {
    type: "subagent_stop",
    agent_id: payload.agent_id ?? null,
    agent_type: payload.agent_type ?? null,
    agent_transcript_path: payload.agent_transcript_path ?? null,
    last_assistant_message: payload.last_assistant_message ?? null,
  });
  return undefined;
}

/** Claude Code gives all SessionEnd hooks 1.5 s together: finalizing reads only Warden's own file. */
export async function handleSessionEnd(payload: SessionEndPayload, ctx: HookContext): Promise<HookReply> {
  // A session whose earlier hooks all failed still gets a file, so its end is on record.
  ctx.store.appendWith(payload.session_id, (lastId) => (lastId === 0 ? [initDraftFor(ctx, payload)] : []));
  await finalizeSession(ctx, { sessionId: payload.session_id, reason: payload.reason ?? "other", finalizedBy: "session_end" });
  startSessionEndSync(ctx);
  return undefined;
}
