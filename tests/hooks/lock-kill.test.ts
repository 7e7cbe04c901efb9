import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HOOKS_DIR, makeSandbox, readJsonl, runHookProcess, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

/**
 * Claude Code SIGKILLs a hook that overruns its timeout, possibly while it holds the session's
 * lock. Here a watcher polls the lock file and kills whichever hook process owns it, many times,
 * while dozens of hooks race to append: the ids must stay unique and contiguous, with one init.
 */

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

const CALLS = 96;
const AT_ONCE = 12;
const KILLS = 12;

interface Outcome {
  readonly toolUseId: string;
  readonly killed: boolean;
  readonly code: number | null;
}

function runHook(payload: unknown, children: Map<number, () => void>): Promise<Outcome> {
  const toolUseId = (payload as { tool_use_id: string }).tool_use_id;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(HOOKS_DIR, "post-tool-guard.mjs")], {
      env: box.env,
      cwd: box.project,
      stdio: ["pipe", "ignore", "ignore"],
    });
    let killed = false;
    if (child.pid != null) children.set(child.pid, () => (killed = child.kill("SIGKILL")));
    child.on("error", reject);
    child.on("close", (code) => {
      if (child.pid != null) children.delete(child.pid);
      resolve({ toolUseId, killed, code });
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(JSON.stringify(payload));
  });
}

/** Polls the lock file (`<pid>:<n>`) and SIGKILLs its owner while it is one of our hooks; returns how many it killed. */
async function killLockOwners(lockPath: string, children: Map<number, () => void>, until: Promise<unknown>): Promise<number> {
  let kills = 0;
  const hooks = { running: true };
  void until.then(() => (hooks.running = false));
  while (hooks.running && kills < KILLS) {
    let owner = Number.NaN;
    try {
      owner = Number(fs.readFileSync(lockPath, "utf8").split(":")[0]);
    } catch {
      // No lock right now.
    }
    const kill = children.get(owner);
    if (kill != null) {
      kill();
      kills++;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return kills;
}

describe("the session lock under SIGKILL", () => {
  it("keeps ids unique and contiguous and writes one init when lock owners are killed", async () => {
    const s = { sessionId: "deadbeef-0000-4000-8000-00000000k111", cwd: box.project };
    const children = new Map<number, () => void>();
    const lockPath = path.join(box.wardenDir, "sessions", `${s.sessionId}.jsonl.lock`);
    const payloads = Array.from({ length: CALLS }, (_, i) =>
      p.postToolUse(s, "Bash", { command: `echo ${i}` }, p.bashResponse(String(i)), `toolu_${i}`),
    );
    let next = 0;
    const worker = async (): Promise<Outcome[]> => {
      const outcomes: Outcome[] = [];
      while (next < payloads.length) outcomes.push(await runHook(payloads[next++], children));
      return outcomes;
    };
    const all = Promise.all(Array.from({ length: AT_ONCE }, worker)).then((lists) => lists.flat());
    const kills = await killLockOwners(lockPath, children, all);
    const outcomes = await all;
    // One more call after the storm: the lock must not be left wedged.
    await runHookProcess("post-tool-guard", p.postToolUse(s, "Read", { file_path: "/after" }, {}, "toolu_after"), box);

    const records = readJsonl(path.join(box.wardenDir, "sessions", `${s.sessionId}.jsonl`));
    const recorded = new Set(records.map((r) => r.tool_use_id));
    const survivors = outcomes.filter((o) => !o.killed);
    expect(kills).toBeGreaterThan(0);
    expect(records.map((r) => r.id)).toEqual(records.map((_, i) => i + 1));
    expect(records.filter((r) => r.type === "init")).toHaveLength(1);
    expect(survivors.filter((o) => o.code !== 0 || !recorded.has(o.toolUseId))).toEqual([]);
    expect(recorded.has("toolu_after")).toBe(true);
  });
});
