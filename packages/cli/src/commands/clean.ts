import fs from "node:fs";
import type { SessionStore } from "@warden/core";
import { CliUsageError, clockOf, type CliIo } from "../cli-io.js";
import { openStore } from "../data-dir.js";
import { formatTime, toJson } from "../format.js";
import { defineCommand, type CommandArgs } from "../define-command.js";
import { DATA_OPTIONS } from "../parse-command.js";
import { compressiblePaths, gzipFile, lastActivityMs, ownedPaths } from "../session-files.js";

const CLEAN_OPTIONS = {
  ...DATA_OPTIONS,
  "older-than": { type: "string", value: "AGE", help: "days (d) or hours (h) since the session file last changed" },
  compress: { type: "boolean", help: "gzip the session file and reports instead of deleting (every reader reads .gz)" },
  "dry-run": { type: "boolean", help: "print what would be done; change nothing" },
  force: { type: "boolean", help: "include open sessions" },
} as const;

export const CLEAN = defineCommand({
  name: "clean",
  synopsis: "--older-than AGE [--compress] [--dry-run] [--force]",
  summary: "deletes (or compresses) sessions whose last activity is older than AGE (e.g. 30d, 12h)",
  details: `with their reports, transcript cache and pending calls; open sessions (no end record) are
left alone`,
  options: CLEAN_OPTIONS,
  run: (args, io) => runClean(args, io),
});

interface CleanAction {
  session_id: string;
  action: "deleted" | "compressed" | "skipped";
  last_activity: string;
  reason?: string;
  /** Paths removed, or the `.gz` files written. */
  files: string[];
}

export function runClean({ values }: CommandArgs<typeof CLEAN_OPTIONS>, io: CliIo): number {
  if (values["older-than"] == null) throw new CliUsageError("--older-than AGE is required");
  const cutoff = clockOf(io)().getTime() - parseAge(values["older-than"]);
  const store = openStore(values.dir, io);
  const dryRun = values["dry-run"] ?? false;
  const actions: CleanAction[] = [];
  for (const sessionId of store.listSessionIds()) {
    const activity = lastActivityMs(store, sessionId);
    if (activity == null || activity >= cutoff) continue;
    const base = { session_id: sessionId, last_activity: new Date(activity).toISOString() };
    if (!values.force && isOpen(store, sessionId)) {
      actions.push({ ...base, action: "skipped", reason: "open (no end record); --force includes it", files: [] });
    } else if (values.compress) {
      const files = compressiblePaths(store, sessionId);
      if (files.length > 0)
        actions.push({ ...base, action: "compressed", files: dryRun ? files.map((f) => `${f}.gz`) : files.map(gzipFile) });
    } else {
      const files = ownedPaths(store, sessionId);
      if (!dryRun) for (const file of files) fs.rmSync(file, { recursive: true, force: true });
      actions.push({ ...base, action: "deleted", files });
    }
  }
  if (values.json) io.out(toJson({ dry_run: dryRun, older_than: values["older-than"], actions }));
  else for (const line of describe(actions, dryRun)) io.out(line);
  return 0;
}

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

function describe(actions: readonly CleanAction[], dryRun: boolean): string[] {
  const verb = {
    deleted: dryRun ? "would delete" : "deleted",
    compressed: dryRun ? "would compress" : "compressed",
    skipped: "skipped",
  } as const;
  const lines = actions.map(
    (a) => `${verb[a.action]} ${a.session_id} (last activity ${formatTime(a.last_activity)} UTC)${a.reason ? `: ${a.reason}` : ""}`,
  );
  const count = (kind: CleanAction["action"]) => actions.filter((a) => a.action === kind).length;
  lines.push(
    `${count("deleted")} deleted, ${count("compressed")} compressed, ${count("skipped")} skipped${dryRun ? " (dry run: nothing changed)" : ""}`,
  );
  return lines;
}
