import { execFileSync } from "node:child_process";

/**
 * Kills a process and everything it started. Claude Code runs each Bash tool command in a
 * process group of its own, so killing the CLI's group would leave those shells behind; the
 * tree is walked by parent pid while the CLI still lives, before it is reparented away.
 */
export function killProcessTree(rootPid: number): void {
  for (const pid of [...descendantsOf(rootPid), rootPid].toReversed()) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone: it exited between the listing and the kill.
    }
  }
}

/** Descendant pids of `rootPid`, parents before children. */
function descendantsOf(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  const listing = execFileSync("ps", ["-A", "-o", "pid=,ppid="], { encoding: "utf8" });
  for (const line of listing.split("\n")) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid == null || ppid == null || Number.isNaN(pid) || Number.isNaN(ppid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [rootPid];
  for (let next = queue.shift(); next != null; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}
