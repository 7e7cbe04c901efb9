import { redactText, reportRefusal, summarizeSession, type ReportModel, type SessionStore } from "@warden/core";
import { isCompressed, lastActivityMs, readReport } from "./session-files.js";

type SessionRecord = ReturnType<SessionStore["readSession"]>["records"][number];

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
  /** The folder the session ran in; null when unknown. */
  readonly project_dir: string | null;
  /** The model(s) of the main conversation, most output first; empty when unknown (no current report). */
  readonly main_models: string[];
  /** The first prompt on one line, cut to FIRST_PROMPT_CHARS, masked as the report masks it; null when none was recorded. */
  readonly first_prompt: string | null;
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

/** Enough to recognise a session in a list; the JSON carries this much too, never a whole pasted file. */
export const FIRST_PROMPT_CHARS = 200;

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
export function rowOrError(store: SessionStore, sessionId: string): SessionRow {
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
      project_dir: null,
      main_models: [],
      first_prompt: null,
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
    project_dir: session.project_dir ?? session.cwd,
    main_models: mainModels(report),
    first_prompt: firstPromptOfReport(store, report),
    source: "report",
  };
}

/**
 * The models the main conversation answered with, most output first. The conversation names the
 * model of each answer; without one, the models no subagent used, else every model.
 */
export function mainModels(report: ReportModel): string[] {
  const byOutput = (names: Iterable<string>) =>
    [...new Set(names)].toSorted(
      (a, b) => (report.models[b]?.output_tokens ?? 0) - (report.models[a]?.output_tokens ?? 0) || a.localeCompare(b),
    );
  const answered = report.conversation.flatMap((c) => (c.role === "assistant" && c.agent_id == null && c.model ? [c.model] : []));
  if (answered.length > 0) return byOutput(answered);
  const bySubagents = new Set(report.subagents.flatMap((a) => a.models ?? []));
  const others = Object.keys(report.models).filter((m) => !bySubagents.has(m));
  return byOutput(others.length > 0 ? others : Object.keys(report.models));
}

/** The report's first prompt (it is masked already); its records' when the transcript gave no conversation. */
function firstPromptOfReport(store: SessionStore, report: ReportModel): string | null {
  const prompt = report.conversation.find((c) => c.role === "user")?.text;
  if (prompt != null) return oneLinePrompt(prompt);
  const sessionId = report.session.session_id;
  if (report.counts.prompts === 0 || reportRefusal(store, sessionId) != null) return null;
  return firstPromptOfRecords(store, store.readSession(sessionId).records);
}

/** Records are masked when written unless `redact: "off"`; masked again here in case that setting changed since. */
function firstPromptOfRecords(store: SessionStore, records: readonly SessionRecord[]): string | null {
  const record = records.find((r) => r.type === "prompt");
  if (record == null) return null;
  const text = typeof record.prompt === "string" ? record.prompt : JSON.stringify(record.prompt);
  return oneLinePrompt(store.redacts ? redactText(text) : text);
}

/** A prompt on one line, cut to FIRST_PROMPT_CHARS. */
export function oneLinePrompt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > FIRST_PROMPT_CHARS ? `${flat.slice(0, FIRST_PROMPT_CHARS - 1)}…` : flat;
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
    project_dir: projectOf(records[0]),
    main_models: [],
    first_prompt: firstPromptOfRecords(store, records),
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
    project_dir: projectOf(first),
    main_models: [],
    first_prompt: null,
    source: "too_large",
    bytes,
  };
}

/** The project a session's opening record names. */
function projectOf(record: SessionRecord | undefined): string | null {
  return record?.type === "init" ? record.project_dir : null;
}

/** All input-side tokens (fresh, cache writes and cache reads): what the model read. */
export const inputSide = (t: TokenTotals): number => t.input_tokens + t.cache_creation_input_tokens + t.cache_read_input_tokens;
