import fs from "node:fs";
import { isCode } from "../support/file-lock.js";
import { sessionLogPath } from "../store/warden-paths.js";
import { completeLength } from "./session-source.js";
import type { SessionStore } from "../store/session-store.js";
import { reportPath } from "../store/warden-paths.js";
import { readShipCursor } from "./ship-cursor.js";

/** What the team store has not confirmed of one session. */
export interface SessionBacklog {
  /** Bytes of records past the session's cursor. */
  readonly bytes: number;
  /** The report changed since its cost and usage were shipped. */
  readonly report: boolean;
}

export interface OutboxStatus {
  readonly sessions: number;
  readonly bytes: number;
}

/** The report's modification time (plain or compressed); null when the session has none yet. */
export function reportMtimeOf(store: SessionStore, sessionId: string): number | null {
  const file = reportPath(store.paths, sessionId, "json");
  for (const candidate of [file, `${file}.gz`]) {
    try {
      return fs.statSync(candidate).mtimeMs;
    } catch {
      // Try the other form.
    }
  }
  return null;
}

/**
 * The session's backlog for the store `storeId`; undefined when it has none. Without a store id
 * (the store could not be reached), as of the cursor, whichever store it names.
 */
export function sessionBacklog(store: SessionStore, sessionId: string, storeId: string | undefined): SessionBacklog | undefined {
  const cursor = readShipCursor(store.paths, sessionId, storeId);
  const bytes = Math.max(0, completeBytes(store, sessionId) - (cursor?.offset ?? 0));
  const mtime = reportMtimeOf(store, sessionId);
  const report = mtime != null && mtime !== cursor?.report_mtime_ms;
  return bytes > 0 || report ? { bytes, report } : undefined;
}

/**
 * Bytes of the session's records past its cursor in `folder` for the destination `storeId`
 * (whichever it names when undefined): what that destination has not confirmed. A report is not
 * counted: only the database takes it.
 */
export function unsentBytes(store: SessionStore, sessionId: string, folder: string, storeId?: string): number {
  const cursor = readShipCursor(store.paths, sessionId, storeId, folder);
  return Math.max(0, completeBytes(store, sessionId) - (cursor?.offset ?? 0));
}

/** Every session's backlog summed: what `warden sync` still has to ship. */
export function outboxStatus(store: SessionStore, storeId: string | undefined): OutboxStatus {
  let sessions = 0;
  let bytes = 0;
  for (const sessionId of store.listSessionIds()) {
    const backlog = sessionBacklog(store, sessionId, storeId);
    if (backlog == null) continue;
    sessions++;
    bytes += backlog.bytes;
  }
  return { sessions, bytes };
}

/**
 * The bytes of the session's whole lines: a torn last line (a crash mid-write) is no record, and
 * counting it would keep a session pending forever. A compressed session is whole.
 */
function completeBytes(store: SessionStore, sessionId: string): number {
  let fd: number;
  try {
    fd = fs.openSync(sessionLogPath(store.paths, sessionId), "r");
  } catch (error) {
    if (isCode(error, "ENOENT")) return store.sessionBytes(sessionId);
    throw error;
  }
  try {
    return completeLength(fd, fs.fstatSync(fd).size);
  } finally {
    fs.closeSync(fd);
  }
}
