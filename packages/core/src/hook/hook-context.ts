import os from "node:os";
import path from "node:path";
import { NO_POLICY, NO_SCANNER, type ContentScanner, type ToolPolicy } from "../guard-policy.js";
import type { HookPayload } from "./hook-payload.js";
import { SessionStore } from "../store/session-store.js";
import { loadWardenConfig, type ResolvedConfig } from "../config/warden-config.js";
import { isProcessAlive } from "../support/file-lock.js";
import { meaningfulPid, parsePid } from "../support/process-id.js";
import { guardStateDirOf, resolveWardenDir } from "../store/warden-paths.js";
import { ensureContainedDir } from "../store/contained-path.js";
import { serverPaths, type ServerPaths } from "../resident/server-state.js";

/** The world a handler may touch, passed in so tests (and a resident server) supply their own. */
export interface HookWorld {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => Date;
  readonly home: string;
  /** The Claude Code process that started this hook (its parent); null when unknown. */
  readonly claudePid: number | null;
  /** Whether a process still runs; stale-session detection asks it about recorded Claude Code pids. */
  readonly isProcessAlive: (pid: number) => boolean;
  /** The folder of the hook file being run (the guard's own code), when it is one of Warden's hooks. */
  readonly hooksDir?: string;
  /** True in the resident server: what is built once (a guard) serves many calls. */
  readonly longLived?: boolean;
  /** Set when the hooks are wired in resident mode (`--server`): the server SessionStart keeps running. */
  readonly residentServer?: { readonly serverFile: string; readonly paths: ServerPaths };
}

export interface HookContext extends HookWorld {
  readonly store: SessionStore;
  /** Where the session started: CLAUDE_PROJECT_DIR, else the payload's cwd. */
  readonly projectDir: string;
  readonly config: ResolvedConfig;
  readonly policy: ToolPolicy;
  readonly scanner: ContentScanner;
  /** Set when stdin was cut off by the deadline: the payload is what had come, and its records say so. */
  readonly inputCutOffAfterMs?: number;
}

/** What a guard factory may use to build the policy or scanner of one session. */
export interface GuardSetup {
  readonly config: ResolvedConfig;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly projectDir: string;
  /**
   * The guard's own folders (the hooks it runs from; the plugin's root and data folder when run as
   * the Claude Code plugin; the resident server's folder): writing there could switch it off.
   */
  readonly guardDirs: readonly string[];
  /**
   * A directory of this session's own for the guard's state (e.g. the LLM tier's cache and budget),
   * made when called; it refuses a path that a link or `..` would lead outside the data dir.
   */
  readonly stateDir: (name: string) => string;
  /** Records a problem (in errors.log) when part of the config could not be used. */
  readonly warn: (message: string) => void;
  /** True in the resident server, where a guard, once built, serves many calls. */
  readonly longLived: boolean;
}

/** How a hook builds its guard; each part is built on first use. */
export interface GuardFactories {
  readonly policy?: (setup: GuardSetup) => ToolPolicy;
  readonly scanner?: (setup: GuardSetup) => ContentScanner;
}

/**
 * How long a hook waits for a session's lock. Claude Code discards the output of a hook that
 * overruns its timeout (10 s as Warden wires it): the recording must give up first, so the
 * decision printed before it still counts.
 */
export const HOOK_LOCK_TIMEOUT_MS = 7_000;

export function realWorld(): HookWorld {
  const home = process.env.HOME || os.homedir();
  const hooksDir = hooksDirOf(process.argv[1]);
  return {
    env: process.env,
    now: () => new Date(),
    home,
    // Claude Code is the hook's parent, unless the resident hook client ran this hook for it: that
    // client is then the parent, and names Claude Code in WARDEN_CLAUDE_PID.
    claudePid: meaningfulPid(parsePid(process.env.WARDEN_CLAUDE_PID) ?? process.ppid),
    isProcessAlive,
    ...(hooksDir == null ? {} : { hooksDir }),
    // `node session-start.mjs --server`: the wiring of resident mode, where SessionStart starts the server.
    ...(hooksDir != null && process.argv.slice(2).includes("--server")
      ? { residentServer: { serverFile: path.join(hooksDir, "server.mjs"), paths: serverPaths(process.env, home) } }
      : {}),
  };
}

const HOOK_FILE = /[\\/](?:session-start|post-tool-guard|session-end|server)\.mjs$/;

/** The running script's folder when the script is one of Warden's hooks (not a test runner's). */
function hooksDirOf(script: string | undefined): string | undefined {
  return script != null && HOOK_FILE.test(script) ? path.dirname(path.resolve(script)) : undefined;
}

export function createHookContext(
  payload: Pick<HookPayload, "cwd" | "session_id">,
  world: HookWorld,
  guard: GuardFactories = {},
  inputCutOffAfterMs?: number,
): HookContext {
  const projectDir = path.resolve(world.env.CLAUDE_PROJECT_DIR || payload.cwd);
  const config = loadWardenConfig(projectDir, world.home);
  const store = new SessionStore(resolveWardenDir({ env: world.env, cwd: payload.cwd }), world.now, {
    lock: { timeoutMs: HOOK_LOCK_TIMEOUT_MS },
    redact: config.redact,
  });
  const setup: GuardSetup = {
    config,
    env: world.env,
    projectDir,
    guardDirs: [world.hooksDir, world.env.CLAUDE_PLUGIN_ROOT, world.env.CLAUDE_PLUGIN_DATA, serverPaths(world.env, world.home).dir].filter(
      (dir): dir is string => dir != null && dir !== "",
    ),
    stateDir: (name) => {
      const dir = path.join(guardStateDirOf(store.paths, payload.session_id), name);
      ensureContainedDir(store.paths.root, dir);
      return dir;
    },
    warn: (message) => store.appendError({ hook: "config", session_id: payload.session_id, message }),
    longLived: world.longLived === true,
  };
  let policy: ToolPolicy | undefined;
  let scanner: ContentScanner | undefined;
  // Built on first use: a PostToolUse never needs the command policy, a PreToolUse rarely the scanner.
  return {
    ...world,
    projectDir,
    config,
    store,
    ...(inputCutOffAfterMs === undefined ? {} : { inputCutOffAfterMs }),
    get policy() {
      return (policy ??= guard.policy?.(setup) ?? NO_POLICY);
    },
    get scanner() {
      return (scanner ??= guard.scanner?.(setup) ?? NO_SCANNER);
    },
  };
}
