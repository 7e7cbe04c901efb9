import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isProcessAlive, LockTimeoutError, withFileLock } from "./file-lock.js";

let dir: string;
let lockPath: string;
let sleeper: ChildProcess | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-lock-"));
  lockPath = path.join(dir, "s.jsonl.lock");
});
afterEach(() => {
  sleeper?.kill("SIGKILL");
  sleeper = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A lock file left by `pid`, last touched an hour ago. */
function oldLockOf(pid: number): void {
  fs.writeFileSync(lockPath, String(pid));
  const hourAgo = new Date(Date.now() - 3_600_000);
  fs.utimesSync(lockPath, hourAgo, hourAgo);
}

function livePid(): number {
  sleeper = spawn("sleep", ["60"], { stdio: "ignore" });
  if (sleeper.pid == null) throw new Error("could not start sleep");
  return sleeper.pid;
}

/** The pid of a process that has exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
}

describe("withFileLock", () => {
  it("runs the function and leaves no lock file behind", () => {
    expect([withFileLock(lockPath, () => 42), fs.readdirSync(dir)]).toEqual([42, []]);
  });

  it("never breaks a live owner's lock, however old: a descheduled owner is not a dead one", () => {
    oldLockOf(livePid());
    expect(() => withFileLock(lockPath, () => "ran", { timeoutMs: 200 })).toThrow(LockTimeoutError);
  });

  it("breaks the lock of an owner that is gone (killed while holding it)", () => {
    oldLockOf(deadPid());
    expect(withFileLock(lockPath, () => "ran", { timeoutMs: 5_000 })).toBe("ran");
  });

  it("removes the private files a killed owner left when it breaks its lock, and no live process's", () => {
    const dead = deadPid();
    const live = livePid();
    oldLockOf(dead);
    for (const name of [`new.${dead}.1`, `broken.${dead}.2`, `break.new.${dead}.3`, `new.${live}.4`])
      fs.writeFileSync(`${lockPath}.${name}`, "");
    withFileLock(lockPath, () => undefined, { timeoutMs: 5_000 });
    expect(fs.readdirSync(dir)).toEqual([`s.jsonl.lock.new.${live}.4`]);
  });

  it("releases only its own lock file, never one that replaced it", () => {
    withFileLock(lockPath, () => {
      fs.rmSync(lockPath);
      fs.writeFileSync(lockPath, "someone else");
    });
    expect(fs.readFileSync(lockPath, "utf8")).toBe("someone else");
  });

  it("writes the owner's pid into the lock file from the moment it exists", () => {
    expect(withFileLock(lockPath, () => fs.readFileSync(lockPath, "utf8"))).toMatch(new RegExp(`^${process.pid}:\\d+$`));
  });
});

describe("isProcessAlive", () => {
  it("is true for a running process", () => {
    expect(isProcessAlive(process.pid)).toBe(true);
  });

  it.skipIf(process.platform !== "linux")("is false for a process that exited but was not reaped yet (a zombie)", async () => {
    // The shell starts a child blocked on a fifo, then becomes `sleep`, which never reaps a child.
    // Only once the exec is seen is the child let go: it exits and stays a zombie, whatever the
    // machine's load (a child that exits before the exec may be reaped by the shell itself).
    const fifo = path.join(dir, "go");
    execFileSync("mkfifo", [fifo]);
    const parent = spawn("sh", ["-c", 'head -c 1 "$0" > /dev/null & echo $!; exec sleep 30', fifo], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    try {
      const zombie = Number((await new Promise<string>((resolve) => parent.stdout.once("data", (d) => resolve(String(d))))).trim());
      await until(() => readProc(`/proc/${parent.pid}/comm`) === "sleep\n");
      fs.writeFileSync(fifo, "x");
      await until(() => /\) Z /.test(readProc(`/proc/${zombie}/stat`)));
      expect(isProcessAlive(zombie)).toBe(false);
    } finally {
      parent.kill("SIGKILL");
    }
  });
});

function readProc(file: string): string {
  try {
    return fs.readFileSync(file, "latin1");
  } catch {
    return "";
  }
}

/** Resolves once `done()` holds; polls every 10 ms (the test's own timeout bounds the wait). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
}
