import fs from "node:fs";

/**
 * The `warden sync` processes a SessionEnd hook leaves behind. They run detached, in a session of
 * their own, so no test process is their parent: they are found by what they are, node running
 * `warden.mjs sync` with the data directory (`.warden`) as its cwd.
 */

/** The live syncs of this data directory. A zombie (exited, not reaped yet) has no cwd left and is not counted. */
export function syncProcesses(wardenDir: string): number[] {
  const dir = realDir(wardenDir);
  const pids: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (fs.readlinkSync(`/proc/${name}/cwd`) !== dir) continue;
      const args = fs.readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0");
      if (args.some((arg) => arg.endsWith("warden.mjs")) && args.includes("sync")) pids.push(Number(name));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return pids;
}

/** Waits until no sync of this data directory runs; throws (naming them) past the deadline. */
export async function waitForSyncsToEnd(wardenDir: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let left = syncProcesses(wardenDir); left.length > 0; left = syncProcesses(wardenDir)) {
    if (Date.now() > deadline) throw new Error(`warden sync (pid ${left.join(", ")}) of ${wardenDir} still runs after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** SIGKILLs every sync of this data directory still running: none may outlive the test that started it. */
export async function killSyncs(wardenDir: string): Promise<void> {
  for (const pid of syncProcesses(wardenDir)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Exited meanwhile.
    }
  }
  await waitForSyncsToEnd(wardenDir, 10_000);
}

/** A path as /proc shows a cwd: symbolic links resolved (the folder may not exist yet). */
function realDir(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}
