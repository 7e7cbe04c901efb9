import fs from "node:fs";
import path from "node:path";
import { isCode, withFileLock, type LockOptions } from "../support/file-lock.js";
import { pendingCallSchema, type PendingCall } from "./pending-call.js";
import { askedActionsSchema } from "./asked-actions.js";
import type { ActionClass } from "../injection/signals/action-classes.js";
import { appendSessionRecords, readSessionLog, type ComposeRecords, type SessionLog } from "./session-log.js";
import { readSessionEdges, type SessionEdges } from "./session-edges.js";
import { withoutSessions } from "./session-registry.js";
import type { RecordDraft, RegistryLine, SessionRecord } from "./session-record.js";
import { appendContained, ensureContainedDir } from "./contained-path.js";
import { FILE_MODE } from "../support/private-file-flags.js";
import {
  askedActionsPath,
  isSafeSessionId,
  pendingCallPath,
  pendingDirOf,
  reportPath,
  sessionLogPath,
  wardenPaths,
  type WardenPaths,
} from "./warden-paths.js";

export interface StoreOptions {
  /** How long an append waits for the session's lock (a hook must answer within its timeout). */
  readonly lock?: LockOptions;
  /** Mask secrets in records and reports (the default); false keeps raw text (`redact: "off"`). */
  readonly redact?: boolean;
}

/**
 * Everything that touches one project's `.warden/` directory. Holds no state but its paths, so
 * one instance can serve a hook process or a long-running server alike.
 */
export class SessionStore {
  readonly paths: WardenPaths;
  private readonly now: () => Date;
  private readonly options: StoreOptions;

  constructor(root: string, now: () => Date = () => new Date(), options: StoreOptions = {}) {
    this.paths = wardenPaths(root);
    this.now = now;
    this.options = options;
  }

  /** Whether secrets are masked in what this store writes (records, reports): on unless turned off. */
  get redacts(): boolean {
    return this.options.redact !== false;
  }

  /** Creates the directory with a `.gitignore` of `*`: recorded prompts and files must never be committed. */
  ensureLayout(): void {
    ensureContainedDir(this.paths.root, this.paths.sessionsDir);
    const ignore = path.join(this.paths.root, ".gitignore");
    if (!fs.existsSync(ignore)) writeFileAtomic(ignore, "*\n");
  }

  /** Appends records chosen under the session's lock; see appendSessionRecords. */
  appendWith(sessionId: string, compose: ComposeRecords): SessionRecord[] {
    this.ensureLayout();
    return appendSessionRecords(sessionLogPath(this.paths, sessionId), compose, this.now, this.options);
  }

  append(sessionId: string, draft: RecordDraft): SessionRecord {
    const [record] = this.appendWith(sessionId, () => [draft]);
    if (record == null) throw new Error("append wrote no record");
    return record;
  }

  readSession(sessionId: string): SessionLog {
    return readSessionLog(sessionLogPath(this.paths, sessionId));
  }

  /**
   * How many bytes of records the session holds, without reading them: its plain file's size,
   * else the size its `.gz` declares; 0 when there is neither.
   */
  sessionBytes(sessionId: string): number {
    const file = sessionLogPath(this.paths, sessionId);
    try {
      return fs.statSync(file).size;
    } catch (error) {
      if (!isCode(error, "ENOENT")) throw error;
    }
    return gzippedSize(`${file}.gz`);
  }

  /** The first and last records of the session's plain file, in bounded memory (see readSessionEdges). */
  sessionEdges(sessionId: string): SessionEdges {
    return readSessionEdges(sessionLogPath(this.paths, sessionId));
  }

