import fs from "node:fs";
import path from "node:path";
import * as z from "zod/mini";
import { lazySchema } from "../support/lazy-schema.js";
import type { SessionStore } from "../store/session-store.js";
import { writeFileAtomic } from "../store/session-store.js";
import { parseTranscriptState, readTranscript, traceEntrySchema, type TraceEntry, type TranscriptReading } from "./transcript/index.js";
import { transcriptCachePath } from "../store/warden-paths.js";
import { ensureContainedDir } from "../store/contained-path.js";
import { redactValue } from "../store/redact-secrets.js";

/**
 * What earlier readings of a session's transcript left: the reader's state (byte offsets and
 * running totals) and the conversation read so far. A report after a resume reads only the new
 * part of the transcript.
 *
 * Version 2 added thinking, tool_use, response and compaction entries to the trace. A cache of
 * version 1 holds responses in its state that its trace does not place: it is read afresh.
 */
const CACHE_VERSION = 2;

const cacheSchema = lazySchema(() =>
  z.object({
    version: z.literal(CACHE_VERSION),
    transcript_path: z.string(),
    state: z.unknown(),
    trace: z.array(traceEntrySchema()),
  }),
);

export interface TranscriptView {
  readonly reading: TranscriptReading;
  /** The whole conversation, earlier readings included. */
  readonly trace: readonly TraceEntry[];
}

function cachePath(store: SessionStore, sessionId: string): string {
  return transcriptCachePath(store.paths, sessionId);
}

/** Reads the transcript from where the last reading stopped, and remembers where this one did. */
export async function readTranscriptIncrementally(store: SessionStore, sessionId: string, transcriptPath: string): Promise<TranscriptView> {
  const cached = loadCache(store, sessionId, transcriptPath);
  const reading = await readTranscript(transcriptPath, cached ? { resume: cached.state } : {});
  const seen = new Set(cached?.trace.map((t) => t.uuid).filter((u) => u != null));
  const trace = [...(cached?.trace ?? []), ...reading.trace.filter((t) => t.uuid == null || !seen.has(t.uuid))];
  const file = cachePath(store, sessionId);
  ensureContainedDir(store.paths.root, path.dirname(file));
  // The trace holds prompts and replies: masked like every other stored text.
  const stored = store.redacts ? redactValue(trace) : trace;
  writeFileAtomic(file, JSON.stringify({ version: CACHE_VERSION, transcript_path: transcriptPath, state: reading.state, trace: stored }));
  return { reading, trace };
}

function loadCache(store: SessionStore, sessionId: string, transcriptPath: string) {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(cachePath(store, sessionId), "utf8"));
  } catch {
    return undefined;
  }
  const parsed = cacheSchema().safeParse(json);
  if (!parsed.success || parsed.data.transcript_path !== transcriptPath) return undefined;
  try {
    return { state: parseTranscriptState(parsed.data.state), trace: parsed.data.trace };
  } catch {
    // A state from another reader version is simply discarded: the transcript is read afresh.
    return undefined;
  }
}
