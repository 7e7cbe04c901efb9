import {
  advanceCursor,
  outboxStatus,
  readMaybeGzipped,
  readShipCursor,
  reportModelSchema,
  reportMtimeOf,
  reportPath,
  SessionSource,
  writeShipCursor,
  type BatchLimits,
  type ReportModel,
  type SessionStore,
  type TeamTarget,
} from "@warden/core";
import { connectTeamStore, type TeamConnection } from "./connect.js";
import { migrate } from "./migrate.js";
import { rowsOfRecords } from "./record-rows.js";
import { shipBatch, type BatchCounts } from "./ship-batch.js";
import { describeDatabaseError, TeamStoreError } from "./team-store-error.js";

/**
 * A batch: one transaction, and how far a crash can set a session back. 2,000 records shipped
 * faster than 5,000 (8.5k vs 7k events/s) in less memory (203 vs 269 MiB peak) in `pnpm bench:team`.
 */
export const DEFAULT_BATCH: BatchLimits = { maxRecords: 2000, maxBytes: 4 * 1024 * 1024 };

export interface SyncProgress {
  readonly sessions: number;
  readonly events: number;
  readonly prompts: number;
  readonly findings: number;
  /** Commits the sessions made (checkpoint records). */
  readonly checkpoints: number;
  readonly duplicates: number;
  readonly batches: number;
  /** Record lines that were not records (torn, damaged) and were passed over. */
  readonly skipped_lines: number;
}

export interface SyncResult extends SyncProgress {
  /** The store's URL with its password masked. */
  readonly store: string;
  readonly schema_version: number | null;
  readonly migrated: readonly number[];
  /** Sessions with records or a report the store has not confirmed; 0 after a complete sync. */
  readonly pending_sessions: number;
  readonly pending_bytes: number;
  /** Sessions the store refused a row of (the others were shipped); they stay pending. */
  readonly failed_sessions: readonly { readonly session_id: string; readonly error: string }[];
  readonly duration_ms: number;
  /** Why the sync stopped early; null when it shipped everything. */
  readonly error: TeamStoreError | null;
}

export interface SyncOptions {
  readonly store: SessionStore;
  readonly target: TeamTarget;
  readonly batch?: BatchLimits;
  /** Called after each committed batch (a long backlog shows progress). */
  readonly onBatch?: (progress: SyncProgress) => void;
  /** Give up when the store answers nothing for this long (a hung server holds a sync forever otherwise). */
  readonly stallMs?: number;
}

/** A 2,000-record batch takes well under a second; two minutes of silence is a store that is not there. */
export const DEFAULT_STALL_MS = 120_000;

/**
 * Ships every record and report the team store has not confirmed, session by session, batch by
 * batch. A batch is one transaction; the session's cursor moves only after it commits. Whatever
 * stops the sync (the server going away, a kill), the worst case is a batch sent again, which
 * the store ignores row by row: delivery is at least once, storage exactly once.
 */
