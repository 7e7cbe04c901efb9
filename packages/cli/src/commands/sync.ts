import { holdSyncLock, logSyncError, syncPaths, type TeamTarget } from "@warden/core";
import { DEFAULT_STALL_MS, syncToTeamStore, type SyncResult } from "@warden/team-store";
import { CliUsageError, clockOf } from "../cli-io.js";
import { openStore, projectDirOf } from "../data-dir.js";
import { defineCommand } from "../define-command.js";
import { EXIT } from "../exit-status.js";
import { countOf, formatBytes, toJson } from "../format.js";
import { DATA_OPTIONS } from "../parse-command.js";
import { requireTeamTarget } from "../team-settings.js";

export const SYNC = defineCommand({
  name: "sync",
  summary: "ships the sessions recorded here to the team store (PostgreSQL); exit 0 only when nothing is left to ship",
  details: `what the store has not confirmed is sent in batches (one transaction each) and ships again
at the next sync if anything stops this one; the store keeps each row once
the store: $WARDEN_DATABASE_URL, else team.database_url in ~/.claude/warden.json
failures are also appended to .warden/sync-errors.log`,
  options: {
    ...DATA_OPTIONS,
    wait: { type: "string", value: "SECONDS", help: "how long to wait for another sync of this data to finish (default 60)" },
    timeout: {
      type: "string",
      value: "SECONDS",
      help: "give up when the store answers nothing for SECONDS (default 120); what was not confirmed stays queued",
    },
  },
  run: async ({ values }, io) => {
    const waitSeconds = seconds("--wait", values.wait, 60);
    const stallSeconds = seconds("--timeout", values.timeout, DEFAULT_STALL_MS / 1000);
    const store = openStore(values.dir, io);
    const files = syncPaths(store.paths);
    let target: TeamTarget;
    try {
      target = requireTeamTarget(projectDirOf(store.paths.root, io), io);
    } catch (error) {
      // A background sync's only witness is the log: a bad setting must be found there too.
      logSyncError(files, error instanceof Error ? error.message : String(error), clockOf(io)());
      throw error;
    }
    const release = await holdSyncLock(files, {
      waitMs: waitSeconds * 1000,
      onWait: (owner) => io.err(`waiting for another sync of ${store.paths.root} (pid ${String(owner ?? "unknown")}) to finish…`),
    });
    let result: SyncResult;
    try {
      result = await syncToTeamStore({ store, target, stallMs: stallSeconds * 1000 });
    } finally {
      release();
    }
    const now = clockOf(io)();
    if (result.error != null) logSyncError(files, result.error.message, now);
    for (const failed of result.failed_sessions) logSyncError(files, `session ${failed.session_id}: ${failed.error}`, now);
    const complete = result.error == null && result.pending_sessions === 0;
    if (values.json) io.out(toJson(syncJson(result, complete)));
    // A failed sync says only what it did ship (if anything) on stdout; the reason goes to stderr.
    else if (complete || result.batches > 0) io.out(syncText(result));
    if (complete) return EXIT.yes;
    io.err(`warden sync: ${failureText(result)}`);
    return EXIT.failure;
  },
});

function seconds(option: string, text: string | undefined, fallback: number): number {
  if (text == null) return fallback;
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n < 0) throw new CliUsageError(`${option} ${text}: give a number of seconds`);
  return n;
}

function syncJson(r: SyncResult, complete: boolean) {
  const { error, ...rest } = r;
  return { complete, ...rest, error: error == null ? null : { kind: error.kind, message: error.message } };
}

function syncText(r: SyncResult): string {
  const shipped =
    r.batches === 0
      ? "nothing new to ship"
      : `shipped ${countOf(r.sessions, "session")}: ${countOf(r.events, "event")}, ${countOf(r.prompts, "prompt")}, ` +
        `${countOf(r.findings, "finding")}${r.duplicates > 0 ? ` (${countOf(r.duplicates, "row")} the store already had)` : ""}`;
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
