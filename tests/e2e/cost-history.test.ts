import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTempWorld,
  runClaude,
  scriptByStep,
  startStandIn,
  WARDEN_CLI,
  type ClaudeRun,
  type RunClaudeOptions,
  type StandIn,
  type TempWorld,
} from "./support/index.js";
import { isRecord, recordsOf, tryParseJson, type JsonRecord } from "./support/json-guards.js";

/**
 * `warden cost --all-projects` against what the real Claude Code says each run cost. Two projects
 * that were never wired into Warden share one CLAUDE_CONFIG_DIR; six `-p` runs: plain ones, one
 * with a haiku subagent, a `--resume` (appends to its session's file), a `--resume --fork-session`
 * (a new session file that copies its parent's lines) and a resume of that parent after the fork
 * (so the parent's file is the newer one). Each run's `total_cost_usd` covers that run's API calls
 * only, so every response must be counted once, in the session that made it.
 */

const MAIN_MODEL = "claude-sonnet-4-5-20250929";
/** Claude Code's float sum and Warden's exact one may differ by float rounding only. */
const TOLERANCE_USD = 1e-9;

interface Run {
  readonly project: "app" | "lib";
  readonly run: ClaudeRun;
}

describe("warden cost --all-projects over two never-wired projects", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let configDir: string;
  const runs: Run[] = [];

  const wardenJson = (...args: string[]): JsonRecord => {
    const stdout = execFileSync(process.execPath, [WARDEN_CLI, "cost", "--all-projects", "--json", ...args], {
      cwd: world.root,
      env: { PATH: process.env["PATH"] ?? "", HOME: world.home, TZ: "UTC", CLAUDE_CONFIG_DIR: configDir },
      encoding: "utf8",
    });
    const parsed = tryParseJson(stdout);
    return isRecord(parsed) ? parsed : {};
  };
  const sessionOf = (index: number): string => runs[index]?.run.result.session_id ?? "missing";
  const costOf = (...indexes: number[]): number =>
    indexes.reduce((sum, index) => sum + (runs[index]?.run.result.total_cost_usd ?? Number.NaN), 0);
  /** `[session id, cost]` of every `--session` row. */
  const sessionRows = (): Array<[unknown, unknown]> => {
    return recordsOf(wardenJson("--session")["periods"]).map((row) => [row["period"], row["cost_usd"]]);
  };

  beforeAll(async () => {
    world = createTempWorld();
    configDir = world.file("claude-config");
    const lib = world.file("lib");
    fs.mkdirSync(configDir);
    fs.mkdirSync(lib);
    fs.writeFileSync(path.join(world.projectDir, "notes.md"), "# Notes\n");
    standIn = await startStandIn(scriptByStep({ main: [{ text: "One." }] }));
    const options = (project: Run["project"], prompt: string, extraArgs: string[] = []): RunClaudeOptions => ({
      projectDir: project === "app" ? world.projectDir : lib,
      home: world.home,
      standInUrl: standIn.url,
      prompt,
      extraArgs: ["--model", MAIN_MODEL, ...extraArgs],
      env: { CLAUDE_CONFIG_DIR: configDir },
    });
    const run = async (project: Run["project"], prompt: string, extraArgs?: string[]) =>
      runs.push({ project, run: await runClaude(options(project, prompt, extraArgs)) });

    await run("app", "First.");
    standIn.setScript(
      scriptByStep({
        main: [
          {
            toolUses: [
              {
                name: "Agent",
                input: { description: "Look around", prompt: "Read the notes.", subagent_type: "general-purpose", model: "haiku" },
              },
            ],
          },
          { text: "Delegated." },
        ],
        subagent: [{ toolUses: [{ name: "Read", input: { file_path: path.join(world.projectDir, "notes.md") } }] }, { text: "Read them." }],
      }),
    );
    await run("app", "Delegate.");
    standIn.setScript(
      scriptByStep({ main: [{ toolUses: [{ name: "Bash", input: { command: "echo lib", description: "Say lib" } }] }, { text: "Lib." }] }),
    );
    await run("lib", "Run a command.");
    standIn.setScript(scriptByStep({ main: [{ text: "Resumed." }] }));
    await run("app", "Again.", ["--resume", sessionOf(0)]);
    await run("lib", "Fork it.", ["--resume", sessionOf(2), "--fork-session"]);
    await run("lib", "Back to the parent.", ["--resume", sessionOf(2)]);
  }, 300_000);

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("runs all six runs to completion, the resume in its session and the fork in a new one", () => {
    expect({
      exitCodes: runs.map((entry) => entry.run.exitCode),
      resumed: [sessionOf(3) === sessionOf(0), sessionOf(5) === sessionOf(2)],
      forked: new Set([sessionOf(2), sessionOf(4)]).size,
      sessions: new Set(runs.map((entry) => entry.run.result.session_id)).size,
      scriptErrors: standIn.scriptErrors,
    }).toEqual({ exitCodes: [0, 0, 0, 0, 0, 0], resumed: [true, true], forked: 2, sessions: 4, scriptErrors: [] });
  });

  it("wrote nothing of Warden's in the projects (they were never wired)", () => {
    expect([fs.existsSync(path.join(world.projectDir, ".warden")), fs.existsSync(path.join(world.file("lib"), ".warden"))]).toEqual([
      false,
      false,
    ]);
  });

  it("ran a haiku subagent, whose cost is part of its run's total_cost_usd", () => {
    expect(Object.keys(runs[1]?.run.result.modelUsage ?? {}).toSorted()).toEqual(["claude-haiku-4-5-20251001", MAIN_MODEL]);
  });

  it("totals exactly the sum of every run's total_cost_usd", () => {
    const total = wardenJson()["total_cost_usd"];
    expect(Math.abs(Number(total) - costOf(0, 1, 2, 3, 4, 5))).toBeLessThan(TOLERANCE_USD);
  });

  it("reads both projects and every session", () => {
    expect(wardenJson()["read"]).toEqual(expect.objectContaining({ projects: 2, sessions: 4, corrupt_lines: 0, invalid_lines: 0 }));
  });

  it("gives each session the cost of its runs: a resume added once, a fork's copied lines not at all", () => {
    const expected: Array<[string, number]> = [
      [sessionOf(0), costOf(0, 3)],
      [sessionOf(1), costOf(1)],
      [sessionOf(2), costOf(2, 5)],
      [sessionOf(4), costOf(4)],
    ];
    const rows = new Map(sessionRows());
    const gaps = expected.flatMap(([session, cost]) => {
      const gap = Math.abs(Number(rows.get(session)) - cost);
      return gap < TOLERANCE_USD ? [] : [[session, rows.get(session), cost]];
    });
    expect([rows.size, gaps]).toEqual([4, []]);
  });

  it("gives the same total by day, by month and by 5-hour block", () => {
    const totals = ["--daily", "--monthly", "--blocks", "--weekly"].map((option) => wardenJson(option)["total_cost_usd"]);
    expect(new Set(totals).size).toBe(1);
  });
});
