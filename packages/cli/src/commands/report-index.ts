import fs from "node:fs";
import path from "node:path";
import {
  claudeConfigDir,
  indexPagePath,
  readUsageHistory,
  renderIndexPage,
  SessionStore,
  writeFileAtomic,
  writeIndexPage,
  type IndexSession,
} from "@warden/core";
import { clockOf, CliFailure, CliUsageError, type CliIo } from "../cli-io.js";
import { homeOf, openStore, resolveDataDir } from "../data-dir.js";
import { toJson } from "../format.js";
import { timeZoneOption } from "../time-zone-option.js";
import { recordedIndexSession } from "../index-sessions.js";
import { machineIndexSessions } from "../machine-index-sessions.js";
import { allSessionRows } from "../session-rows.js";

/** What `warden report --index` was asked. */
export interface IndexQuery {
  readonly dir: string | undefined;
  readonly allProjects: boolean;
  readonly claudeDir: string | undefined;
  /** A file, or `-` for stdout; the data directory's `reports/index.html` when absent. */
  readonly out: string | undefined;
  readonly timeZone: string | undefined;
  readonly json: boolean;
}

const STDOUT = "-";

/**
 * Writes the index page: this project's recorded sessions, or with --all-projects every session
 * of the machine's transcripts joined with the data directories that recorded them. Warden writes
 * only into its data directory unless told where (--out); with no data directory and no --out
 * there is nowhere to write, and the command says so.
 */
export async function runReportIndex(query: IndexQuery, io: CliIo): Promise<number> {
  if (query.out === STDOUT && query.json) throw new CliUsageError("--out - writes the page to stdout: it cannot be combined with --json");
  const now = clockOf(io)();
  const timeZone = timeZoneOption(query.timeZone, io);
  // This project's data directory: required for its sessions, optional (where to write) with --all-projects.
  const local = query.allProjects ? optionalStore(query.dir, io, now) : openStore(query.dir, io, () => now);
  const target = outputOf(query.out, local, io);
  // A page on stdout is saved by the caller, most likely where they are: its links start from there.
  const place = { pageDir: target.kind === "stdout" ? path.resolve(io.cwd) : path.dirname(target.file), home: homeOf(io) };
  const sources: string[] = local == null ? [] : [local.paths.root];
  let sessions: IndexSession[] = [];
  if (query.allProjects) {
    const claudeDir = query.claudeDir == null ? claudeConfigDir(io.env, homeOf(io)) : path.resolve(io.cwd, query.claudeDir);
    sources.push(claudeDir);
    sessions = await machineIndexSessions(await readUsageHistory(claudeDir), { claudeDir, place, local, now });
  } else if (local != null) {
    sessions = allSessionRows(local).map((row) => recordedIndexSession(local, row, place));
  }
  const html = renderIndexPage({
    generated_at: now.toISOString(),
    time_zone: timeZone,
    sources,
    sessions,
    warden_version: io.version ?? null,
  });
  if (target.kind === "stdout") {
    io.out(html.trimEnd());
    return 0;
  }
  const file = target.kind === "data_dir" ? writeIndexPage(target.dataDir, html) : writeOut(target.file, html);
  if (query.json) {
    const known = sessions.flatMap((s) => (s.cost_usd == null ? [] : [s.cost_usd]));
    io.out(
      toJson({
        path: file,
        sessions: sessions.length,
        recorded_sessions: sessions.filter((s) => s.recorded).length,
        total_cost_usd: Math.round(known.reduce((sum, usd) => sum + usd, 0) * 1e12) / 1e12,
        unknown_cost_sessions: sessions.length - known.length,
      }),
    );
  } else io.out(file);
  return 0;
}

type Target = { kind: "stdout" } | { kind: "file"; file: string } | { kind: "data_dir"; dataDir: string; file: string };

function outputOf(out: string | undefined, local: SessionStore | null, io: CliIo): Target {
  if (out === STDOUT) return { kind: "stdout" };
  if (out != null && out !== "") return { kind: "file", file: path.resolve(io.cwd, out) };
  if (local != null) return { kind: "data_dir", dataDir: local.paths.root, file: indexPagePath(local.paths.root) };
  throw new CliFailure(
    `no .warden directory found in ${path.resolve(io.cwd)} or above it to write the index into (Warden writes only into its data ` +
      `directory): name the file, --out FILE, or print the page, --out -`,
  );
}

/** With --all-projects a data directory is optional: there may be none where the command runs. */
function optionalStore(dir: string | undefined, io: CliIo, now: Date): SessionStore | null {
  // A named one must exist: a mistyped --dir or WARDEN_DIR is an error, not "no data directory".
  if (dir != null || io.env.WARDEN_DIR) return openStore(dir, io, () => now);
  try {
    return new SessionStore(resolveDataDir(undefined, io), () => now);
  } catch (error) {
    if (error instanceof CliFailure) return null;
    throw error;
  }
}

/** A file the user named: written where asked, atomically; its folder must exist. */
function writeOut(file: string, html: string): string {
  const folder = path.dirname(file);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
    throw new CliFailure(`--out ${file}: the folder ${folder} does not exist; create it or name a file in an existing folder`);
  writeFileAtomic(file, html);
  return file;
}
