import { reportRefusal, summarizeSession, type ReportModel, type SessionStore } from "@warden/core";
import { isCompressed, lastActivityMs, readReport } from "./session-files.js";

interface RowBase {
  readonly session_id: string;
  readonly started_at: string | null;
  readonly duration_ms: number | null;
  /** Null when unknown: no current report, or its transcript was not found. */
  readonly tokens: TokenTotals | null;
  /** Null when unknown (no current report, or a model without a price). */
  readonly cost_usd: number | null;
  /** Null while the session is open (no end record after its last start). */
  readonly end_reason: string | null;
  readonly compressed: boolean;
}

type Verdicts = { readonly allowed: number; readonly warned: number; readonly blocked: number };

/**
 * One session as the `sessions` and `cost` commands list it. `source` says where its figures come
 * from: `report`, reports/<id>.json; `records`, the session file (no tokens or cost); `too_large`,
 * only the first and last records of a session file too large to summarise (no counts);
 * `unreadable`, nowhere (the session could not be read).
 */
export type SessionRow =
  | (RowBase & { readonly source: "report" | "records"; readonly tool_calls: number; readonly verdicts: Verdicts })
  | (RowBase & {
      readonly source: "too_large";
      readonly tool_calls: null;
      readonly verdicts: null;
      /** How many bytes of records the session holds. */
      readonly bytes: number;
    })
  | (RowBase & {
      readonly source: "unreadable";
      readonly tool_calls: null;
      readonly verdicts: null;
      /** Why the session could not be read. */
      readonly error: string;
    });

export interface TokenTotals {
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_creation_input_tokens: number;
  readonly cache_read_input_tokens: number;
}

/** A report written before the session's last record is out of date (e.g. the session was resumed). */
const CLOCK_SLACK_MS = 1000;

export function sessionRow(store: SessionStore, sessionId: string): SessionRow {
  const report = readReport(store, sessionId);
  const activity = lastActivityMs(store, sessionId);
  const current = report != null && (activity == null || Date.parse(report.generated_at) + CLOCK_SLACK_MS >= activity);
  if (current) return rowFromReport(store, report, activity);
  // Counting a session's records holds them all in memory: past the size a report is built from,
  // only its two ends are read.
  const refusal = reportRefusal(store, sessionId);
  return refusal == null ? rowFromRecords(store, sessionId) : rowFromEdges(store, sessionId, refusal.bytes);
}

/** One bad session (unreadable, damaged) is listed as such and never hides the others. */
function rowOrError(store: SessionStore, sessionId: string): SessionRow {
  try {
    return sessionRow(store, sessionId);
  } catch (error) {
    return {
      session_id: sessionId,
      started_at: null,
      duration_ms: null,
      tool_calls: null,
      verdicts: null,
      tokens: null,
      cost_usd: null,
      end_reason: null,
      compressed: false,
      source: "unreadable",
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Every session, newest start first. */
export function allSessionRows(store: SessionStore): SessionRow[] {
  return store
    .listSessionIds()
    .map((id) => rowOrError(store, id))
    .toSorted((a, b) => (b.started_at ?? "").localeCompare(a.started_at ?? "") || a.session_id.localeCompare(b.session_id));
}

function rowFromReport(store: SessionStore, report: ReportModel, lastActivity: number | null): SessionRow {
  const { session } = report;
  // An open session has lasted until its last record so far.
  const sinceStart = session.started_at != null && lastActivity != null ? Math.max(0, lastActivity - Date.parse(session.started_at)) : null;
  return {
    session_id: session.session_id,
    started_at: session.started_at,
    duration_ms: session.duration_ms ?? sinceStart,
    tool_calls: report.counts.events,
    verdicts: report.verdicts,
    tokens: tokenTotals(report),
    cost_usd: report.cost_usd,
    end_reason: session.end_reason,
    compressed: isCompressed(store, session.session_id),
    source: "report",
  };
}

export function tokenTotals(report: ReportModel): TokenTotals | null {
  const models = Object.values(report.models);
  if (models.length === 0 && report.cost_usd == null) return null;
  const sum = (pick: (m: (typeof models)[number]) => number) => models.reduce((n, m) => n + pick(m), 0);
  return {
    input_tokens: sum((m) => m.input_tokens),
    output_tokens: sum((m) => m.output_tokens),
    cache_creation_input_tokens: sum((m) => m.cache_creation_input_tokens),
    cache_read_input_tokens: sum((m) => m.cache_read_input_tokens),
  };
}

function rowFromRecords(store: SessionStore, sessionId: string): SessionRow {
  const { records } = store.readSession(sessionId);
  const summary = summarizeSession(sessionId, records);
  const last = records.at(-1);
  const end = last?.type === "end" ? last : undefined;
  const until = end?.ended_at ?? last?.timestamp;
  return {
    session_id: sessionId,
    started_at: summary.started_at,
    duration_ms: summary.started_at != null && until != null ? Date.parse(until) - Date.parse(summary.started_at) : null,
    tool_calls: summary.counts.events,
    verdicts: summary.verdicts,
    tokens: null,
    cost_usd: null,
    end_reason: end?.reason ?? null,
    compressed: isCompressed(store, sessionId),
    source: "records",
  };
}

/** A session too large to summarise: when it started and ended, from its first and last records. */
function rowFromEdges(store: SessionStore, sessionId: string, bytes: number): SessionRow {
  const { first, last } = store.sessionEdges(sessionId);
  const end = last?.type === "end" ? last : undefined;
  const started = first?.timestamp ?? null;
  const until = end?.ended_at ?? last?.timestamp;
  return {
    session_id: sessionId,
    started_at: started,
    duration_ms: started != null && until != null ? Date.parse(until) - Date.parse(started) : null,
    tool_calls: null,
    verdicts: null,
    tokens: null,
    cost_usd: null,
    end_reason: end?.reason ?? null,
    compressed: isCompressed(store, sessionId),
    source: "too_large",
    bytes,
  };
}

/** All input-side tokens (fresh, cache writes and cache reads): what the model read. */
export const inputSide = (t: TokenTotals): number => t.input_tokens + t.cache_creation_input_tokens + t.cache_read_input_tokens;