export async function syncToTeamStore(options: SyncOptions): Promise<SyncResult> {
  const started = performance.now();
  const progress = { sessions: 0, events: 0, prompts: 0, findings: 0, checkpoints: 0, duplicates: 0, batches: 0, skipped_lines: 0 };
  let connection: TeamConnection | undefined;
  let storeName: string = options.target.urlSource;
  let schemaVersion: number | null = null;
  let migrated: readonly number[] = [];
  let storeId: string | undefined;
  let error: TeamStoreError | null = null;
  const failed: { session_id: string; error: string }[] = [];
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  let stalled = false;
  let watchdog: NodeJS.Timeout | undefined;
  // Each answer from the store restarts the clock; silence past it drops the connection, which
  // fails the query in flight (its batch is rolled back by the server and ships again next time).
  const heard = (): void => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      stalled = true;
      void connection?.sql.end({ timeout: 0 });
    }, stallMs);
  };
  try {
    connection = connectTeamStore(options.target.databaseUrl, options.target.urlSource);
    storeName = connection.url.display;
    heard();
    const migration = await migrate(connection.sql);
    schemaVersion = migration.to;
    migrated = migration.applied;
    storeId = await readStoreId(connection);
    heard();
    for (const sessionId of options.store.listSessionIds()) {
      try {
        if (await shipSession(connection, { ...options, onBatch: (p) => (heard(), options.onBatch?.(p)) }, storeId, sessionId, progress))
          progress.sessions++;
      } catch (caught) {
        const problem = describeDatabaseError(caught, storeName);
        // A row the store rejects holds back its own session only; losing the server stops the sync.
        if (problem.kind !== "query") throw problem;
        failed.push({ session_id: sessionId, error: problem.message });
      }
    }
  } catch (caught) {
    error = stalled
      ? new TeamStoreError(
          "unreachable",
          `the team store ${storeName} answered nothing for ${Math.round(stallMs / 1000)} s, so the sync gave up; what it had not confirmed stays queued`,
        )
      : describeDatabaseError(caught, storeName);
  } finally {
    clearTimeout(watchdog);
    await connection?.close().catch(() => {});
  }
  const pending = outboxStatus(options.store, storeId);
  return {
    store: storeName,
    schema_version: schemaVersion,
    migrated,
    ...progress,
    pending_sessions: pending.sessions,
    pending_bytes: pending.bytes,
    failed_sessions: failed,
    duration_ms: Math.round(performance.now() - started),
    error,
  };
}

async function readStoreId(connection: TeamConnection): Promise<string> {
  const [row] = await connection.sql<{ store_id: string }[]>`select store_id::text as store_id from warden.store_info limit 1`;
  if (row == null)
    throw new TeamStoreError("schema", `the team store ${connection.url.display} has no warden.store_info row; was it emptied by hand?`);
  return row.store_id;
}

const NOTHING_SHIPPED: BatchCounts = { events: 0, prompts: 0, findings: 0, checkpoints: 0, duplicates: 0 };

/** Ships what one session holds past its cursor; true when anything was sent. */
async function shipSession(
  connection: TeamConnection,
  options: SyncOptions,
  storeId: string,
  sessionId: string,
  progress: { -readonly [K in keyof SyncProgress]: SyncProgress[K] },
): Promise<boolean> {
  const { store, target } = options;
  const source = SessionSource.open(store.paths, sessionId);
  if (source == null) return false;
  try {
    let cursor = readShipCursor(store.paths, sessionId, storeId);
    const reportMtime = reportMtimeOf(store, sessionId);
    const reportChanged = reportMtime != null && reportMtime !== cursor?.report_mtime_ms;
    if ((cursor?.offset ?? 0) >= source.complete && !reportChanged) return false;
    for (;;) {
      const offset = cursor?.offset ?? 0;
      const batch = source.readBatch(offset, options.batch ?? DEFAULT_BATCH);
      const atEnd = batch.endOffset >= source.complete || batch.endOffset === offset;
      // The report goes with the session's last batch, after the records it counts.
      const report = atEnd && reportChanged ? readReport(store, sessionId) : undefined;
      const { fresh, next } = advanceCursor(cursor, storeId, batch, atEnd && reportChanged ? reportMtime : null);
      // Lines that held no record still move the cursor; they need no transaction.
      const counts =
        fresh.length === 0 && report == null
          ? NOTHING_SHIPPED
          : await shipBatch(connection.sql, rowsOfRecords(sessionId, fresh, target), report);
      progress.events += counts.events;
      progress.prompts += counts.prompts;
      progress.findings += counts.findings;
      progress.checkpoints += counts.checkpoints;
      progress.duplicates += counts.duplicates;
      progress.skipped_lines += batch.skippedLines;
      if (counts !== NOTHING_SHIPPED) progress.batches++;
      writeShipCursor(store.paths, sessionId, next);
      cursor = next;
      options.onBatch?.({ ...progress });
      if (atEnd) return true;
    }
  } finally {
    source.close();
  }
}

/** The report's figures; undefined when it cannot be read (the records still ship, without cost). */
function readReport(store: SessionStore, sessionId: string): ReportModel | undefined {
  const text = readMaybeGzipped(reportPath(store.paths, sessionId, "json"));
  if (text == null) return undefined;
  try {
    const parsed = reportModelSchema().safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
