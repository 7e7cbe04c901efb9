import type { SessionStore } from "../store/session-store.js";

/**
 * The largest session a report is built from. A report holds every event in memory; beyond this
 * the session keeps its records, and whoever asked for a report is told why there is none.
 */
export const MAX_REPORTED_SESSION_BYTES = 256 * 1024 * 1024;

/** A session too large to build a report from; its records are intact. */
export class SessionTooLargeError extends Error {
  override readonly name = "SessionTooLargeError";
  readonly sessionId: string;
  readonly bytes: number;
  readonly limit: number;

  constructor(sessionId: string, bytes: number, limit: number) {
    super(
      `session ${sessionId} is ${bytes} bytes (${mebibytes(bytes)}), more than the ${limit} bytes (${mebibytes(limit)}) a report is built from; its records are complete, but no report is built from them`,
    );
    this.sessionId = sessionId;
    this.bytes = bytes;
    this.limit = limit;
  }
}

/** Why the session gets no report, from its size alone (nothing is read); undefined when it may have one. */
export function reportRefusal(
  store: SessionStore,
  sessionId: string,
  limit: number = MAX_REPORTED_SESSION_BYTES,
): SessionTooLargeError | undefined {
  const bytes = store.sessionBytes(sessionId);
  return bytes > limit ? new SessionTooLargeError(sessionId, bytes, limit) : undefined;
}

const mebibytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
