import fs from "node:fs";
import { EXPORTED_OTEL_FOLDER, loadWardenConfig, sessionBacklog, teamTarget, unsentBytes, type SessionStore } from "@warden/core";
import { CliUsageError, clockOf, type CliIo } from "../cli-io.js";
import { cleanedSession, keepCleanedSession } from "../cleaned-sessions.js";
import { homeOf, openStore, projectDirOf } from "../data-dir.js";
import { countOf, formatBytes, formatTime, toJson } from "../format.js";
import { defineCommand, type CommandArgs } from "../define-command.js";
import { DATA_OPTIONS } from "../parse-command.js";
import { bytesOf, compressiblePaths, gzipFile, lastActivityMs, ownedPaths } from "../session-files.js";
import { rowOrError } from "../session-rows.js";

const CLEAN_OPTIONS = {
  ...DATA_OPTIONS,
  "older-than": { type: "string", value: "AGE", help: "days (d) or hours (h) since the session file last changed" },
  compress: {
    type: "boolean",
    help: "gzip the session file and reports instead of deleting (every reader reads .gz; nothing is lost, so it does not ask)",
  },
  "dry-run": { type: "boolean", help: "print what would be done; change nothing" },
  yes: { type: "boolean", help: "delete without asking" },
  force: { type: "boolean", help: "include open sessions, and sessions the team store does not have yet" },
} as const;

export const CLEAN = defineCommand({
  name: "clean",
  synopsis: "--older-than AGE [--compress] [--dry-run] [--yes] [--force]",
  summary: "deletes (or compresses) sessions whose last activity is older than AGE (e.g. 30d, 12h)",
  details: `with their reports, transcript cache, pending calls and registry lines; open sessions (no end
record) are left alone, and so are sessions not yet shipped when a team store is set (see \`warden sync\`). Their figures (start, tokens and cost by model) stay in cleaned-sessions.jsonl:
\`warden cost\` totals do not change. Deleting asks for confirmation on a terminal (exit status 1 when
declined); elsewhere it needs --yes (without it: exit status 2, nothing deleted)`,
  options: CLEAN_OPTIONS,
  answersNo: "the question was declined; nothing was deleted",
  run: (args, io) => runClean(args, io),
});

/** What clean does to a session; `would-…` in a dry run, where nothing is done. */
type Action = "deleted" | "would-delete" | "compressed" | "would-compress" | "skipped";

interface CleanAction {
  session_id: string;
  action: Action;
  last_activity: string;
  reason?: string;
  /** Paths removed (or that would be), or the `.gz` files written (or that would be). */
  files: string[];
}

interface Planned {
  readonly sessionId: string;
  readonly lastActivity: string;
  readonly kind: "delete" | "compress" | "skip";
  readonly files: string[];
  /** Why a skipped session is kept. */
  readonly reason?: string;
}

export async function runClean({ values }: CommandArgs<typeof CLEAN_OPTIONS>, io: CliIo): Promise<number> {
  if (values["older-than"] == null) throw new CliUsageError("--older-than AGE is required");
  const now = clockOf(io)();
  const cutoff = now.getTime() - parseAge(values["older-than"]);
  const store = openStore(values.dir, io);
  const dryRun = values["dry-run"] ?? false;
  const team = loadWardenConfig(projectDirOf(store.paths.root, io), homeOf(io)).team;
  // Deleting what a destination has not confirmed yet would lose it there.
  const teamStoreSet = teamTarget(io.env, team) != null;
  const unsent = (sessionId: string): boolean =>
    (teamStoreSet && sessionBacklog(store, sessionId, undefined) != null) ||
    (team.otel_logs === true && unsentBytes(store, sessionId, EXPORTED_OTEL_FOLDER) > 0);
  const plan = planClean(store, cutoff, { compress: values.compress ?? false, force: values.force ?? false, unsent });
  const deletions = plan.filter((p) => p.kind === "delete");
  if (!dryRun && deletions.length > 0 && !values.yes) {
    const what = `${countOf(deletions.length, "session")} (${formatBytes(bytesOf(deletions.flatMap((d) => d.files)))})`;
    if (io.confirm == null)
      throw new CliUsageError(
        `would delete ${what} last active before ${formatTime(new Date(cutoff).toISOString())} UTC, and stdin is not a terminal to confirm: ` +
          "pass --yes to delete them (--dry-run lists them first)",
      );
    for (const d of deletions) io.out(`would delete ${d.sessionId} (last activity ${formatTime(d.lastActivity)} UTC)`);
    if (!(await io.confirm(`Delete ${what}? Their records and reports cannot be restored.`))) {
      io.err("warden clean: nothing deleted");
      return 1;
    }
  }
  const actions = plan.map((p) => (dryRun ? dryAction(p) : carryOut(store, p, now)));
  // One rewrite for them all: the registry is locked against the hooks while it is rewritten.
  if (!dryRun) store.removeFromRegistry(new Set(deletions.map((d) => d.sessionId)));
  if (values.json) io.out(toJson({ dry_run: dryRun, older_than: values["older-than"], actions }));
  else for (const line of describe(actions, dryRun, values["older-than"])) io.out(line);
  return 0;
}

