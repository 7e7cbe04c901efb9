import type { ReportModel } from "./report-model.js";
import type { InitRecord, ResumeRecord } from "../store/session-record.js";
import { renderHtmlReport, renderMarkdownSummary } from "./render/index.js";
import { buildReportModel } from "./session-report.js";
import type { SessionStore } from "../store/session-store.js";
import { readTranscriptIncrementally, type TranscriptView } from "./transcript-cache.js";
import { reportPath } from "../store/warden-paths.js";
import { redactValue } from "../store/redact-secrets.js";
import { reportRefusal } from "./report-size.js";
import type { PriceTable } from "./pricing/index.js";

/** Where a session's reports go. */
export function reportFiles(store: SessionStore, sessionId: string): string[] {
  return (["json", "html", "md"] as const).map((ext) => reportPath(store.paths, sessionId, ext));
}

export interface ReportOptions {
  /** The largest session a report is built from; MAX_REPORTED_SESSION_BYTES unless a test sets it. */
  readonly maxSessionBytes?: number;
  /** The prices in effect (loadPriceTable); Warden's checked table then genai-prices when absent. */
  readonly prices?: PriceTable;
}

/**
 * (Re)generates a session's reports from its records and its transcript; returns their data.
 * Throws SessionTooLargeError, having read nothing but the file's size, for a session too large.
 */
export async function writeSessionReports(
  store: SessionStore,
  sessionId: string,
  now: Date,
  options: ReportOptions = {},
): Promise<ReportModel> {
  const refusal = reportRefusal(store, sessionId, options.maxSessionBytes);
  if (refusal) throw refusal;
  return writeReportsUnchecked(store, sessionId, now, options.prices);
}

/** writeSessionReports for a caller that has just checked the session's size itself (finalization). */
export async function writeReportsUnchecked(store: SessionStore, sessionId: string, now: Date, prices?: PriceTable): Promise<ReportModel> {
  const log = store.readSession(sessionId);
  const opener = log.records.findLast(
    (r): r is InitRecord | ResumeRecord => (r.type === "init" || r.type === "resume") && r.transcript_path != null,
  );
  const path = opener?.transcript_path ?? null;
  const transcript = path ? await readTranscriptSafely(store, sessionId, path) : null;
  const built = buildReportModel({
    sessionId,
    records: log.records,
    skippedLines: log.skippedLines,
    transcript: transcript?.view ?? null,
    generatedAt: now.toISOString(),
    ...(prices ? { prices } : {}),
  });
  if (transcript?.error) built.notes.push(`The transcript could not be read: ${transcript.error}`);
  // Records are masked when stored; the conversation comes from Claude Code's raw transcript.
  const model = store.redacts ? redactValue(built) : built;
  store.writeReport(sessionId, "json", `${JSON.stringify(model, null, 2)}\n`);
  store.writeReport(sessionId, "html", renderHtmlReport(model));
  store.writeReport(sessionId, "md", renderMarkdownSummary(model));
  return model;
}

async function readTranscriptSafely(
  store: SessionStore,
  sessionId: string,
  path: string,
): Promise<{ view: TranscriptView | null; error?: string }> {
  try {
    return { view: await readTranscriptIncrementally(store, sessionId, path) };
  } catch (error) {
    return { view: null, error: error instanceof Error ? error.message : String(error) };
  }
}
