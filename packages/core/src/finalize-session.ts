import type { HookContext } from "./hook-context.js";
import type { PendingCall } from "./pending-call.js";
import type { EndRecord, RecordDraft } from "./session-record.js";
import { summarizeSession, type SessionSummary } from "./session-summary.js";
import { toolEventDraft } from "./tool-event.js";

export interface SessionReport extends SessionSummary {
  readonly report_version: 1;
  readonly ended_at: string;
  readonly end_reason: string;
  readonly duration_ms: number | null;
  readonly finalized_by: EndRecord["finalized_by"];
  readonly skipped_lines: number;
  readonly generated_at: string;
}

export interface FinalizeRequest {
  readonly sessionId: string;
  readonly reason: string;
  readonly finalizedBy: EndRecord["finalized_by"];
}

/**
 * Closes a session: calls that never reported back become `no_result` events, the JSON report is
 * written, then the `end` record and the registry's `end` line. Safe to run again (a resumed
 * session is finalized at each of its ends).
 */
export function finalizeSession(ctx: HookContext, request: FinalizeRequest): SessionReport {
  const { store } = ctx;
  const endedAt = ctx.now().toISOString();
  const unfinished = store.takeAllPendingCalls(request.sessionId);
  for (const call of unfinished) store.append(request.sessionId, unfinishedEventDraft(ctx, call, endedAt));
  const log = store.readSession(request.sessionId);
  const summary = summarizeSession(request.sessionId, log.records);
  const report: SessionReport = {
    report_version: 1,
    ...summary,
    ended_at: endedAt,
    end_reason: request.reason,
    duration_ms: summary.started_at ? Date.parse(endedAt) - Date.parse(summary.started_at) : null,
    finalized_by: request.finalizedBy,
    skipped_lines: log.skippedLines,
    generated_at: endedAt,
  };
  const reportFile = store.writeReport(request.sessionId, "json", `${JSON.stringify(report, null, 2)}\n`);
  store.append(request.sessionId, {
    type: "end",
    reason: request.reason,
    ended_at: endedAt,
    finalized_by: request.finalizedBy,
    unfinished_calls: unfinished.length,
    report_paths: [reportFile],
  } satisfies RecordDraft<EndRecord>);
  store.appendRegistry({
    type: "end",
    session_id: request.sessionId,
    ended_at: endedAt,
    reason: request.reason,
    counts: registryCounts(report, unfinished.length),
    report_paths: [reportFile],
  });
  return report;
}

function registryCounts(report: SessionReport, unfinished: number): Record<string, number> {
  return {
    events: report.counts.events,
    prompts: report.counts.prompts,
    allowed: report.verdicts.allowed,
    warned: report.verdicts.warned,
    blocked: report.verdicts.blocked,
    unfinished_calls: unfinished,
  };
}

function unfinishedEventDraft(ctx: HookContext, call: PendingCall, endedAt: string) {
  return toolEventDraft(
    ctx,
    { tool_name: call.tool_name, tool_input: call.tool_input, tool_use_id: call.tool_use_id, cwd: call.working_dir, agent_id: call.agent_id, agent_type: call.agent_type, prompt_id: call.prompt_id },
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