/** What clean would do to each session last active before the cutoff; touches nothing. */
function planClean(
  store: SessionStore,
  cutoff: number,
  opts: { compress: boolean; force: boolean; unsent: (sessionId: string) => boolean },
): Planned[] {
  return store.listSessionIds().flatMap((sessionId): Planned[] => {
    const activity = lastActivityMs(store, sessionId);
    if (activity == null || activity >= cutoff) return [];
    const lastActivity = new Date(activity).toISOString();
    const skip = (reason: string): Planned[] => [{ sessionId, lastActivity, kind: "skip", files: [], reason }];
    if (!opts.force && isOpen(store, sessionId)) return skip(OPEN_REASON);
    // Compressing loses nothing (a sync reads .gz); deleting what the team has not got would.
    if (!opts.force && !opts.compress && opts.unsent(sessionId)) return skip(UNSHIPPED_REASON);
    if (!opts.compress) return [{ sessionId, lastActivity, kind: "delete", files: ownedPaths(store, sessionId) }];
    const files = compressiblePaths(store, sessionId);
    return files.length === 0 ? [] : [{ sessionId, lastActivity, kind: "compress", files }];
  });
}

function dryAction(p: Planned): CleanAction {
  const base = { session_id: p.sessionId, last_activity: p.lastActivity };
  switch (p.kind) {
    case "skip":
      return { ...base, action: "skipped", reason: p.reason ?? OPEN_REASON, files: [] };
    case "delete":
      return { ...base, action: "would-delete", files: p.files };
    case "compress":
      return { ...base, action: "would-compress", files: p.files.map((f) => `${f}.gz`) };
  }
}

function carryOut(store: SessionStore, p: Planned, now: Date): CleanAction {
  const base = { session_id: p.sessionId, last_activity: p.lastActivity };
  switch (p.kind) {
    case "skip":
      return { ...base, action: "skipped", reason: p.reason ?? OPEN_REASON, files: [] };
    case "delete":
      // Its figures are kept first: should that fail, the session is still whole.
      keepCleanedSession(store, cleanedSession(store, rowOrError(store, p.sessionId), p.lastActivity, now));
      for (const file of p.files) fs.rmSync(file, { recursive: true, force: true });
      return { ...base, action: "deleted", files: p.files };
    case "compress":
      return { ...base, action: "compressed", files: p.files.map(gzipFile) };
  }
}

const OPEN_REASON = "open (no end record); --force includes it";
const UNSHIPPED_REASON = "not yet in the team store (or the OpenTelemetry collector); run `warden sync` first (--force includes it)";

const UNITS: Record<string, number> = { h: 60 * 60 * 1000, d: 24 * 60 * 60 * 1000 };

/** `30d` or `12h` in milliseconds. */
export function parseAge(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([dh])$/.exec(text.trim());
  const unit = match?.[2] == null ? undefined : UNITS[match[2]];
  if (match == null || unit == null)
    throw new CliUsageError(`--older-than expects a number of days or hours such as 30d or 12h; got "${text.slice(0, 40)}"`);
  return Number(match[1]) * unit;
}

function isOpen(store: SessionStore, sessionId: string): boolean {
  return store.readSession(sessionId).records.at(-1)?.type !== "end";
}

const VERBS: Record<Action, string> = {
  deleted: "deleted",
  "would-delete": "would delete",
  compressed: "compressed",
  "would-compress": "would compress",
  skipped: "skipped",
};

function describe(actions: readonly CleanAction[], dryRun: boolean, olderThan: string): string[] {
  if (actions.length === 0) return [`no session was last active more than ${olderThan} ago: nothing to do`];
  const lines = actions.map(
    (a) => `${VERBS[a.action]} ${a.session_id} (last activity ${formatTime(a.last_activity)} UTC)${a.reason ? `: ${a.reason}` : ""}`,
  );
  const count = (kind: Action) => actions.filter((a) => a.action === kind).length;
  lines.push(
    dryRun
      ? `dry run, nothing changed: would delete ${count("would-delete")}, would compress ${count("would-compress")}, skipped ${count("skipped")}`
      : `${count("deleted")} deleted, ${count("compressed")} compressed, ${count("skipped")} skipped`,
  );
  return lines;
}
