import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli-in-process.js";
import { runHookInProcess } from "../support/hook-in-process.js";
import { makeSandbox, readJsonl, runHookProcess, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

/**
 * One huge session never breaks the others: a session file beyond the size a report is built
 * from (a sparse 300 MiB gap keeps the test cheap; the file system still reports its size) ends
 * with a truthful end record and no report, every command that would build its report refuses
 * with the reason, and the commands still list, show and report every other session.
 */

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

const HUGE = "b16b16b1-0000-4000-8000-000000000001";
const SMALL = "5a11a11a-0000-4000-8000-000000000002";
const sessionFile = (id: string) => path.join(box.wardenDir, "sessions", `${id}.jsonl`);
const reportFile = (id: string) => path.join(box.wardenDir, "reports", `${id}.json`);
const HUGE_BYTES = 300 * 1024 * 1024;

async function recordSession(sessionId: string): Promise<void> {
  const s = { sessionId, cwd: box.project };
  await runHookProcess("session-start", p.sessionStart(s), box);
  await runHookProcess("post-tool-guard", p.preToolUse(s, "Bash", { command: "ls" }, "toolu_h1"), box);
  await runHookProcess("post-tool-guard", p.postToolUse(s, "Bash", { command: "ls" }, p.bashResponse("ok"), "toolu_h1"), box);
}

/** Grows the session file past 256 MiB with a sparse gap, then a last record (as if many came before). */
function makeHuge(sessionId: string, lastRecordAt = new Date()): void {
  const file = sessionFile(sessionId);
  const lastId = readJsonl(file).length;
  fs.truncateSync(file, HUGE_BYTES);
  const stop = {
    type: "stop",
    id: lastId + 1,
    timestamp: lastRecordAt.toISOString(),
    last_assistant_message: "done",
    stop_hook_active: false,
  };
  fs.appendFileSync(file, `\n${JSON.stringify(stop)}\n`);
}

async function hugeAndSmallSessions(): Promise<void> {
  await recordSession(HUGE);
  makeHuge(HUGE);
  await runHookProcess("session-end", p.sessionEnd({ sessionId: HUGE, cwd: box.project }, "prompt_input_exit"), box);
  await recordSession(SMALL);
  await runHookProcess("session-end", p.sessionEnd({ sessionId: SMALL, cwd: box.project }, "prompt_input_exit"), box);
}

/** The last line of a file, read from its end (the huge file is not read whole). */
function lastRecord(file: string): Record<string, unknown> {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, "r");
  const tail = Buffer.alloc(4096);
  fs.readSync(fd, tail, 0, tail.length, size - tail.length);
  fs.closeSync(fd);
  return JSON.parse(tail.toString("utf8").trimEnd().split("\n").at(-1) ?? "{}");
}

describe("a session too large to report", () => {
  it("ends with a record that names no report and says why", async () => {
    await hugeAndSmallSessions();
    expect(lastRecord(sessionFile(HUGE))).toMatchObject({
      type: "end",
      report_paths: [],
      report_skipped: expect.stringContaining("bytes"),
    });
  });

  it("leaves no report file behind that the end record would not name", async () => {
    await hugeAndSmallSessions();
    expect(fs.readdirSync(path.join(box.wardenDir, "reports")).filter((f) => f.startsWith(HUGE))).toEqual([]);
  });

  it("does not stop warden sessions from listing every session", async () => {
    await hugeAndSmallSessions();
    const result = await runCliInProcess(["sessions"], box);
    expect([result.code, result.stdout.includes(HUGE.slice(0, 8)), result.stdout.includes(SMALL.slice(0, 8))]).toEqual([0, true, true]);
  });

  it("does not stop warden show for the other session", async () => {
    await hugeAndSmallSessions();
    const result = await runCliInProcess(["show", SMALL.slice(0, 8)], box);
    expect(result.code).toBe(0);
  });
});

