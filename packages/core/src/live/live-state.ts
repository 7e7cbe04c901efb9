import path from "node:path";
import * as z from "zod/mini";
import { lazySchema } from "../support/lazy-schema.js";
import { ensureContainedDir } from "../store/contained-path.js";
import { readSmallJson, writeFileAtomic } from "../store/session-store.js";
import { checkedSessionId, type WardenPaths } from "../store/warden-paths.js";
import { recordTallySchema, type RecordTally } from "./record-tally.js";

/**
 * Where `warden statusline` keeps the session's record tally between calls (the transcript's
 * reading state lives in the transcript cache beside it, shared with the reports).
 */
export function liveStatePath(paths: WardenPaths, sessionId: string): string {
  return path.join(paths.root, "cache", `${checkedSessionId(sessionId)}.live.json`);
}

const liveStateSchema = lazySchema(() => z.object({ version: z.literal(1), session_id: z.string(), records: recordTallySchema() }));

/** The saved tally; undefined when there is none, or it is not one this version wrote. */
export function loadRecordTally(paths: WardenPaths, sessionId: string): RecordTally | undefined {
  const saved = readSmallJson(liveStatePath(paths, sessionId), liveStateSchema());
  return saved?.session_id === sessionId ? saved.records : undefined;
}

export function saveRecordTally(paths: WardenPaths, sessionId: string, records: RecordTally): void {
  const file = liveStatePath(paths, sessionId);
  ensureContainedDir(paths.root, path.dirname(file));
  writeFileAtomic(file, JSON.stringify({ version: 1, session_id: sessionId, records }));
}
