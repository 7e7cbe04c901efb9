import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { timingSafeEqual } from "node:crypto";
import * as z from "zod/mini";
import { isProcessAlive, sleepMs, withFileLock } from "../support/file-lock.js";
import { APPEND_FLAGS, FILE_MODE } from "../support/private-file-flags.js";
import {
  ensureServerDir,
  readServerState,
  removeServerState,
  serverBuildOf,
  serverUrl,
  type ServerPaths,
  type ServerState,
} from "./server-state.js";

/** The header a genuine server answers with; the value is the state file's `proof`. */
export const PROOF_HEADER = "x-warden-proof";

const healthSchema = z.object({
  pid: z.number(),
  build: z.string(),
  started_at: z.string(),
  served: z.number(),
});

/** What `GET /v1/health` tells about a genuine server. */
export type ServerHealth = z.infer<typeof healthSchema>;

export const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Asks the server named by the state for its health, with the token. Undefined when its process
 * is gone (whatever holds the port now is not asked), when nothing answers in time, or when what
 * answers cannot show the proof: it is then not Warden's server.
 */
function probeServer(state: ServerState, timeoutMs = 1_000): Promise<ServerHealth | undefined> {
  if (!isProcessAlive(state.pid)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const req = http.get(
      `${serverUrl(state)}/v1/health`,
      { headers: { authorization: `Bearer ${state.token}` }, timeout: timeoutMs, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const proof = res.headers[PROOF_HEADER];
          if (res.statusCode !== 200 || typeof proof !== "string" || !sameSecret(proof, state.proof)) return resolve(undefined);
          try {
            const parsed = healthSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
            resolve(parsed.success && parsed.data.pid === state.pid ? parsed.data : undefined);
          } catch {
            resolve(undefined);
          }
        });
        res.on("error", () => resolve(undefined));
      },
    );
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(undefined));
  });
}

export interface ServerStatus {
  readonly running: boolean;
  readonly pid: number | null;
  readonly url: string | null;
  readonly build: string | null;
  /** Whether the running server runs the code in `serverFile` (false: started before an update). */
  readonly current: boolean;
  readonly served: number | null;
  readonly startedAt: string | null;
  readonly stateFile: string;
  readonly log: string;
}

/** The server as its clients would find it: named by the state file, alive, and able to prove it is Warden's. */
export async function serverStatus(paths: ServerPaths, serverFile: string): Promise<ServerStatus> {
  const state = readServerState(paths);
  const health = state != null ? await probeServer(state) : undefined;
  return {
    running: health != null,
    pid: health != null ? health.pid : null,
    url: health != null && state != null ? serverUrl(state) : null,
    build: health?.build ?? null,
    // Clients go by the build in the state file: both must be this checkout's.
    current: health != null && state != null && health.build === state.build && state.build === serverBuildOf(serverFile),
    served: health?.served ?? null,
    startedAt: health?.started_at ?? null,
    stateFile: paths.state,
    log: paths.log,
  };
}

export interface EnsureOptions {
  /** The server's entry file (hooks/server.mjs); its content hash is the build to run. */
  readonly serverFile: string;
  /** The environment the server starts with (the caller's: its HOME, its LLM tier's API key). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** How long to wait for a new server to be listening. */
  readonly readyTimeoutMs?: number;
}

/** What ensureServer did: found the right server running, or started one (replacing an old build). */
export type EnsureOutcome =
  | { readonly action: "running"; readonly state: ServerState }
  | { readonly action: "started"; readonly state: ServerState; readonly replacedPid: number | null };

export class ServerStartError extends Error {
  override readonly name = "ServerStartError";
}

const LOG_ROTATE_BYTES = 5 * 1024 * 1024;

/**
 * Makes sure one server of the current build runs for this user, and returns it. Concurrent
 * callers (several sessions starting at once) serialise on the start lock, and each judges again
 * under it, so only the first starts a server. A server of another build (an update since it
 * started) is stopped and replaced; a process that is not Warden's server is never signalled.
 */
