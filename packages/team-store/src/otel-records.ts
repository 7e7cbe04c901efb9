import type { SessionRecord } from "@warden/core";
import { rowsOfRecords, type FindingRow, type Identity } from "./record-rows.js";

export type OtelSeverity = "INFO" | "WARN" | "ERROR";

/** One OpenTelemetry log record, before the SDK stamps it. */
export interface OtelLogRecord {
  readonly eventName: "warden.tool_decision" | "warden.prompt_flagged";
  readonly timestamp: string;
  readonly severity: OtelSeverity;
  readonly body: string;
  readonly attributes: Record<string, string | number | boolean | string[]>;
}

const SEVERITY_OF_VERDICT: Readonly<Record<string, OtelSeverity>> = { allowed: "INFO", warned: "WARN", blocked: "ERROR" };

/**
 * The log records a batch of one session's records becomes: one per tool event, one per prompt
 * the scanner flagged. Built from the team store's rows, so they are masked and cut the same way
 * (a collector is as shared as the database). `session.id` is the attribute Claude Code's own
 * telemetry carries, so a query can join the two.
 */
export function otelLogRecords(sessionId: string, batch: readonly SessionRecord[], identity: Identity, project: string): OtelLogRecord[] {
  const rows = rowsOfRecords(sessionId, batch, identity);
  const common = {
    "session.id": sessionId,
    "user.name": identity.user,
    "host.name": identity.machine,
    project: rows.session.project ?? project,
  };
  const findingsOf = groupFindings(rows.findings);
  const logs: OtelLogRecord[] = [];
  for (const event of rows.events) {
    const findings = findingsOf.get(event.record_id) ?? [];
    logs.push({
      eventName: "warden.tool_decision",
      timestamp: event.ended_at,
      severity: SEVERITY_OF_VERDICT[event.verdict] ?? "INFO",
      body: `${event.tool_name} ${event.verdict}${event.rules.length > 0 ? `: ${event.rules.join(", ")}` : ""}`,
      attributes: {
        ...common,
        "warden.record_key": `${sessionId}:${event.record_id}`,
        "tool.name": event.tool_name,
        "warden.verdict": event.verdict,
        ...(event.severity == null ? {} : { "warden.severity": event.severity }),
        "warden.rules": event.rules,
        "warden.outcome": event.outcome,
        duration_ms: event.duration_ms,
        ...(event.reason == null ? {} : { "warden.reason": event.reason }),
        "warden.tool_input": JSON.stringify(event.tool_input) ?? "null",
        ...findingAttributes(findings),
      },
    });
  }
  for (const prompt of rows.prompts) {
    const findings = findingsOf.get(prompt.record_id) ?? [];
    if (findings.length === 0) continue;
    logs.push({
      eventName: "warden.prompt_flagged",
      timestamp: prompt.submitted_at,
      severity: SEVERITY_OF_VERDICT[prompt.verdict] ?? "INFO",
      body: `prompt ${prompt.verdict}: ${[...new Set(findings.map((f) => f.rule))].join(", ")}`,
      // The prompt itself stays out, as Claude Code's telemetry leaves prompts out by default.
      attributes: {
        ...common,
        "warden.record_key": `${sessionId}:${prompt.record_id}`,
        "warden.verdict": prompt.verdict,
        ...findingAttributes(findings),
      },
    });
  }
  return logs.toSorted((a, b) => a.timestamp.localeCompare(b.timestamp));
}

function groupFindings(findings: readonly FindingRow[]): Map<number, FindingRow[]> {
  const byRecord = new Map<number, FindingRow[]>();
  for (const f of findings) byRecord.set(f.record_id, [...(byRecord.get(f.record_id) ?? []), f]);
  return byRecord;
}

/** Parallel arrays (OTLP attributes hold no list of objects): the i-th rule, severity and excerpt go together. */
function findingAttributes(findings: readonly FindingRow[]): Record<string, string[]> {
  if (findings.length === 0) return {};
  return {
    "warden.findings.rules": findings.map((f) => f.rule),
    "warden.findings.severities": findings.map((f) => f.severity),
    "warden.findings.excerpts": findings.map((f) => f.excerpt ?? ""),
  };
}