describe("warden report on a session too large to report", () => {
  it("exits 3 with its size, the limit, and that its records are complete", async () => {
    await hugeAndSmallSessions();
    const result = await runCliInProcess(["report", HUGE.slice(0, 8)], box);
    expect([result.code, result.stderr]).toEqual([
      3,
      expect.stringMatching(
        new RegExp(
          `^warden report: session ${HUGE} is \\d+ bytes \\(300\\.0 MiB\\), more than the 268435456 bytes \\(256\\.0 MiB\\) .*its records are complete`,
        ),
      ),
    ]);
  });

  it("prints one message, not a stack trace", async () => {
    await hugeAndSmallSessions();
    const result = await runCliInProcess(["report", HUGE.slice(0, 8)], box);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("still rewrites the other session's reports", async () => {
    await hugeAndSmallSessions();
    fs.rmSync(reportFile(SMALL));
    const result = await runCliInProcess(["report", SMALL.slice(0, 8)], box);
    expect([result.code, fs.existsSync(reportFile(SMALL))]).toEqual([0, true]);
  });
});

describe("warden show on a session too large to report", () => {
  it("exits 3 and says why", async () => {
    await hugeAndSmallSessions();
    const result = await runCliInProcess(["show", HUGE.slice(0, 8)], box);
    expect([result.code, result.stderr]).toEqual([3, expect.stringContaining("its records are complete")]);
  });
});

describe("warden sessions with a session too large to summarise", () => {
  it("lists it with its end, its size and why it has no counts", async () => {
    await hugeAndSmallSessions();
    const result = await runCliInProcess(["sessions"], box);
    expect(result.stdout.split("\n").find((line) => line.startsWith(HUGE.slice(0, 8)))).toMatch(
      /^b16b16b1 +\d{4}-\d\d-\d\d \d\d:\d\d +\S+ +- +- +- +- +- +prompt_input_exit; too large to summarise \(300\.0 MiB\) +-$/,
    );
  });

  it("--json gives its size and its start, and no counts", async () => {
    await hugeAndSmallSessions();
    const result = await runCliInProcess(["sessions", "--json"], box);
    expect(JSON.parse(result.stdout).sessions.find((row: { session_id: string }) => row.session_id === HUGE)).toEqual(
      expect.objectContaining({
        source: "too_large",
        bytes: fs.statSync(sessionFile(HUGE)).size,
        started_at: expect.any(String),
        tool_calls: null,
        verdicts: null,
        end_reason: "prompt_input_exit",
      }),
    );
  });

  it("still lists the other session from its report", async () => {
    await hugeAndSmallSessions();
    const result = await runCliInProcess(["sessions", "--json"], box);
    expect(JSON.parse(result.stdout).sessions.find((row: { session_id: string }) => row.session_id === SMALL)).toMatchObject({
      source: "report",
      tool_calls: 1,
    });
  });
});

/** The huge session, still open (no SessionEnd yet). */
async function openHugeSession(): Promise<void> {
  await recordSession(HUGE);
  makeHuge(HUGE);
}

describe("warden finalize on a session too large to report", () => {
  it("closes it with an end record that says why it has no report", async () => {
    await openHugeSession();
    await runCliInProcess(["finalize", HUGE.slice(0, 8)], box);
    expect(lastRecord(sessionFile(HUGE))).toMatchObject({
      type: "end",
      reason: "manual",
      report_paths: [],
      report_skipped: expect.stringContaining("its records are complete"),
    });
  });

  it("exits 3 with its size and that it was closed without a report", async () => {
    await openHugeSession();
    const result = await runCliInProcess(["finalize", HUGE.slice(0, 8)], box);
    expect([result.code, result.stderr]).toEqual([
      3,
      expect.stringMatching(new RegExp(`^warden finalize: finalized ${HUGE} \\(manual\\) without a report: session ${HUGE} is \\d+ bytes`)),
    ]);
  });

  it("--json names the reason beside the session closed, and the failure in the same object", async () => {
    await openHugeSession();
    const result = await runCliInProcess(["finalize", HUGE.slice(0, 8), "--json"], box);
    expect(JSON.parse(result.stdout)).toEqual({
      finalized: [{ session_id: HUGE, reason: "manual", report_paths: [], report_skipped: expect.stringContaining("bytes") }],
      error: { code: 3, message: expect.stringContaining(`finalized ${HUGE} (manual) without a report`) },
    });
  });

  it("without an id still closes and reports the other stale sessions", async () => {
    // The huge session's Claude Code is alive while the small one starts (so that start does not
    // close it), then the huge one falls silent for two days: both are stale.
    await runHookInProcess("session-start", p.sessionStart({ sessionId: HUGE, cwd: box.project }), box);
    await runHookInProcess("session-start", p.sessionStart({ sessionId: SMALL, cwd: box.project }), box, { claudePid: 2 ** 31 - 1 });
    makeHuge(HUGE, new Date(Date.now() - 2 * 24 * 60 * 60 * 1000));
    const result = await runCliInProcess(["finalize"], box);
    expect([result.code, result.stdout, fs.existsSync(reportFile(SMALL)), lastRecord(sessionFile(HUGE)).report_skipped]).toEqual([
      3,
      `finalized ${SMALL} (stale); report: ${["json", "html", "md"].map((ext) => path.join(box.wardenDir, "reports", `${SMALL}.${ext}`)).join(", ")}\n`,
      true,
      expect.stringContaining("bytes"),
    ]);
  });
});