  /** Every recorded session id, plain or compressed, sorted. */
  listSessionIds(): string[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.paths.sessionsDir);
    } catch (error) {
      if (isCode(error, "ENOENT")) return [];
      throw error;
    }
    // A file name is untrusted (a cloned repository can ship any): only plain ids are sessions.
    const ids = names.flatMap((n) => /^(.+)\.jsonl(?:\.gz)?$/.exec(n)?.[1] ?? []).filter(isSafeSessionId);
    return [...new Set(ids)].toSorted();
  }

  /** A full id from a unique prefix of one; explains ambiguity or absence. */
  resolveSessionId(prefix: string): string {
    const ids = this.listSessionIds();
    if (ids.includes(prefix)) return prefix;
    const matches = ids.filter((id) => id.startsWith(prefix));
    if (matches.length === 1 && matches[0] != null) return matches[0];
    if (matches.length === 0) throw new UnknownSessionError(`no session matches "${prefix}" in ${this.paths.sessionsDir}`);
    throw new UnknownSessionError(
      `"${prefix}" matches ${matches.length} sessions: ${matches.slice(0, 5).join(", ")}${matches.length > 5 ? ", …" : ""}`,
    );
  }

  /**
   * One line per write with O_APPEND, under the registry's lock: `removeFromRegistry` rewrites the
   * file under it, and a line appended to the old file while it does so would be lost.
   */
  appendRegistry(line: RegistryLine): void {
    this.ensureLayout();
    withFileLock(this.registryLock, () => appendContained(this.paths.registry, `${JSON.stringify(line)}\n`), this.options.lock);
  }

  /**
   * Drops the registry lines of the sessions (`warden clean` deleted them), keeping every other
   * line; returns how many were dropped. The new file replaces the old one atomically, under the
   * lock every append takes, so no line of a live session is lost or torn.
   */
  removeFromRegistry(sessionIds: ReadonlySet<string>): number {
    if (sessionIds.size === 0) return 0;
    return withFileLock(
      this.registryLock,
      () => {
        let text: string;
        try {
          text = fs.readFileSync(this.paths.registry, "utf8");
        } catch (error) {
          if (isCode(error, "ENOENT")) return 0;
          throw error;
        }
        const kept = withoutSessions(text, sessionIds);
        if (kept.removed > 0) writeFileAtomic(this.paths.registry, kept.text);
        return kept.removed;
      },
      this.options.lock,
    );
  }

  private get registryLock(): string {
    return `${this.paths.registry}.lock`;
  }

  savePendingCall(sessionId: string, call: PendingCall): void {
    const file = pendingCallPath(this.paths, sessionId, call.tool_use_id);
    ensureContainedDir(this.paths.root, path.dirname(file));
    writeFileAtomic(file, JSON.stringify(call));
  }

  /** The note PreToolUse left for this call, if any. */
  readPendingCall(sessionId: string, toolUseId: string): PendingCall | undefined {
    return readPending(pendingCallPath(this.paths, sessionId, toolUseId));
  }

  /** Removed only once the call's event is written, so a failed write leaves the call pending, not lost. */
  removePendingCall(sessionId: string, toolUseId: string): void {
    const file = pendingCallPath(this.paths, sessionId, toolUseId);
    ensureContainedDir(this.paths.root, path.dirname(file));
    fs.rmSync(file, { force: true });
  }

  /** Returns and removes every note left for the session: calls that never reported back. */
  takeAllPendingCalls(sessionId: string): PendingCall[] {
    const dir = pendingDirOf(this.paths, sessionId);
    if (!fs.existsSync(dir)) return [];
    ensureContainedDir(this.paths.root, dir);
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch (error) {
      if (isCode(error, "ENOENT")) return [];
      throw error;
    }
    const calls = names.filter((n) => n.endsWith(".json")).flatMap((n) => readPending(path.join(dir, n)) ?? []);
    fs.rmSync(dir, { recursive: true, force: true });
    return calls.toSorted((a, b) => a.timestamp_start.localeCompare(b.timestamp_start));
  }

  /** Adds to the kinds of action the session's prompts asked for; writes only when a kind is new. */
  addAskedActions(sessionId: string, actions: readonly ActionClass[]): void {
    const known = this.readAskedActions(sessionId) ?? [];
    const all = [...new Set([...known, ...actions])].toSorted();
    if (all.length === known.length) return;
    const file = askedActionsPath(this.paths, sessionId);
    ensureContainedDir(this.paths.root, path.dirname(file));
    writeFileAtomic(file, JSON.stringify({ actions: all }));
  }

  /** The kinds of action the session's prompts asked for; undefined when none is recorded (or the file is unreadable). */
  readAskedActions(sessionId: string): ActionClass[] | undefined {
    return readSmallJson(askedActionsPath(this.paths, sessionId), askedActionsSchema())?.actions;
  }

  writeReport(sessionId: string, ext: "json" | "html" | "md", content: string): string {
    const file = reportPath(this.paths, sessionId, ext);
    ensureContainedDir(this.paths.root, path.dirname(file));
    writeFileAtomic(file, content);
    return file;
  }

  appendError(entry: Record<string, unknown>): void {
    ensureContainedDir(this.paths.root, this.paths.root);
    appendContained(this.paths.errorsLog, `${JSON.stringify({ timestamp: this.now().toISOString(), ...entry })}\n`);
  }
}

export class UnknownSessionError extends Error {
  override readonly name = "UnknownSessionError";
}

/**
 * The uncompressed size a gzip file declares in its last four bytes (modulo 4 GiB, as gzip keeps
 * it: a session past 4 GiB compressed would read as smaller); 0 when there is no such file.
 */
function gzippedSize(file: string): number {
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (error) {
    if (isCode(error, "ENOENT")) return 0;
    throw error;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size < 4) return 0;
    const trailer = Buffer.alloc(4);
    fs.readSync(fd, trailer, 0, 4, size - 4);
    return trailer.readUInt32LE(0);
  } finally {
    fs.closeSync(fd);
  }
}

function readPending(file: string): PendingCall | undefined {
  return readSmallJson(file, pendingCallSchema());
}

/** A small JSON file of the store, checked against its schema; undefined when absent or not what it should be. */
export function readSmallJson<T>(
  file: string,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
): T | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if (isCode(error, "ENOENT")) return undefined;
    throw error;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes beside the target and renames over it, so a reader never sees half a file. The rename
 * replaces a link at the target instead of following it; the new file is private (0600).
 */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, content, { flag: "wx", mode: FILE_MODE });
  fs.renameSync(tmp, file);
}
