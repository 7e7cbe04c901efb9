import type { HookContext } from "./hook-context.js";
import type { PendingCall } from "../store/pending-call.js";
import type { ReportModel } from "../report/report-model.js";
import type { EndRecord, RecordDraft } from "../store/session-record.js";
import { reportFiles, writeReportsUnchecked } from "../report/write-reports.js";
import { reportRefusal, type SessionTooLargeError } from "../report/report-size.js";
import { toolEventDraft } from "./tool-event.js";
import { loadPriceTableOrRefuse } from "../report/pricing/index.js";

export interface FinalizeRequest {
  readonly sessionId: string;
  readonly reason: string;
  readonly finalizedBy: EndRecord["finalized_by"];
  /** The largest session a report is built from; MAX_REPORTED_SESSION_BYTES unless a test sets it. */
  readonly maxSessionBytes?: number;
}

export interface FinalizeOutcome {
  /** The reports written, as the end record names them; empty when there is no report. */
  readonly reportPaths: string[];
  /** The report's data; absent when the session was too large to report. */
  readonly model?: ReportModel;
  /** Why the session got no report; its end record says the same in `report_skipped`. */
  readonly reportSkipped?: SessionTooLargeError;
}

/**
 * Closes a session: calls that never reported back become `no_result` events, the `end` record
 * is appended, the reports are written from the records and the transcript, and the registry
 * gets its `end` line. Safe to run again: a resumed session is finalized at each of its ends.
 * A session too large to report is still closed; its end record says why it has no report.
 */
export async function finalizeSession(ctx: HookContext, request: FinalizeRequest): Promise<FinalizeOutcome> {
  const { store } = ctx;
  const endedAt = ctx.now().toISOString();
  const unfinished = store.takeAllPendingCalls(request.sessionId);
  for (const call of unfinished) store.append(request.sessionId, unfinishedEventDraft(ctx, call, endedAt));
  const refusal = reportRefusal(store, request.sessionId, request.maxSessionBytes);
  const reportPaths = refusal ? [] : reportFiles(store, request.sessionId);
  store.append(request.sessionId, {
    type: "end",
    reason: request.reason,
    ended_at: endedAt,
    finalized_by: request.finalizedBy,
    unfinished_calls: unfinished.length,
    report_paths: reportPaths,
    ...(refusal ? { report_skipped: refusal.message } : {}),
  } satisfies RecordDraft<EndRecord>);
  // Unchecked: the size was measured before the end record, which must not turn a session its end
  // record promised reports into one without them.
  const model = refusal
    ? undefined
    : await writeReportsUnchecked(store, request.sessionId, ctx.now(), reportPrices(ctx, request.sessionId));
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
  return { reportPaths, ...(model ? { model } : {}), ...(refusal ? { reportSkipped: refusal } : {}) };
}

/**
 * The user's price file, as `warden report` and `warden cost` use it; a broken one leaves the
 * models unpriced (the report says why, errors.jsonl too) rather than priced without it.
 */
function reportPrices(ctx: HookContext, sessionId: string) {
  return loadPriceTableOrRefuse({ env: ctx.env, cwd: ctx.projectDir, pricing: ctx.config.pricing }, (message) =>
    ctx.store.appendError({ hook: "pricing", session_id: sessionId, message }),
  );
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
