import fs from "node:fs";
import path from "node:path";

/**
 * A cross-process mutex on one path: a lock file created exclusively, holding its owner's pid.
 * Claude Code starts one hook process per tool call and runs those of parallel calls at once; the
 * lock is what keeps their record ids sequential.
 *
 * The technique is the classic one (O_EXCL creation, rename-to-break with an inode re-check):
 * - The lock file is born with its owner's pid in it (written to a private file, then hard-linked
 *   into place, which fails if a lock exists), so a lock file never exists without an owner.
 * - A lock is broken only when its owner is gone (Claude Code SIGKILLs hooks on timeout), never
 *   because it is old: on a busy machine a live owner can be descheduled for seconds, and breaking
 *   its lock would let two writers number records at once.
 * - Breakers serialise on a second lock and judge again under it; the break itself renames the
 *   lock to a private name and checks it moved the very file (same inode) it judged dead.
 * - An owner releases only its own lock file (its unique token), never a successor's.
 */
export interface LockOptions {
  /** How long to wait for a live owner before giving up. */
  readonly timeoutMs?: number;
}

export class LockTimeoutError extends Error {
  override readonly name = "LockTimeoutError";
}

/** Far beyond any real hold (well under a millisecond) and beyond Claude Code's hook timeout. */
const DEFAULT_TIMEOUT_MS = 30_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread: for the short, synchronous waits of a hook or a CLI command. */
export function sleepMs(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

let sequence = 0;
const privateName = (lockPath: string, what: string): string => `${lockPath}.${what}.${process.pid}.${++sequence}`;

export function withFileLock<T>(lockPath: string, fn: () => T, options: LockOptions = {}): T {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  let token: string | undefined;
  for (let attempt = 0; token == null; attempt++) {
    token = tryAcquire(lockPath);
    if (token != null) break;
    if (breakIfOwnerGone(lockPath)) continue;
    if (Date.now() > deadline)
      throw new LockTimeoutError(
        `could not lock ${lockPath} within ${timeoutMs} ms: its owner (pid ${String(ownerOf(lockPath))}) is still running`,
      );
    sleepMs(Math.min(1 + attempt, 8) * (0.5 + Math.random()));
  }
  try {
    return fn();
  } finally {
    release(lockPath, token);
  }
}

/** Who holds a lock that could not be taken. */
export interface LockHeld {
  readonly owner: number | undefined;
}

/**
 * Takes the lock without waiting, for a hold that lasts long and spans awaits (a sync). Returns
 * its release, or who holds it; a lock whose owner is gone is broken as withFileLock breaks it.
 */
export function tryHoldFileLock(lockPath: string): (() => void) | LockHeld {
  for (let attempt = 0; attempt < 3; attempt++) {
    const token = tryAcquire(lockPath);
    if (token != null) return () => release(lockPath, token);
    if (!breakIfOwnerGone(lockPath)) break;
  }
  const owner = ownerOf(lockPath);
  return { owner: typeof owner === "number" ? owner : undefined };
}

/**
 * The lock file's content (`<pid>:<n>`, unique to this acquisition) when this process now owns
 * it; undefined when someone else does.
 */
function tryAcquire(lockPath: string): string | undefined {
  const mine = privateName(lockPath, "new");
  const token = `${process.pid}:${sequence}`;
  fs.writeFileSync(mine, token, { flag: "wx", mode: 0o600 });
  try {
    fs.linkSync(mine, lockPath);
    return token;
  } catch (error) {
    if (isCode(error, "EEXIST")) return undefined;
    throw error;
  } finally {
    fs.rmSync(mine, { force: true });
  }
}

function release(lockPath: string, token: string): void {
  // Only ever remove our own lock: a path holding another token is someone else's lock (an inode
  // number alone is no identity, the file system reuses it as soon as a file is deleted).
  if (readLock(lockPath) === token) fs.rmSync(lockPath, { force: true });
}

/**
 * True when the lock was gone or its owner was, and it has been removed; the caller retries.
 * Breakers take a second lock (`.break`) and judge again under it, so two waiters that both saw
 * the same dead owner cannot both act on it: the second finds the first one's successor alive.
 */
function breakIfOwnerGone(lockPath: string): boolean {
  const judged = deadLock(lockPath);
  if (judged === "absent") return true;
  if (judged == null) return false;
  const breakPath = `${lockPath}.break`;
  const breaking = tryAcquire(breakPath);
  if (breaking == null) {
    // A breaker killed while breaking leaves its own lock behind: it is broken the same way, once.
    const stale = deadLock(breakPath);
    if (stale != null && stale !== "absent") removeJudged(breakPath, stale);
    return false;
  }
  try {
    const again = deadLock(lockPath);
    if (again === judged) {
      removeJudged(lockPath, judged);
      removeLitter(lockPath);
    }
    return again !== null;
  } finally {
    release(breakPath, breaking);
  }
}

/** The lock's inode when its owner is gone; "absent" when there is no lock; null when it is live. */
function deadLock(lockPath: string): number | "absent" | null {
  const ino = inodeOf(lockPath);
  if (ino == null) return "absent";
  const owner = ownerOf(lockPath);
  if (owner === "absent") return "absent";
  return owner == null || !isProcessAlive(owner) ? ino : null;
}

/**
 * Removes the lock file judged dead by renaming it to a private name and checking it is the very
 * file judged (same inode); a different file is a live lock taken meanwhile and is linked back.
 */
function removeJudged(lockPath: string, judged: number): void {
  const moved = privateName(lockPath, "broken");
  try {
    fs.renameSync(lockPath, moved);
  } catch (error) {
    if (isCode(error, "ENOENT")) return;
    throw error;
  }
  if (inodeOf(moved) !== judged) {
    try {
      fs.linkSync(moved, lockPath);
    } catch (error) {
      if (!isCode(error, "EEXIST")) throw error;
    }
  }
  fs.rmSync(moved, { force: true });
}

/**
 * Removes the private files (`<lock>.new.<pid>.<n>`, `<lock>.broken.<pid>.<n>`, the same for the
 * break lock) of processes that are gone: a hook killed between creating one and removing it
 * leaves it behind. Done when a dead owner's lock is broken, a rare event, as it lists the directory.
 */
function removeLitter(lockPath: string): void {
  const dir = path.dirname(lockPath);
  const prefix = `${path.basename(lockPath)}.`;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = LITTER.exec(name.slice(prefix.length))?.[1];
    if (pid != null && !isProcessAlive(Number(pid))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

const LITTER = /^(?:break\.)?(?:new|broken)\.(\d+)\.\d+$/;

function inodeOf(file: string): number | undefined {
  try {
    return fs.lstatSync(file).ino;
  } catch (error) {
    if (isCode(error, "ENOENT")) return undefined;
    throw error;
  }
}

function readLock(lockPath: string): string | undefined {
  try {
    return fs.readFileSync(lockPath, "utf8");
  } catch (error) {
    if (isCode(error, "ENOENT")) return undefined;
    throw error;
  }
}

/** The pid in the lock file; undefined when it holds none (an older Warden killed mid-creation). */
function ownerOf(lockPath: string): number | "absent" | undefined {
  const text = readLock(lockPath);
  if (text == null) return "absent";
  const owner = Number(text.split(":")[0]);
  return Number.isInteger(owner) && owner > 0 ? owner : undefined;
}

/**
 * Whether a process still runs. A process killed but not yet reaped by its parent (a zombie: a
 * busy parent reaps late) holds no lock any more, though signals still reach its pid; on Linux its
 * state says so.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return !isCode(error, "ESRCH");
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "latin1");
  } catch {
    return false;
  }
  // "pid (comm) state …": the command name may hold spaces and parentheses, the state follows the last ")".
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  return state === "Z" || state === "X";
}

export function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}
