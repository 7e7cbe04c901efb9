import path from "node:path";

/** Where Warden keeps a project's data, and the name of every file in it. */
export interface WardenPaths {
  readonly root: string;
  readonly registry: string;
  readonly errorsLog: string;
  readonly sessionsDir: string;
  readonly reportsDir: string;
  readonly pendingDir: string;
}

export interface WardenDirInputs {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The payload's `cwd`, used when Claude Code did not set CLAUDE_PROJECT_DIR. */
  readonly cwd: string;
}

/** `WARDEN_DIR` wins; else `<project>/.warden` with project = CLAUDE_PROJECT_DIR, else the payload's cwd. */
export function resolveWardenDir({ env, cwd }: WardenDirInputs): string {
  if (env.WARDEN_DIR) return path.resolve(env.WARDEN_DIR);
  return path.join(path.resolve(env.CLAUDE_PROJECT_DIR || cwd), ".warden");
}

export function wardenPaths(root: string): WardenPaths {
  return {
    root,
    registry: path.join(root, "sessions.jsonl"),
    errorsLog: path.join(root, "errors.log"),
    sessionsDir: path.join(root, "sessions"),
    reportsDir: path.join(root, "reports"),
    pendingDir: path.join(root, "pending"),
  };
}

/**
 * Session ids name files and folders in the data directory, wherever they come from (a payload,
 * a file name, a command line): only plain identifiers, so no id can reach outside it.
 */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function isSafeSessionId(id: string): boolean {
  return SESSION_ID_PATTERN.test(id) && !id.includes("..");
}

export class UnsafeSessionIdError extends Error {
  override readonly name = "UnsafeSessionIdError";
}

/** The id itself when it is safe to name a file with; throws otherwise (never builds such a path). */
export function checkedSessionId(id: string): string {
  if (!isSafeSessionId(id))
    throw new UnsafeSessionIdError(`refusing session id ${JSON.stringify(id.slice(0, 80))}: not a plain identifier`);
  return id;
}

export function sessionLogPath(paths: WardenPaths, sessionId: string): string {
  return path.join(paths.sessionsDir, `${checkedSessionId(sessionId)}.jsonl`);
}

export function reportPath(paths: WardenPaths, sessionId: string, ext: "json" | "html" | "md"): string {
  return path.join(paths.reportsDir, `${checkedSessionId(sessionId)}.${ext}`);
}

/** The session's folder of pending calls. */
export function pendingDirOf(paths: WardenPaths, sessionId: string): string {
  return path.join(paths.pendingDir, checkedSessionId(sessionId));
}

/** The guard's own state for the session (the LLM tier's answer cache and call budget). */
export function guardStateDirOf(paths: WardenPaths, sessionId: string): string {
  return path.join(paths.root, "guard", checkedSessionId(sessionId));
}

/** The kinds of action the session's prompts asked for (see asked-actions.ts). */
export function askedActionsPath(paths: WardenPaths, sessionId: string): string {
  return path.join(guardStateDirOf(paths, sessionId), "asked-actions.json");
}

/** Where the transcript reader notes how far it read the session's transcript. */
export function transcriptCachePath(paths: WardenPaths, sessionId: string): string {
  return path.join(paths.root, "cache", `${checkedSessionId(sessionId)}.transcript.json`);
}

/** Whether `file` lies strictly inside the data directory `root` (never the root itself or above it). */
/** Where the session's last commit checkpoint ended (provenance), so the next segment starts there. */
export function checkpointStatePath(paths: WardenPaths, sessionId: string): string {
  return path.join(paths.root, "provenance", "checkpoints", `${checkedSessionId(sessionId)}.json`);
}

export function isInsideRoot(root: string, file: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(file));
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** PreToolUse leaves a note per allowed call here; PostToolUse turns it into the event record. */
export function pendingCallPath(paths: WardenPaths, sessionId: string, toolUseId: string): string {
  const safe = toolUseId.replace(/[^A-Za-z0-9._-]/g, "_");
  return path.join(pendingDirOf(paths, sessionId), `${safe}.json`);
}