export async function ensureServer(paths: ServerPaths, options: EnsureOptions): Promise<EnsureOutcome> {
  const build = serverBuildOf(options.serverFile);
  const before = readStateLeniently(paths);
  const health = before != null ? await probeServer(before) : undefined;
  // The state line is what clients judge (they skip a server it names as another build), so it must agree too.
  if (before != null && before.build === build && health?.build === build) return { action: "running", state: before };
  ensureServerDir(paths);
  return withFileLock(
    paths.startLock,
    () => {
      const now = readStateLeniently(paths);
      // Someone started the right server while this caller waited for the lock.
      if (now != null && now.pid !== before?.pid && now.build === build && isProcessAlive(now.pid))
        return { action: "running", state: now } as const;
      // Only a server that proved itself (same pid, same proof) is stopped; anything else is left be.
      const old = now != null && health != null && now.pid === health.pid && isProcessAlive(now.pid) ? now : undefined;
      if (old != null) stopProcess(old.pid);
      if (now != null) removeServerState(paths, now.pid);
      const pid = spawnServer(paths, options);
      const state = waitForState(paths, pid, options.readyTimeoutMs ?? 5_000);
      return { action: "started", state, replacedPid: old?.pid ?? null } as const;
    },
    { timeoutMs: (options.readyTimeoutMs ?? 5_000) + 4_000 },
  );
}

/** Stops the server if it proves to be Warden's; removes a state file left by a dead one. */
export async function stopServer(paths: ServerPaths): Promise<{ readonly stoppedPid: number | null }> {
  const state = readStateLeniently(paths);
  if (state == null) return { stoppedPid: null };
  const health = await probeServer(state);
  if (health == null) {
    removeServerState(paths, state.pid);
    return { stoppedPid: null };
  }
  stopProcess(state.pid);
  removeServerState(paths, state.pid);
  return { stoppedPid: state.pid };
}

function readStateLeniently(paths: ServerPaths): ServerState | undefined {
  try {
    return readServerState(paths);
  } catch {
    // A damaged state file names no server a client would use; the next start replaces it.
    return undefined;
  }
}

function spawnServer(paths: ServerPaths, { serverFile, env }: EnsureOptions): number {
  rotateLog(paths.log);
  const log = fs.openSync(paths.log, APPEND_FLAGS, FILE_MODE);
  try {
    // Its own session (detached): it outlives the hook or command that started it, and a signal
    // to that process group does not reach it.
    // The folder is named outright: the server announces itself where this caller looks.
    const child = spawn(process.execPath, [serverFile], {
      detached: true,
      stdio: ["ignore", log, log],
      cwd: paths.dir,
      env: { ...env, WARDEN_SERVER_DIR: paths.dir },
    });
    child.unref();
    if (child.pid == null) throw new ServerStartError(`could not start ${serverFile}; see ${paths.log}`);
    return child.pid;
  } finally {
    fs.closeSync(log);
  }
}

function rotateLog(log: string): void {
  try {
    if (fs.statSync(log).size > LOG_ROTATE_BYTES) fs.renameSync(log, `${log}.1`);
  } catch {
    // No log yet.
  }
}

function waitForState(paths: ServerPaths, pid: number, timeoutMs: number): ServerState {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = readStateLeniently(paths);
    if (state?.pid === pid) return state;
    if (!isProcessAlive(pid)) throw new ServerStartError(`the server (pid ${pid}) exited while starting; see ${paths.log}`);
    if (Date.now() > deadline) {
      stopProcess(pid);
      throw new ServerStartError(`the server (pid ${pid}) was not listening within ${timeoutMs} ms; see ${paths.log}`);
    }
    sleepMs(10);
  }
}

/** SIGTERM (the server finishes the calls it is serving), then SIGKILL after 3 s. */
function stopProcess(pid: number): void {
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  };
  signal("SIGTERM");
  const deadline = Date.now() + 3_000;
  while (isProcessAlive(pid) && Date.now() < deadline) sleepMs(10);
  if (isProcessAlive(pid)) signal("SIGKILL");
  while (isProcessAlive(pid) && Date.now() < deadline + 1_000) sleepMs(10);
}
