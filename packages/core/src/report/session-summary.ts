import type { SessionRecord, ToolEventRecord } from "../store/session-record.js";
import type { Verdict } from "../verdict.js";

/** What a finished session amounts to, computed from its records alone. */
export interface SessionSummary {
  readonly session_id: string;
  readonly started_at: string | null;
  readonly cwd: string | null;
  readonly transcript_path: string | null;
  readonly git: { branch: string | null; commit: string | null } | null;
  readonly counts: {
    readonly records: number;
    readonly events: number;
    readonly prompts: number;
    /** Prompts the scanner warned about; `verdicts` counts tool calls only. */
    readonly prompts_warned: number;
    readonly stops: number;
    readonly subagent_stops: number;
    readonly compactions: number;
    readonly resumes: number;
    /** Commits the session made (checkpoint records), amended ones included. */
    readonly commits: number;
  };
  readonly verdicts: Record<Verdict, number>;
  readonly outcomes: Record<ToolEventRecord["outcome"], number>;
  readonly rules_matched: Record<string, number>;
}

export function summarizeSession(sessionId: string, records: readonly SessionRecord[]): SessionSummary {
  const verdicts: Record<Verdict, number> = { allowed: 0, warned: 0, blocked: 0 };
  const outcomes: Record<ToolEventRecord["outcome"], number> = { completed: 0, failed: 0, blocked: 0, no_result: 0 };
  const rules: Record<string, number> = {};
  const counts = {
    records: records.length,
    events: 0,
    prompts: 0,
    prompts_warned: 0,
    stops: 0,
    subagent_stops: 0,
    compactions: 0,
    resumes: 0,
    commits: 0,
  };
  const init = records.find((r) => r.type === "init");
  for (const record of records) {
    switch (record.type) {
      case "event":
        counts.events++;
        verdicts[record.verdict]++;
        outcomes[record.outcome]++;
        for (const rule of record.rules_matched) rules[rule] = (rules[rule] ?? 0) + 1;
        break;
      case "prompt":
        counts.prompts++;
        if (record.verdict === "warned") counts.prompts_warned++;
        for (const finding of record.findings) rules[finding.rule] = (rules[finding.rule] ?? 0) + 1;
        break;
      case "stop":
        counts.stops++;
        break;
      case "subagent_stop":
        counts.subagent_stops++;
        break;
      case "compact":
        counts.compactions++;
        break;
      case "resume":
        counts.resumes++;
        break;
      case "checkpoint":
        counts.commits++;
        break;
      case "init":
      case "end":
        break;
      default:
        record satisfies never;
    }
  }
  return {
    session_id: sessionId,
    started_at: init?.timestamp ?? records[0]?.timestamp ?? null,
    cwd: init?.cwd ?? null,
    transcript_path: init?.transcript_path ?? null,
    git: init?.git ?? null,
    counts,
    verdicts,
    outcomes,
    rules_matched: rules,
  };
}
