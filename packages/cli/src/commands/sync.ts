import { holdSyncLock, logSyncError, registeredOutboxes, syncPaths, type SessionStore } from "@warden/core";
import { DEFAULT_STALL_MS, exportOtelLogs, syncToTeamStore, type OtelExportResult, type SyncResult } from "@warden/team-store";
import { CliUsageError, clockOf, type CliIo } from "../cli-io.js";
import { homeOf, openStore, projectDirOf, resolveDataDir } from "../data-dir.js";
import { defineCommand } from "../define-command.js";
import { EXIT } from "../exit-status.js";
import { countOf, formatBytes, toJson } from "../format.js";
import { DATA_OPTIONS } from "../parse-command.js";
import { requireSyncDestinations, type SyncDestinations } from "../team-settings.js";

export const SYNC = defineCommand({
  name: "sync",
  summary: "ships the sessions recorded here to the team store (PostgreSQL); exit 0 only when nothing is left to ship",
  details: `what the store has not confirmed is sent in batches (one transaction each) and ships again
at the next sync if anything stops this one; the store keeps each row once
the store: $WARDEN_DATABASE_URL, else team.database_url in ~/.claude/warden.json
with "team": {"otel_logs": true} in a warden.json, also exports each tool decision and flagged
prompt as an OpenTelemetry log record (OTLP/HTTP to $OTEL_EXPORTER_OTLP_ENDPOINT/v1/logs or
$OTEL_EXPORTER_OTLP_LOGS_ENDPOINT, headers from $OTEL_EXPORTER_OTLP_HEADERS); it alone needs no database
failures are also appended to .warden/sync-errors.log
--all: also every other project on this machine whose sessions were set to ship (every session
end lists its project; the sync each session end starts uses --all), so a session that ended during
an outage ships at the next session end anywhere`,
  options: {
    ...DATA_OPTIONS,
    all: { type: "boolean", help: "also ship the other projects of this machine (see above)" },
    wait: { type: "string", value: "SECONDS", help: "how long to wait for another sync of this data to finish (default 60)" },
    timeout: {
      type: "string",
      value: "SECONDS",
      help: "give up when the store answers nothing for SECONDS (default 120); what was not confirmed stays queued",
    },
  },
  run: async ({ values }, io) => {
    const waitMs = seconds("--wait", values.wait, 60) * 1000;
    const stallMs = seconds("--timeout", values.timeout, DEFAULT_STALL_MS / 1000) * 1000;
    if (!values.all) {
      const outcome = await syncDataDir(openStore(values.dir, io), io, { waitMs, stallMs });
      if (values.json && !outcome.busy) io.out(toJson(outcomeJson(outcome)));
      return report(outcome, io, values.json === true, "");
    }
    const here = values.dir != null || io.env.WARDEN_DIR ? [resolveDataDir(values.dir, io)] : nearestDataDir(io);
    const others = registeredOutboxes(io.env, homeOf(io)).filter((dir) => !here.includes(dir));
    const outcomes: Outcome[] = [];
    for (const [i, root] of [...here, ...others].entries()) {
      const store = openStore(root, io);
      // The data this sync was asked for waits for a sync already on it; another's is left to that sync.
      const outcome = await syncDataDir(store, io, { waitMs: i < here.length ? waitMs : 0, stallMs, skipBusy: i >= here.length });
      outcomes.push(outcome);
      // A store that cannot be reached fails every directory alike: the rest wait for the next sync.
      if (outcome.result?.error != null && outcome.result.error.kind !== "query") break;
    }
    const complete = outcomes.every((o) => o.complete);
    if (values.json)
      io.out(
        toJson({
          complete,
          data_dirs: outcomes.map((o) => ({ dir: o.dir, ...(o.busy ? { busy: true } : outcomeJson(o)) })),
        }),
      );
    let status: number = EXIT.yes;
    for (const outcome of outcomes) if (report(outcome, io, values.json === true, `${outcome.dir}: `) !== EXIT.yes) status = EXIT.failure;
    return complete ? EXIT.yes : status;
  },
});

interface Outcome {
  readonly dir: string;
  /** Another sync was on this directory (its own outcome is its own). */
  readonly busy: boolean;
  /** Undefined when busy or when no database is set (only the OpenTelemetry export). */
  readonly result: SyncResult | undefined;
  /** Undefined when busy or when team.otel_logs is off. */
  readonly otel: OtelExportResult | undefined;
  readonly complete: boolean;
}

