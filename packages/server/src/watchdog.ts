import { Worker } from "node:worker_threads";

/**
 * A server whose event loop is stuck answers nobody, yet keeps its port: every client would wait
 * out its timeout before running the hook itself. A thread beside the loop watches a heartbeat the
 * loop beats; when it stops for `stallMs`, the thread removes the state file (clients then go
 * straight to their own hook) and kills the process (the next SessionStart starts a new one).
 * It also ends a server whose state file now names another server (started while this one did
 * not answer): nobody would call it any more.
 */
export function startWatchdog(stateFile: string, pid: number, stallMs: number, log: (line: string) => void): void {
  const beat = new Int32Array(new SharedArrayBuffer(4));
  const tick = (): void => void Atomics.store(beat, 0, (Atomics.load(beat, 0) + 1) | 0);
  setInterval(tick, 250).unref();
  const source = `
    const { workerData } = require("node:worker_threads");
    const fs = require("node:fs");
    const { beat, stateFile, pid, stallMs } = workerData;
    let last = Atomics.load(beat, 0), since = Date.now();
    setInterval(() => {
      try {
        const owner = fs.readFileSync(stateFile, "utf8").split(" ")[0];
        if (owner !== String(pid)) {
          process.stderr.write(new Date().toISOString() + " [" + pid + "] replaced by server " + owner + ": stopping\\n");
          process.kill(pid, "SIGTERM");
        }
      } catch {}
      const now = Atomics.load(beat, 0);
      if (now !== last) { last = now; since = Date.now(); return; }
      if (Date.now() - since < stallMs) return;
      try {
        const line = fs.readFileSync(stateFile, "utf8");
        if (line.startsWith(pid + " ")) fs.rmSync(stateFile, { force: true });
      } catch {}
      process.stderr.write(new Date().toISOString() + " [" + pid + "] event loop stuck for " + stallMs + " ms: stopping\\n");
      process.kill(pid, "SIGKILL");
    }, 500);
  `;
  const worker = new Worker(source, { eval: true, workerData: { beat, stateFile, pid, stallMs } });
  worker.unref();
  worker.on("error", (error) => log(`watchdog stopped: ${error.message}`));
}
