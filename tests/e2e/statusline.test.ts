import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProcess } from "../support/hook-process.js";
import { statusLinePayload } from "../support/status-line-payload.js";
import {
  createTempWorld,
  findTranscriptPath,
  installWarden,
  runClaude,
  scriptByStep,
  startStandIn,
  WARDEN_CLI,
  type ClaudeRun,
  type StandIn,
  type TempWorld,
} from "./support/index.js";

/**
 * `warden statusline` against the real Claude Code 2.1.197: after a `-p` run with tool calls, the
 * status line's cost, given the run's session and transcript in the payload shape Claude Code
 * sends, equals Claude Code's own `total_cost_usd` (status lines render only interactively, so the
 * command is called here as Claude Code would call it).
 */

const MODEL = "claude-sonnet-4-5-20250929";
/** Claude Code's cost and Warden's may differ by float rounding only. */
const COST_TOLERANCE_USD = 0.000001;

describe("warden statusline after a real Claude Code run", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let run: ClaudeRun;
  let status: { usage: { cost: { total_cost_usd: number } }; records: { calls: number } | null };
  let line: string;

  beforeAll(async () => {
    world = createTempWorld();
    await installWarden(world.projectDir, world.home);
    standIn = await startStandIn(
      scriptByStep({
        main: [
          { text: "Looking.", toolUses: [{ name: "Bash", input: { command: "echo hello", description: "Say hello" } }] },
          { text: "Done." },
        ],
      }),
    );
    run = await runClaude({
      projectDir: world.projectDir,
      home: world.home,
      standInUrl: standIn.url,
      prompt: "Say hello.",
      extraArgs: ["--model", MODEL],
    });
    const sessionId = run.result.session_id;
    const payload = JSON.stringify(
      statusLinePayload({
        sessionId,
        transcriptPath: findTranscriptPath(world.home, world.projectDir, sessionId),
        cwd: world.projectDir,
        totalCostUsd: run.result.total_cost_usd,
      }),
    );
    const env = { PATH: process.env.PATH ?? "", HOME: world.home, NO_COLOR: "1", CLAUDE_PROJECT_DIR: world.projectDir };
    status = JSON.parse((await runProcess(process.execPath, [WARDEN_CLI, "statusline", "--json"], payload, env, world.projectDir)).stdout);
    line = (await runProcess(process.execPath, [WARDEN_CLI, "statusline"], payload, env, path.resolve(world.projectDir))).stdout;
  });

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("counts the same cost as Claude Code's total_cost_usd", () => {
    expect(Math.abs(status.usage.cost.total_cost_usd - run.result.total_cost_usd)).toBeLessThan(COST_TOLERANCE_USD);
  });

  it("counts the session's recorded tool call", () => {
    expect(status.records?.calls).toBe(1);
  });

  it("prints one line with the cost to four decimals", () => {
    expect(line).toMatch(
      new RegExp(`^warden \\$${run.result.total_cost_usd.toFixed(4).replace(".", "\\.")} · .* · 1 call, none flagged\\n$`),
    );
  });
});
