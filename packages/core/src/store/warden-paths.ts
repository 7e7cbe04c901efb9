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

export function sessionLogPath(paths: WardenPaths, sessionId: string): string {
  return path.join(paths.sessionsDir, `${sessionId}.jsonl`);
}

export function reportPath(paths: WardenPaths, sessionId: string, ext: "json" | "html" | "md"): string {
  return path.join(paths.reportsDir, `${sessionId}.${ext}`);
}

/** PreToolUse leaves a note per allowed call here; PostToolUse turns it into the event record. */
export function pendingCallPath(paths: WardenPaths, sessionId: string, toolUseId: string): string {
  const safe = toolUseId.replace(/[^A-Za-z0-9._-]/g, "_");
  return path.join(paths.pendingDir, sessionId, `${safe}.json`);
}
