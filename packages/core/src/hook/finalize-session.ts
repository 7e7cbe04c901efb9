import type { HookContext } from "./hook-context.js";
import type { PendingCall } from "../store/pending-call.js";
import type { ReportModel } from "../report/report-model.js";
import type { EndRecord, RecordDraft } from "../store/session-record.js";
import { reportFiles, writeSessionReports } from "../report/write-reports.js";
import { toolEventDraft } from "./tool-event.js";

export interface FinalizeRequest {
  readonly sessionId: string;
  readonly reason: string;
  readonly finalizedBy: EndRecord["finalized_by"];
}

/**
 * Closes a session: calls that never reported back become `no_result` events, the `end` record
 * is appended, the reports are written from the records and the transcript, and the registry
 * gets its `end` line. Safe to run again: a resumed session is finalized at each of its ends.
 */
export async function finalizeSession(ctx: HookContext, request: FinalizeRequest): Promise<ReportModel> {
  const { store } = ctx;
  const endedAt = ctx.now().toISOString();
  const unfinished = store.takeAllPendingCalls(request.sessionId);
  for (const call of unfinished) store.append(request.sessionId, unfinishedEventDraft(ctx, call, endedAt));
  const reportPaths = reportFiles(store, request.sessionId);
  store.append(request.sessionId, {
    type: "end",
    reason: request.reason,
    ended_at: endedAt,
    finalized_by: request.finalizedBy,
    unfinished_calls: unfinished.length,
    report_paths: reportPaths,
  } satisfies RecordDraft<EndRecord>);
  const model = await writeSessionReports(store, request.sessionId, ctx.now());
  store.appendRegistry({
    type: "end",
    session_id: request.sessionId,
    ended_at: endedAt,
    reason: request.reason,
    counts: {
      events: model.counts.events,
      prompts: model.counts.prompts,
      allowed: model.verdicts.allowed,
      warned: model.verdicts.warned,
      blocked: model.verdicts.blocked,
      unfinished_calls: unfinished.length,
    },
    report_paths: reportPaths,
  });
  return model;
}

function unfinishedEventDraft(ctx: HookContext, call: PendingCall, endedAt: string) {
  return toolEventDraft(
    ctx,
    {
      tool_name: call.tool_name,
      tool_input: call.tool_input,
      tool_use_id: call.tool_use_id,
      cwd: call.working_dir,
      agent_id: call.agent_id,
      agent_type: call.agent_type,
      prompt_id: call.prompt_id,
    },
    {
      outcome: "no_result",
      timestampStart: call.timestamp_start,
      timestampEnd: endedAt,
      durationMs: Math.max(0, Date.parse(endedAt) - Date.parse(call.timestamp_start)),
      toolOutput: null,
      error: "the call never reported a result (denied by a permission rule, interrupted, or Claude Code stopped)",
      verdict: call.verdict,
      severity: call.severity,
      findings: call.findings,
      reason: call.reason,
      scanTimeMs: call.scan_time_ms,
    },
  );
}
