import fs from "node:fs";

/**
 * A cross-process mutex on one path, made of an exclusively created lock file.
 * Claude Code starts one hook process per tool call and runs those of parallel calls at once;
 * the lock is what keeps their record ids sequential. Held for well under a millisecond, so a
 * lock older than `staleMs`, or one whose owner is gone, belongs to a killed process and is broken.
 */
export interface LockOptions {
  readonly staleMs?: number;
  readonly timeoutMs?: number;
}

export class LockTimeoutError extends Error {
  override readonly name = "LockTimeoutError";
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleepMs(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

export function withFileLock<T>(lockPath: string, fn: () => T, options: LockOptions = {}): T {
  const staleMs = options.staleMs ?? 2_000;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let fd: number | undefined;
  for (let attempt = 0; fd == null; attempt++) {
    try {
      fd = fs.openSync(lockPath, "wx");
    } catch (error) {
      if (!isCode(error, "EEXIST")) throw error;
      if (breakIfStale(lockPath, staleMs)) continue;
      if (Date.now() > deadline) throw new LockTimeoutError(`could not lock ${lockPath} within ${options.timeoutMs ?? 10_000} ms`);
      sleepMs(Math.min(1 + attempt, 8) * (0.5 + Math.random()));
    }
  }
  try {
    fs.writeSync(fd, String(process.pid));
    return fn();
  } finally {
    fs.closeSync(fd);
    fs.rmSync(lockPath, { force: true });
  }
}

function breakIfStale(lockPath: string, staleMs: number): boolean {
  try {
    const stat = fs.statSync(lockPath);
    const owner = Number(fs.readFileSync(lockPath, "utf8"));
    const ageMs = Date.now() - stat.mtimeMs;
    // An empty lock file is one being created right now: give its owner the benefit of the doubt.
    const ownerGone = Number.isInteger(owner) && owner > 0 && !isProcessAlive(owner) && ageMs > 50;
    if (ageMs <= staleMs && !ownerGone) return false;
    fs.rmSync(lockPath, { force: true });
    return true;
  } catch (error) {
    if (isCode(error, "ENOENT")) return true;
    throw error;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !isCode(error, "ESRCH");
  }
}

export function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}
