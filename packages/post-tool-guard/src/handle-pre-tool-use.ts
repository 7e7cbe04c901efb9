import {
  bashWritesBefore,
  boundValue,
  gitBeforeCall,
  monotonicMs,
  recordForSession,
  replyThenRecord,
  toolEventDraft,
  type HookContext,
  type HookOutcome,
  type HookReply,
  type PreToolUsePayload,
} from "@warden/core";

/**
 * Asks the policy about the call before it runs. A denied call is recorded at once as a `blocked`
 * event (no PostToolUse will follow it); an allowed one leaves a pending note that PostToolUse
 * completes. Allowing says nothing, so Claude Code's own permission rules still apply. The
 * decision is printed before anything is recorded: a broken or full data directory loses the
 * record, never the deny.
 */
export function handlePreToolUse(payload: PreToolUsePayload, ctx: HookContext): HookOutcome {
  const started = monotonicMs();
  const decision = ctx.policy.decide({
    toolName: payload.tool_name,
    toolInput: payload.tool_input,
    cwd: payload.cwd,
    projectDir: ctx.projectDir,
    home: ctx.home,
    agentId: payload.agent_id,
  });
  const scanTimeMs = monotonicMs() - started;
  const now = ctx.now().toISOString();
  if (decision.decision === "deny") {
    const reply = preToolUseReply("deny", decision.reason ?? "Blocked by Warden's policy.");
    return replyThenRecord(reply, () => {
      recordForSession(
        ctx,
        payload,
        toolEventDraft(ctx, payload, {
          outcome: "blocked",
          timestampStart: now,
          timestampEnd: now,
          durationMs: 0,
          toolOutput: null,
          verdict: "blocked",
          severity: decision.severity,
          findings: decision.findings,
          reason: decision.reason,
          scanTimeMs,
        }),
      );
    });
  }
  const reply = decision.decision === "ask" ? preToolUseReply("ask", decision.reason ?? "Warden asks for confirmation.") : undefined;
  return replyThenRecord(reply, () => {
    if (payload.tool_use_id == null) return;
    // Before a command that may commit, where HEAD is: PostToolUse then knows which commits it made.
    const provenance = ctx.config.provenance.enabled;
    const gitBefore = provenance ? gitBeforeCall(payload.tool_name, payload.tool_input, payload.cwd) : undefined;
    const writtenBefore = provenance
      ? bashWritesBefore(payload.tool_name, payload.tool_input, {
          cwd: payload.cwd,
          projectDir: ctx.projectDir,
          home: ctx.home,
          wardenRoot: ctx.store.paths.root,
        })
      : undefined;
    ctx.store.savePendingCall(payload.session_id, {
      tool_use_id: payload.tool_use_id,
      tool_name: payload.tool_name,
      // Bounded like the event it becomes: the input is untrusted, of any size and depth.
      tool_input: boundValue(payload.tool_input ?? null, ctx.config.maxValueBytes, "tool_input").value,
      timestamp_start: now,
      working_dir: payload.cwd,
      ...(payload.agent_id ? { agent_id: payload.agent_id } : {}),
      ...(payload.agent_type ? { agent_type: payload.agent_type } : {}),
      ...(payload.prompt_id ? { prompt_id: payload.prompt_id } : {}),
      verdict: decision.verdict,
      severity: decision.severity,
      findings: [...decision.findings],
      ...(decision.reason ? { reason: decision.reason } : {}),
      scan_time_ms: scanTimeMs,
      ...(writtenBefore == null ? {} : { written_before: writtenBefore }),
      ...(gitBefore == null ? {} : { git_before: gitBefore }),
    });
  });
}

function preToolUseReply(decision: "deny" | "ask", reason: string): HookReply {
  return { hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: decision, permissionDecisionReason: reason } };
}
