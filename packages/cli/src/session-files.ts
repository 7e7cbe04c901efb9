import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import {
  checkpointStatePath,
  EXPORTED_OTEL_FOLDER,
  guardStateDirOf,
  isContainedPath,
  liveStatePath,
  pendingDirOf,
  readMaybeGzipped,
  reportFiles,
  reportModelSchema,
  reportPath,
  sessionLogPath,
  shipCursorPath,
  transcriptCachePath,
  writeSessionReports,
  type PriceTable,
  type ReportModel,
  type SessionStore,
} from "@warden/core";

/**
 * The files one session owns in `.warden/`, plain or gzipped by `warden clean --compress`, and
 * the report reads and writes that keep a compressed session compressed.
 */

const REPORT_EXTS = ["json", "html", "md"] as const;

/** The session file as stored (plain, else `.gz`); undefined when neither exists. */
export function storedLogPath(store: SessionStore, sessionId: string): string | undefined {
  const plain = sessionLogPath(store.paths, sessionId);
  return [plain, `${plain}.gz`].find((f) => fs.existsSync(f));
}

export function isCompressed(store: SessionStore, sessionId: string): boolean {
  return storedLogPath(store, sessionId)?.endsWith(".gz") ?? false;
}

/** When the session file last changed (its last record); null when it has none. */
export function lastActivityMs(store: SessionStore, sessionId: string): number | null {
  const file = storedLogPath(store, sessionId);
  return file == null ? null : fs.statSync(file).mtimeMs;
}

/**
 * Every file and directory the session owns that exists now. Each is checked to lie strictly
 * inside the data directory with no link on the way: `clean` deletes these, and must never delete
 * the directory itself or anything a link inside it points to.
 */
export function ownedPaths(store: SessionStore, sessionId: string): string[] {
  const log = sessionLogPath(store.paths, sessionId);
  const reports = REPORT_EXTS.map((ext) => reportPath(store.paths, sessionId, ext));
  return [
    log,
    `${log}.gz`,
    `${log}.lock`,
    ...reports.flatMap((r) => [r, `${r}.gz`]),
    transcriptCachePath(store.paths, sessionId),
    liveStatePath(store.paths, sessionId),
    pendingDirOf(store.paths, sessionId),
    guardStateDirOf(store.paths, sessionId),
    shipCursorPath(store.paths, sessionId),
    shipCursorPath(store.paths, sessionId, EXPORTED_OTEL_FOLDER),
    checkpointStatePath(store.paths, sessionId),
  ].filter((f) => isContainedPath(store.paths.root, f) && fs.existsSync(f));
}

/** The bytes the files (folders with all they hold) take; what is gone by now counts nothing. */
export function bytesOf(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + bytesOfOne(file), 0);
}

function bytesOfOne(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(file).reduce((sum, name) => sum + bytesOfOne(path.join(file, name)), 0);
}

/** The plain session file and reports, which `clean --compress` turns into `.gz` files. */
export function compressiblePaths(store: SessionStore, sessionId: string): string[] {
  const files = [sessionLogPath(store.paths, sessionId), ...REPORT_EXTS.map((ext) => reportPath(store.paths, sessionId, ext))];
  return files.filter((f) => fs.existsSync(f));
}

/** Replaces `file` by `file.gz` (written atomically, same mtime); returns the new path. */
export function gzipFile(file: string): string {
  const stat = fs.statSync(file);
  const target = `${file}.gz`;
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, gzipSync(fs.readFileSync(file)));
  fs.utimesSync(tmp, stat.atime, stat.mtime);
  fs.renameSync(tmp, target);
  fs.rmSync(file, { force: true });
  return target;
}

/** The session's report data from `reports/<id>.json` or its `.gz`; undefined when absent or unreadable. */
export function readReport(store: SessionStore, sessionId: string): ReportModel | undefined {
  let text: string | undefined;
  try {
    text = readMaybeGzipped(reportPath(store.paths, sessionId, "json"));
  } catch {
    return undefined;
  }
  if (text == null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = reportModelSchema().safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Regenerates the session's reports from its records and transcript. A compressed session's
 * reports are compressed again, so the session stays as `clean --compress` left it.
 */
export async function regenerateReports(
  store: SessionStore,
  sessionId: string,
  now: Date,
  prices?: PriceTable,
): Promise<{ model: ReportModel; paths: string[] }> {
  const compressed = isCompressed(store, sessionId);
  const model = await writeSessionReports(store, sessionId, now, prices ? { prices } : {});
  const written = reportFiles(store, sessionId).filter((f) => fs.existsSync(f));
  const paths = written.map((file) => {
    if (compressed) return gzipFile(file);
    fs.rmSync(`${file}.gz`, { force: true });
    return file;
  });
  return { model, paths };
}