/** Ships one data directory under its sync lock; failures are written to its error log. */
async function syncDataDir(
  store: SessionStore,
  io: CliIo,
  options: { readonly waitMs: number; readonly stallMs: number; readonly skipBusy?: boolean },
): Promise<Outcome> {
  const files = syncPaths(store.paths);
  const dir = store.paths.root;
  let destinations: SyncDestinations;
  try {
    destinations = requireSyncDestinations(projectDirOf(dir, io), io);
  } catch (error) {
    // A background sync's only witness is the log: a bad setting must be found there too.
    logSyncError(files, error instanceof Error ? error.message : String(error), clockOf(io)());
    throw error;
  }
  let release: () => void;
  try {
    release = await holdSyncLock(files, {
      waitMs: options.waitMs,
      onWait: (owner) => {
        if (!options.skipBusy) io.err(`waiting for another sync of ${dir} (pid ${String(owner ?? "unknown")}) to finish…`);
      },
    });
  } catch (error) {
    if (options.skipBusy) return { dir, busy: true, result: undefined, otel: undefined, complete: true };
    throw error;
  }
  let result: SyncResult | undefined;
  let otel: OtelExportResult | undefined;
  try {
    const { database } = destinations;
    if (database != null) result = await syncToTeamStore({ store, target: database, stallMs: options.stallMs });
    // After the database: a collector that is down does not hold back the team store, nor the reverse.
    if (destinations.otel != null) otel = await exportOtelLogs({ store, ...destinations.otel });
  } finally {
    release();
  }
  const now = clockOf(io)();
  if (result?.error != null) logSyncError(files, result.error.message, now);
  for (const failed of result?.failed_sessions ?? []) logSyncError(files, `session ${failed.session_id}: ${failed.error}`, now);
  if (otel?.error != null) logSyncError(files, otel.error, now);
  const databaseDone = result == null || (result.error == null && result.pending_sessions === 0);
  const otelDone = otel == null || (otel.error == null && otel.pending_sessions === 0);
  return { dir, busy: false, result, otel, complete: databaseDone && otelDone };
}

/** Prints one directory's outcome in words (JSON is printed whole by the caller); its exit status. */
function report(outcome: Outcome, io: CliIo, json: boolean, prefix: string): number {
  const { result, otel } = outcome;
  if (outcome.busy) {
    if (!json) io.out(`${prefix}another sync is shipping it`);
    return EXIT.yes;
  }
  // A failed sync says only what it did ship (if anything) on stdout; the reason goes to stderr.
  const databaseDone = result == null || (result.error == null && result.pending_sessions === 0);
  if (result != null && !json && (databaseDone || result.batches > 0)) io.out(`${prefix}${syncText(result)}`);
  if (otel != null && !json && (otel.error == null || otel.exported > 0)) io.out(`${prefix}${otelText(otel)}`);
  if (outcome.complete) return EXIT.yes;
  if (result != null && !databaseDone) io.err(`warden sync: ${prefix}${failureText(result)}`);
  if (otel != null && (otel.error != null || otel.pending_sessions > 0))
    io.err(`warden sync: ${prefix}${otel.error ?? `${countOf(otel.pending_sessions, "session")} not exported to OpenTelemetry`}`);
  return EXIT.failure;
}

/** With --all and no --dir, the project here if there is one; none is fine (the others still ship). */
function nearestDataDir(io: CliIo): string[] {
  try {
    return [resolveDataDir(undefined, io)];
  } catch {
    return [];
  }
}

function seconds(option: string, text: string | undefined, fallback: number): number {
  if (text == null) return fallback;
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n < 0) throw new CliUsageError(`${option} ${text}: give a number of seconds`);
  return n;
}

function outcomeJson(o: Outcome) {
  return { complete: o.complete, ...(o.result == null ? {} : syncJson(o.result)), ...(o.otel == null ? {} : { otel: o.otel }) };
}

function syncJson(r: SyncResult) {
  const { error, ...rest } = r;
  return { ...rest, error: error == null ? null : { kind: error.kind, message: error.message } };
}

function otelText(o: OtelExportResult): string {
  const pending = o.pending_sessions === 0 ? "nothing pending" : `${countOf(o.pending_sessions, "session")} pending`;
  return `exported ${countOf(o.exported, "log record")} to OpenTelemetry; ${pending}`;
}

function syncText(r: SyncResult): string {
  const shipped =
    r.batches === 0
      ? "nothing new to ship"
      : `shipped ${countOf(r.sessions, "session")}: ${countOf(r.events, "event")}, ${countOf(r.prompts, "prompt")}, ` +
        `${countOf(r.findings, "finding")}, ${countOf(r.checkpoints, "commit")}${r.duplicates > 0 ? ` (${countOf(r.duplicates, "row")} the store already had)` : ""}`;
  const migrated = r.migrated.length > 0 ? `; schema brought to version ${r.schema_version}` : "";
  const pending =
    r.pending_sessions === 0 ? "nothing pending" : `${countOf(r.pending_sessions, "session")} pending (${formatBytes(r.pending_bytes)})`;
  return `${shipped} to ${r.store} in ${(r.duration_ms / 1000).toFixed(1)} s${migrated}; ${pending}`;
}

function failureText(r: SyncResult): string {
  const why = r.error?.message ?? r.failed_sessions.map((f) => `session ${f.session_id}: ${f.error}`).join("; ");
  const left =
    r.pending_sessions === 0
      ? ""
      : `; ${countOf(r.pending_sessions, "session")} (${formatBytes(r.pending_bytes)}) ${r.pending_sessions === 1 ? "stays" : "stay"} queued here and ${r.pending_sessions === 1 ? "ships" : "ship"} at the next sync`;
  return `${why || "the sync did not finish"}${left}`;
}
