import {
  advanceTally,
  emptyTally,
  type PriceTable,
  readLiveUsage,
  RECENT_CALLS,
  sessionLogPath,
  type RecordTally,
  type SessionStore,
} from "@warden/core";
import { pricesInEffect } from "./prices.js";
import { clockOf, CliFailure, CliUsageError, type CliIo } from "../cli-io.js";
import { openStore, projectDirOf } from "../data-dir.js";
import { defineCommand, type CommandArgs } from "../define-command.js";
import { styleFor } from "../format.js";
import { DATA_OPTIONS } from "../parse-command.js";
import { resolveSession } from "../session-arg.js";
import { lastActivityMs } from "../session-files.js";
import { renderWatchFrame, type WatchSnapshot } from "../watch-frame.js";

const WATCH_OPTIONS = {
  ...DATA_OPTIONS,
  interval: { type: "string", value: "S", help: "seconds between refreshes (default 2; at least 0.2)" },
  calls: { type: "string", value: "N", help: `how many of the last tool calls to list (default 10, at most ${RECENT_CALLS})` },
  once: { type: "boolean", help: "print one frame and exit (for scripts and tests)" },
} as const;

/** Clears the screen and puts the cursor at its top left. */
const CLEAR = "\u001b[H\u001b[2J";

export interface WatchIo extends CliIo {
  /** Aborted when the watch must stop (Ctrl-C); the command listens for SIGINT and SIGTERM itself when absent. */
  readonly stop?: AbortSignal;
}

export const WATCH = defineCommand({
  name: "watch",
  synopsis: "[SESSION] [--interval S] [--once]",
  summary: "a live view of a running session: cost, tokens per model, calls and verdicts, the last calls",
  details: `SESSION is an id or a unique prefix of one (default: the session whose records changed last);
the view is redrawn every --interval seconds, and exits on Ctrl-C, or with a last frame when the session
ends (its SessionEnd is recorded); with --json each frame is one JSON line`,
  maxPositionals: 1,
  options: WATCH_OPTIONS,
  run: (args, io: WatchIo) => runWatch(args, io),
});

async function runWatch({ values, positionals }: CommandArgs<typeof WATCH_OPTIONS>, io: WatchIo): Promise<number> {
  const intervalMs = secondsOption(values.interval, 2) * 1000;
  const calls = countOption(values.calls, 10);
  const store = openStore(values.dir, io, clockOf(io));
  const sessionId = positionals[0] != null ? resolveSession(store, positionals[0]) : latestSession(store);
  const prices = pricesInEffect(io, projectDirOf(store.paths.root, io));
  const style = styleFor(io);
  const stop = io.stop == null ? stopOnSignals() : { signal: io.stop, release: () => undefined };
  try {
    let records = emptyTally();
    for (let first = true; ; first = false) {
      const snapshot = await snapshotOf(store, sessionId, records, prices);
      records = snapshot.records;
      const last = values.once === true || records.ended != null;
      if (values.json) io.out(JSON.stringify(jsonFrame(snapshot)));
      else {
        const footer = last ? null : `refreshing every ${intervalMs / 1000}s · Ctrl-C to quit`;
        const frame = renderWatchFrame(snapshot, style, { calls, footer }).join("\n");
        // On a terminal each frame replaces the last; piped, frames follow one another.
        io.out(io.isTty && values.once !== true ? `${CLEAR}${frame}` : first ? frame : `\n${frame}`);
      }
      if (last || !(await sleep(intervalMs, stop.signal))) return 0;
    }
  } finally {
    stop.release();
  }
}

async function snapshotOf(store: SessionStore, sessionId: string, previous: RecordTally, prices: PriceTable): Promise<WatchSnapshot> {
  const records = await advanceTally(sessionLogPath(store.paths, sessionId), previous);
  if (records.transcript_path == null) return { session_id: sessionId, records, usage: null, transcript_error: null };
  try {
    return {
      session_id: sessionId,
      records,
      usage: await readLiveUsage(records.transcript_path, store, sessionId, prices),
      transcript_error: null,
    };
  } catch (error) {
    return { session_id: sessionId, records, usage: null, transcript_error: error instanceof Error ? error.message : String(error) };
  }
}

function jsonFrame({ session_id, records, usage, transcript_error }: WatchSnapshot) {
  return {
    session_id,
    ended: records.ended,
    cost_usd: usage?.cost.total_cost_usd ?? null,
    unpriced_models: usage?.cost.unpriced_models ?? [],
    tokens: usage?.usage.total ?? null,
    by_model: usage?.usage.by_model ?? {},
    calls: records.calls,
    verdicts: records.verdicts,
    recent: records.recent,
    transcript_error,
  };
}

/** The session whose records changed last. */
function latestSession(store: SessionStore): string {
  const [latest] = store
    .listSessionIds()
    .map((id) => ({ id, at: lastActivityMs(store, id) ?? 0 }))
    .toSorted((a, b) => b.at - a.at || a.id.localeCompare(b.id));
  if (latest == null) throw new CliFailure(`no session recorded yet in ${store.paths.root}`);
  return latest.id;
}

/** Resolves true after `ms`, false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Ctrl-C (or a kill) ends the watch as its normal way out: exit 0, the last frame left on screen. */
function stopOnSignals(): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once("SIGINT", abort);
  process.once("SIGTERM", abort);
  return {
    signal: controller.signal,
    release: () => {
      process.off("SIGINT", abort);
      process.off("SIGTERM", abort);
    },
  };
}

function secondsOption(value: string | undefined, fallback: number): number {
  if (value == null) return fallback;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0.2)
    throw new CliUsageError(`--interval ${JSON.stringify(value)}: give a number of seconds, at least 0.2`);
  return seconds;
}

function countOption(value: string | undefined, fallback: number): number {
  if (value == null) return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > RECENT_CALLS)
    throw new CliUsageError(`--calls ${JSON.stringify(value)}: give a whole number from 0 to ${RECENT_CALLS}`);
  return count;
}
