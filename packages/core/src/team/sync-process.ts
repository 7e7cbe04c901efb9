import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { appendContained } from "../store/contained-path.js";
import { tryHoldFileLock } from "../support/file-lock.js";
import { APPEND_FLAGS, FILE_MODE } from "../support/private-file-flags.js";
import type { WardenPaths } from "../store/warden-paths.js";
import type { HookContext } from "../hook/hook-context.js";
import { teamTarget } from "./team-target.js";
import { registerOutbox } from "./outbox-registry.js";

/** The files of shipping to the team store, all inside the data directory. */
export interface SyncPaths {
  /** Held by the one sync running for this data directory. */
  readonly lock: string;
  /** What detached syncs print (their stdout and stderr). */
  readonly log: string;
  /** One line per failed sync or refused session: the outbox's error log. */
  readonly errorLog: string;
}

export function syncPaths(paths: WardenPaths): SyncPaths {
  return {
    lock: path.join(paths.root, "sync.lock"),
    log: path.join(paths.root, "sync.log"),
    errorLog: path.join(paths.root, "sync-errors.log"),
  };
}

export class SyncBusyError extends Error {
  override readonly name = "SyncBusyError";
}

/**
 * Waits until no other sync of this data directory runs, then holds the lock until the returned
 * release is called. Two syncs at once would ship the same records twice (harmless, the store
 * keeps one) and race on the cursors; one after the other, the second finds little left.
 */
export async function holdSyncLock(
  paths: SyncPaths,
  options: { readonly waitMs: number; readonly onWait?: (owner: number | undefined) => void },
): Promise<() => void> {
  const deadline = Date.now() + options.waitMs;
  let told = false;
  for (;;) {
    const held = tryHoldFileLock(paths.lock);
    if (typeof held === "function") return held;
    if (!told) options.onWait?.(held.owner);
    told = true;
    if (Date.now() >= deadline)
      throw new SyncBusyError(`another sync (pid ${String(held.owner ?? "unknown")}) is still running after ${options.waitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The error log is kept short: past this size it is moved to `.1` (one old copy). */
const LOG_ROTATE_BYTES = 1024 * 1024;

/** Appends one line to the sync error log, private and rotated, never through a link. */
export function logSyncError(paths: SyncPaths, message: string, now: Date): void {
  rotate(paths.errorLog);
  appendContained(paths.errorLog, `${now.toISOString()} ${message.replace(/\s*\n\s*/g, " ")}\n`);
}

function rotate(file: string): void {
  try {
    if (fs.statSync(file).size > LOG_ROTATE_BYTES) fs.renameSync(file, `${file}.1`);
  } catch {
    // No log yet.
  }
}

/**
 * Starts `warden sync` for the data directory in its own session: it outlives the SessionEnd hook
 * that starts it and Claude Code itself, and never delays either. Returns its pid.
 */
export function startDetachedSync(options: {
  readonly wardenFile: string;
  readonly paths: WardenPaths;
  readonly env: Readonly<Record<string, string | undefined>>;
}): number | undefined {
  const files = syncPaths(options.paths);
  rotate(files.log);
  const log = fs.openSync(files.log, APPEND_FLAGS, FILE_MODE);
  try {
    // --all: also the outboxes of other projects a failed sync left behind (see outbox-registry).
    const child = spawn(process.execPath, [options.wardenFile, "sync", "--dir", options.paths.root, "--all", "--wait", "600"], {
      detached: true,
      stdio: ["ignore", log, log],
      cwd: options.paths.root,
      env: options.env,
    });
    child.unref();
    return child.pid;
  } finally {
    fs.closeSync(log);
  }
}

/**
 * At SessionEnd, when a team store or the OpenTelemetry export is set: ships in the background
 * what this data directory holds. Best-effort by design: a failure to start is written to the
 * sync error log and the records wait in the outbox for the next sync; the hook never fails for it.
 */
export function startSessionEndSync(ctx: Pick<HookContext, "env" | "config" | "hooksDir" | "store" | "now" | "home">): void {
  // The OpenTelemetry export alone (no database) is a destination too.
  const destinationSet = teamTarget(ctx.env, ctx.config.team) != null || ctx.config.team.otel_logs === true;
  if (!destinationSet || ctx.config.team.sync_at_session_end === false) return;
  const files = syncPaths(ctx.store.paths);
  const logError = (what: string, error: unknown): void =>
    logSyncError(files, `${what}: ${error instanceof Error ? error.message : String(error)}`, ctx.now());
  try {
    registerOutbox(ctx.env, ctx.home, ctx.store.paths.root);
  } catch (error) {
    logError("this project could not be listed for syncs started elsewhere", error);
  }
  try {
    if (ctx.hooksDir == null) throw new Error("the hooks folder is unknown, so warden.mjs cannot be found");
    startDetachedSync({ wardenFile: path.join(ctx.hooksDir, "warden.mjs"), paths: ctx.store.paths, env: ctx.env });
  } catch (error) {
    logError("sync at session end not started", error);
  }
}
