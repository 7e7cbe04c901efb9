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
 * The largest session file a report is built from. Reports hold every event in memory; beyond
 * this the session keeps its records, and its end record says why it has no report.
 */
export const MAX_REPORTED_SESSION_BYTES = 256 * 1024 * 1024;

/**
 * Closes a session: calls that never reported back become `no_result` events, the `end` record
 * is appended, the reports are written from the records and the transcript, and the registry
 * gets its `end` line. Safe to run again: a resumed session is finalized at each of its ends.
 * Returns the report's data; undefined for a session too large to report.
 */
export async function finalizeSession(ctx: HookContext, request: FinalizeRequest): Promise<ReportModel | undefined> {
  const { store } = ctx;
  const endedAt = ctx.now().toISOString();
  const unfinished = store.takeAllPendingCalls(request.sessionId);
  for (const call of unfinished) store.append(request.sessionId, unfinishedEventDraft(ctx, call, endedAt));
  const bytes = store.sessionFileBytes(request.sessionId);
  const tooLarge = bytes > MAX_REPORTED_SESSION_BYTES;
  const reportPaths = tooLarge ? [] : reportFiles(store, request.sessionId);
  store.append(request.sessionId, {
    type: "end",
    reason: request.reason,
    ended_at: endedAt,
    finalized_by: request.finalizedBy,
    unfinished_calls: unfinished.length,
    report_paths: reportPaths,
    ...(tooLarge
      ? {
          report_skipped: `the session file is ${bytes} bytes, more than the ${MAX_REPORTED_SESSION_BYTES} a report is built from; its records are complete`,
        }
      : {}),
  } satisfies RecordDraft<EndRecord>);
  const model = tooLarge ? undefined : await writeSessionReports(store, request.sessionId, ctx.now());
  const reported: Record<string, number> =
    model == null
      ? {}
      : {
          events: model.counts.events,
          prompts: model.counts.prompts,
          allowed: model.verdicts.allowed,
          warned: model.verdicts.warned,
          blocked: model.verdicts.blocked,
        };
  store.appendRegistry({
    type: "end",
    session_id: request.sessionId,
    ended_at: endedAt,
    reason: request.reason,
    counts: { ...reported, unfinished_calls: unfinished.length },
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
