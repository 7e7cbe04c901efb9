import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli-in-process.js";
import { CLI, makeSandbox, runCliProcess, runHookProcess, type ProcessResult, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";
import { recordSession, TRANSCRIPT_COST } from "./recorded-sessions.js";

/** `warden watch`: one frame with --once in this process; the refreshing view as the built CLI's process. */

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

const FIRST = "aaaa1111-0000-4000-8000-000000000001";
const SECOND = "bbbb2222-0000-4000-8000-000000000002";

/** Sets a session file's last change, so which session is the latest does not hang on the clock's resolution. */
function touchSession(sessionId: string, iso: string): void {
  const when = new Date(iso);
  fs.utimesSync(path.join(box.wardenDir, "sessions", `${sessionId}.jsonl`), when, when);
}

describe("warden watch --once", () => {
  it("prints a frame of the session's cost, calls and last calls", async () => {
    await recordSession(box, FIRST, { open: true, transcript: true });
    const result = await runCliInProcess(["watch", FIRST, "--once"], box);
    expect([result.code, result.stdout]).toEqual([
      0,
      expect.stringMatching(
        new RegExp(
          `^warden watch · session ${FIRST} · open, last record \\d\\d:\\d\\d:\\d\\d · times UTC\\ncost     \\${TRANSCRIPT_COST}\\n` +
            "[^]*calls    4: 3 allowed, 0 warned, 1 blocked\\nlast 4 of 4:\\n[^]*  \\d\\d:\\d\\d:\\d\\d  blocked  Bash   rm -rf ~",
        ),
      ),
    ]);
  });

  it("watches the session whose records changed last when none is named", async () => {
    await recordSession(box, FIRST, { open: true });
    await recordSession(box, SECOND, { open: true });
    touchSession(FIRST, "2026-11-21T10:05:00Z");
    touchSession(SECOND, "2026-11-21T10:00:00Z");
    const result = await runCliInProcess(["watch", "--once"], box);
    expect(result.stdout.split("\n")[0]).toContain(`session ${FIRST}`);
  });

  it("prints one JSON line per frame with --json", async () => {
    await recordSession(box, FIRST, { open: true, transcript: true });
    const result = await runCliInProcess(["watch", FIRST, "--once", "--json"], box);
    expect(JSON.parse(result.stdout)).toMatchObject({
      session_id: FIRST,
      ended: null,
      cost_usd: 0.0105,
      calls: 4,
      verdicts: { allowed: 3, warned: 0, blocked: 1 },
    });
  });

  it("exits 3 when no session is recorded", async () => {
    fs.mkdirSync(box.wardenDir);
    const result = await runCliInProcess(["watch", "--once"], box);
    expect([result.code, result.stderr]).toEqual([3, expect.stringContaining("no session recorded yet")]);
  });

  it("exits 2 on an interval below 0.2 s", async () => {
    await recordSession(box, FIRST, { open: true });
    const result = await runCliInProcess(["watch", "--interval", "0.01"], box);
    expect(result.code).toBe(2);
  });
});

/** The built CLI's `warden watch`, started; `firstFrame` resolves once it has printed its first frame. */
function startWatch(args: string[]) {
  const child = spawn(process.execPath, [CLI, "watch", ...args], { env: box.env, cwd: box.project, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const firstFrame = new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<ProcessResult>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return { child, firstFrame, exited };
}

describe("warden watch, refreshing", () => {
  it("exits by itself with a last frame once the session's end is recorded", async () => {
    await recordSession(box, FIRST, { open: true, transcript: true });
    const watch = startWatch([FIRST, "--interval", "0.2"]);
    await watch.firstFrame;
    const s = { sessionId: FIRST, cwd: box.project };
    await runHookProcess("session-end", p.sessionEnd(s, "prompt_input_exit"), box);
    const result = await watch.exited;
    const frames = result.stdout.split(/\n(?=warden watch · )/);
    expect([result.code, frames.at(-1)]).toEqual([
      0,
      expect.stringMatching(/· ended \d\d:\d\d:\d\d \(prompt_input_exit\) ·[^]*calls    4: /),
    ]);
  });

  it("exits 0 on Ctrl-C", async () => {
    await recordSession(box, FIRST, { open: true });
    const watch = startWatch([FIRST, "--interval", "0.2"]);
    await watch.firstFrame;
    watch.child.kill("SIGINT");
    const result = await watch.exited;
    expect([result.code, result.stderr]).toEqual([0, ""]);
  });

  it("ends every frame but the last with how to quit", async () => {
    await recordSession(box, FIRST, { open: true });
    const watch = startWatch([FIRST, "--interval", "0.2"]);
    await watch.firstFrame;
    watch.child.kill("SIGINT");
    const result = await watch.exited;
    expect(result.stdout.split(/\n(?=warden watch · )/)[0]).toMatch(/refreshing every 0\.2s · Ctrl-C to quit\n$/);
  });
});

describe("warden watch on a finished session", () => {
  it("prints one frame saying it ended, and exits", async () => {
    await recordSession(box, FIRST, { transcript: true });
    const result = await runCliProcess(["watch", FIRST], box);
    expect([result.code, result.stdout.match(/^warden watch · /gm)?.length, result.stdout]).toEqual([
      0,
      1,
      expect.stringContaining("· ended "),
    ]);
  });
});
