import fs from "node:fs";
import path from "node:path";
import * as z from "zod/mini";
import { lazySchema } from "../support/lazy-schema.js";
import { isCode } from "../support/file-lock.js";
import { ensureContainedDir } from "../store/contained-path.js";
import { writeFileAtomic } from "../store/session-store.js";
import type { SessionRecord } from "../store/session-record.js";
import type { RecordBatch } from "./session-source.js";
import { checkedSessionId, type WardenPaths } from "../store/warden-paths.js";

/**
 * How far a session has reached the team store. The session file itself is the outbox: it is
 * durable, ordered and numbered 1..N with no gap, so one cursor per session (written only after
 * the database committed what it covers) gives at-least-once delivery with no second copy of the
 * records. A cursor names the store it counts for: a different or recreated database starts over.
 */
export const shipCursorSchema = lazySchema(() =>
  z.object({
    store_id: z.string(),
    /** Id of the last record shipped; 0 before any. */
    last_id: z.number().check(z.int(), z.gte(0)),
    /** Byte offset just past that record's line in the (uncompressed) session file. */
    offset: z.number().check(z.int(), z.gte(0)),
    /** The report's modification time when its cost and usage were shipped; null before. */
    report_mtime_ms: z.nullable(z.number()),
    shipped_at: z.string(),
  }),
);
export type ShipCursor = z.infer<ReturnType<typeof shipCursorSchema>>;

/** The team store's cursors; another destination (the OpenTelemetry export) keeps its own folder. */
export const SHIPPED_FOLDER = "shipped";
/** The OpenTelemetry export's cursors: the collector and the database confirm at their own pace. */
export const EXPORTED_OTEL_FOLDER = "exported-otel";

export function shippedDirOf(paths: WardenPaths, folder: string = SHIPPED_FOLDER): string {
  return path.join(paths.root, folder);
}

export function shipCursorPath(paths: WardenPaths, sessionId: string, folder: string = SHIPPED_FOLDER): string {
  return path.join(shippedDirOf(paths, folder), `${checkedSessionId(sessionId)}.json`);
}

/**
 * The session's cursor for this store (for whichever store it names when `storeId` is undefined);
 * undefined when nothing was shipped to it. A damaged cursor counts as none: shipping again from
 * the start is safe (the store ignores rows it has).
 */
export function readShipCursor(
  paths: WardenPaths,
  sessionId: string,
  storeId: string | undefined,
  folder: string = SHIPPED_FOLDER,
): ShipCursor | undefined {
  let text: string;
  try {
    text = fs.readFileSync(shipCursorPath(paths, sessionId, folder), "utf8");
  } catch (error) {
    if (isCode(error, "ENOENT")) return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = shipCursorSchema().safeParse(json);
  return parsed.success && (storeId == null || parsed.data.store_id === storeId) ? parsed.data : undefined;
}

export function writeShipCursor(paths: WardenPaths, sessionId: string, cursor: ShipCursor, folder: string = SHIPPED_FOLDER): void {
  ensureContainedDir(paths.root, shippedDirOf(paths, folder));
  writeFileAtomic(shipCursorPath(paths, sessionId, folder), `${JSON.stringify(cursor)}\n`);
}

/**
 * What a batch read past `cursor` brings: the records the destination has not confirmed (ids past
 * the cursor's; lines it already has are skipped) and the cursor to write once it confirms them.
 * `reportMtime` is the report shipped with the batch, if any: the cursor keeps the last one otherwise.
 */
export function advanceCursor(
  cursor: ShipCursor | undefined,
  storeId: string,
  batch: RecordBatch,
  reportMtime: number | null,
): { readonly fresh: SessionRecord[]; readonly next: ShipCursor } {
  const shipped = cursor?.last_id ?? 0;
  const fresh = batch.records.filter((r) => r.id > shipped);
  return {
    fresh,
    next: {
      store_id: storeId,
      last_id: fresh.reduce((last, r) => Math.max(last, r.id), shipped),
      offset: batch.endOffset,
      report_mtime_ms: reportMtime ?? cursor?.report_mtime_ms ?? null,
      shipped_at: new Date().toISOString(),
    },
  };
}
