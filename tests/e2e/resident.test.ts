import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiId,
  createTempWorld,
  errorsLogText,
  eventsFor,
  installWarden,
  readReport,
  readSessionFile,
  reportTotalCost,
  runClaude,
  scriptByStep,
  startStandIn,
  WARDEN_CLI,
  wardenDirOf,
  type ClaudeRun,
  type SessionFile,
  type StandIn,
  type TempWorld,
} from "./support/index.js";

/**
 * Resident mode with the real Claude Code 2.1.197: `warden install --project DIR --server`, then
 * one session. Its SessionStart starts the server, which serves the first calls (`rm -rf ~` among
 * them); between two model turns the test SIGKILLs the server, and the next calls (`rm -rf ~`
 * again) are decided and recorded by the hooks themselves, as without resident mode.
 */

const RM_SERVED_ID = apiId("toolu");
const ECHO_SERVED_ID = apiId("toolu");
const RM_FALLBACK_ID = apiId("toolu");
const ECHO_FALLBACK_ID = apiId("toolu");
const FINAL_TEXT = "Done; the deletions need you.";

interface ServerStatusJson {
  readonly running: boolean;
  readonly pid: number | null;
  readonly served: number | null;
}

describe("resident mode, with the server killed halfway through the session", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let run: ClaudeRun;
  let session: SessionFile;
  let beforeKill: ServerStatusJson | undefined;
  let killedPid: number | null = null;

  // `status` exits 1 when no server runs; its JSON says so either way.
  const status = (): ServerStatusJson =>
    JSON.parse(
      spawnSync(process.execPath, [WARDEN_CLI, "server", "status", "--json"], {
        env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", HOME: world.home },
        encoding: "utf8",
      }).stdout,
    ) as ServerStatusJson;

  beforeAll(async () => {
    world = createTempWorld("warden-resident-");
    fs.writeFileSync(path.join(world.home, "sentinel.txt"), "still here\n");
    await installWarden(world.projectDir, world.home, { server: true });
    standIn = await startStandIn(
      scriptByStep({
        main: [
          { toolUses: [{ id: RM_SERVED_ID, name: "Bash", input: { command: "rm -rf ~", description: "Clean the home folder" } }] },
          { toolUses: [{ id: ECHO_SERVED_ID, name: "Bash", input: { command: "echo one > one.txt", description: "Write one" } }] },
          () => {
            // Synchronous on purpose: the model's next turn is sent only once the server is gone.
            beforeKill = status();
            if (beforeKill.pid != null) {
              process.kill(beforeKill.pid, "SIGKILL");
              killedPid = beforeKill.pid;
            }
            return {
              toolUses: [{ id: RM_FALLBACK_ID, name: "Bash", input: { command: "rm -rf ~", description: "Clean the home folder" } }],
            };
          },
          { toolUses: [{ id: ECHO_FALLBACK_ID, name: "Bash", input: { command: "echo two > two.txt", description: "Write two" } }] },
          { text: FINAL_TEXT },
        ],
      }),
    );
    run = await runClaude({
      projectDir: world.projectDir,
      home: world.home,
      standInUrl: standIn.url,
      prompt: "Tidy up.",
      timeoutMs: 90_000,
    });
    session = readSessionFile(wardenDirOf(world.projectDir), run.result.session_id);
  }, 180_000);

  afterAll(async () => {
    await standIn?.close();
    // A server left running by a failed run must not outlive the test.
    const pid = world != null ? status().pid : null;
    if (pid != null) process.kill(pid, "SIGKILL");
    world?.cleanup();
  });

  it("runs to completion with the scripted final text", () => {
    expect({ exitCode: run.exitCode, result: run.result.result, scriptErrors: standIn.scriptErrors }).toEqual({
      exitCode: 0,
      result: FINAL_TEXT,
      scriptErrors: [],
    });
  });

  it("had the server, started by SessionStart, serve the calls before the kill", () => {
    expect(beforeKill).toEqual(expect.objectContaining({ running: true, pid: expect.any(Number) }));
    // UserPromptSubmit, PreToolUse of the denied call, PreToolUse and PostToolUse of the harmless one.
    expect(beforeKill?.served).toBe(4);
  });

  it("leaves the killed server dead: the calls after it ran without it", () => {
    expect([killedPid != null, status().running]).toEqual([true, false]);
  });

  it("keeps both rm -rf ~ from running: the sentinel in HOME survives", () => {
    expect(fs.readFileSync(path.join(world.home, "sentinel.txt"), "utf8")).toBe("still here\n");
  });

  it.each([
    { when: "served by the server", id: RM_SERVED_ID },
    { when: "after the server was killed", id: RM_FALLBACK_ID },
  ])("tells the model why rm -rf ~ was denied, $when", ({ id }) => {
    const result = standIn.toolResultFor(id);
    expect([result?.isError, result?.text]).toEqual([true, expect.stringContaining("[rule fs.rm-home]")]);
  });

  it.each([
    { when: "served by the server", id: RM_SERVED_ID },
    { when: "after the server was killed", id: RM_FALLBACK_ID },
  ])("records rm -rf ~ once as blocked, $when", ({ id }) => {
    expect(eventsFor(session.records, id).map((event) => [event["outcome"], event["verdict"], event["rules_matched"]])).toEqual([
      ["blocked", "blocked", ["fs.rm-home"]],
    ]);
  });

  it.each([
    { when: "served by the server", id: ECHO_SERVED_ID, file: "one.txt" },
    { when: "after the server was killed", id: ECHO_FALLBACK_ID, file: "two.txt" },
  ])("runs and records the harmless call once, $when", ({ id, file }) => {
    expect([
      fs.existsSync(path.join(world.projectDir, file)),
      eventsFor(session.records, id).map((event) => [event["outcome"], event["verdict"]]),
    ]).toEqual([true, [["completed", "allowed"]]]);
  });

  it("numbers the session's records 1..N with no gap, no duplicate and no corrupt line", () => {
    expect([session.corruptLines, session.records.map((r) => r["id"])]).toEqual([[], session.records.map((_, i) => i + 1)]);
  });

  it("writes a report whose total cost equals Claude Code's own", () => {
    const report = readReport(wardenDirOf(world.projectDir), run.result.session_id);
    expect(Math.abs(reportTotalCost(report) - run.result.total_cost_usd)).toBeLessThan(0.000001);
  });

  it("logs no internal error", () => {
    expect(errorsLogText(wardenDirOf(world.projectDir))).toBe("");
  });
});
