import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killSyncs, syncProcesses } from "../support/detached-sync.js";
import { CLI, runProcess, type ProcessResult } from "../support/hook-process.js";
import { startTestPostgres, withDatabase, type TestPostgres } from "../support/team-postgres.js";
import {
  createTempWorld,
  eventsIn,
  installWarden,
  readSessionFile,
  runClaude,
  scriptByStep,
  startStandIn,
  wardenDirOf,
  type ClaudeRun,
  type JsonRecord,
  type StandIn,
  type TempWorld,
} from "./support/index.js";

/**
 * The team store end to end: the real Claude Code 2.1.197, wired by `warden install --project`,
 * with WARDEN_DATABASE_URL naming a real PostgreSQL. Two sessions, each a few tool calls and a
 * denied `rm -rf ~`, reach the store through the syncs their SessionEnd hooks start. Then the
 * server stops; a third session's sync fails and its records wait locally; the server comes back
 * and `warden sync` ships the third, then finds nothing new. The store must then hold every
 * session exactly as the local records have it, with Claude Code's own cost.
 */

const FINAL_TEXT = "Looked around; the deletion needs you.";
/** Claude Code's cost and Warden's may differ by float rounding only: well under a micro-dollar. */
const COST_TOLERANCE_USD = 0.000001;

interface SyncJson {
  readonly complete: boolean;
  readonly sessions: number;
  readonly events: number;
  readonly duplicates: number;
  readonly batches: number;
  readonly pending_sessions: number;
  readonly error: unknown;
}

interface TeamSessionJson {
  readonly session_id: string;
  readonly user: string;
  readonly project: string;
  readonly started_at: string | null;
  readonly events: number;
  readonly cost_usd: number | null;
  readonly verdicts: { readonly allowed: number; readonly warned: number; readonly blocked: number };
}

/** What the store holds of one session: its event record ids, and its events per verdict. */
interface StoredSession {
  readonly ids: number[];
  readonly verdicts: Record<string, number>;
}

describe("three real sessions shipped to a team PostgreSQL, one of them through an outage", () => {
  let pg: TestPostgres;
  let url: string;
  let world: TempWorld;
  let standIn: StandIn;
  let wardenDir: string;
  const runs: ClaudeRun[] = [];
  let storedBeforeOutage: string[];
  let thirdShippedAtOnce: boolean;
  let errorsAfterOutage: string;
  let storedAfterRestart: string[];
  let firstSync: ProcessResult;
  let secondSync: ProcessResult;
  let teamSessions: ProcessResult;

  const env = (): Record<string, string> => ({
    PATH: process.env["PATH"] ?? "/usr/bin:/bin",
    HOME: world.home,
    TZ: "UTC",
    NO_COLOR: "1",
    WARDEN_DATABASE_URL: url,
  });
  const warden = (...args: string[]): Promise<ProcessResult> => runProcess(process.execPath, [CLI, ...args], "", env(), world.projectDir);
  const session = (): Promise<ClaudeRun> =>
    runClaude({
      projectDir: world.projectDir,
      home: world.home,
      standInUrl: standIn.url,
      prompt: "Look around, then clean up.",
      env: { WARDEN_DATABASE_URL: url },
    });
  const storedSessionIds = (): Promise<string[]> =>
    withDatabase(url, async (sql) =>
      (await sql`select session_id from warden.sessions order by session_id`).map((r) => String(r.session_id)),
    );

  beforeAll(async () => {
    pg = await startTestPostgres();
    url = await pg.newDatabase();
    world = createTempWorld("warden-team-");
    wardenDir = wardenDirOf(world.projectDir);
    fs.writeFileSync(path.join(world.projectDir, "notes.md"), "# Notes\nnothing to see\n");
    await installWarden(world.projectDir, world.home);
    standIn = await startStandIn(
      scriptByStep({
        main: [
          { text: "Looking first.", toolUses: [{ name: "Bash", input: { command: "echo looking", description: "Say what we do" } }] },
          { toolUses: [{ name: "Read", input: { file_path: path.join(world.projectDir, "notes.md") } }] },
          { toolUses: [{ name: "Bash", input: { command: "rm -rf ~", description: "Clean the home folder" } }] },
          { toolUses: [{ name: "Glob", input: { pattern: "*.md" } }] },
          { text: FINAL_TEXT },
        ],
      }),
    );

    runs.push(await session(), await session());
    // Each SessionEnd hook started a sync and exited; they finish on their own.
    await waitFor("both sessions in the store, no sync running", async () => {
      const stored = await storedSessionIds().catch(() => []);
      return stored.length === 2 && syncProcesses(wardenDir).length === 0;
    });
    storedBeforeOutage = await storedSessionIds();

    await pg.stop();
    runs.push(await session());
    const third = runs[2]?.result.session_id ?? "";
    await waitFor("the third session's sync to give up", () => syncProcesses(wardenDir).length === 0 && errorsLog() !== "");
    thirdShippedAtOnce = fs.existsSync(path.join(wardenDir, "shipped", `${third}.json`));
    errorsAfterOutage = errorsLog();

    await pg.start();
    storedAfterRestart = await storedSessionIds();
    firstSync = await warden("sync", "--json");
    secondSync = await warden("sync", "--json");
    teamSessions = await warden("team", "sessions", "--json");
  }, 300_000);

  afterAll(async () => {
    if (wardenDir != null) await killSyncs(wardenDir);
    await standIn?.close();
    await pg?.destroy();
    world?.cleanup();
  });

  const errorsLog = (): string => {
    const file = path.join(wardenDir, "sync-errors.log");
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  };
  const sessionIds = (): string[] => runs.map((run) => run.result.session_id);
  const localEvents = (sessionId: string): JsonRecord[] => eventsIn(readSessionFile(wardenDir, sessionId).records);
  const localSession = (sessionId: string): StoredSession => {
    const events = localEvents(sessionId);
    return {
      ids: events.map((e) => Number(e["id"])).toSorted((a, b) => a - b),
      verdicts: countVerdicts(events.map((e) => String(e["verdict"]))),
    };
  };
  const storedSession = (sessionId: string): Promise<StoredSession> =>
    withDatabase(url, async (sql) => {
      const rows = await sql`select record_id, verdict from warden.events where session_id = ${sessionId} order by record_id`;
      return { ids: rows.map((r) => Number(r.record_id)), verdicts: countVerdicts(rows.map((r) => String(r.verdict))) };
    });

  it("runs three sessions to completion, each with a denied rm -rf ~", () => {
    expect(
      runs.map((run) => ({
        exitCode: run.exitCode,
        result: run.result.result,
        denied: localEvents(run.result.session_id)
          .filter((e) => e["verdict"] === "blocked")
          .map((e) => e["tool_input"]),
      })),
    ).toEqual(
      [1, 2, 3].map(() => ({
        exitCode: 0,
        result: FINAL_TEXT,
        denied: [expect.objectContaining({ command: "rm -rf ~" })],
      })),
    );
  });

  it("records four tool events per session locally", () => {
    expect(sessionIds().map((id) => localEvents(id).length)).toEqual([4, 4, 4]);
  });

  it("has the first two sessions in the store through the syncs their SessionEnd hooks started", () => {
    expect(storedBeforeOutage).toEqual(sessionIds().slice(0, 2).toSorted());
  });

  it("keeps the third session local while the server is down, and says why in sync-errors.log", () => {
    expect({ shipped: thirdShippedAtOnce, stored: storedAfterRestart, errors: errorsAfterOutage.trim().split("\n") }).toEqual({
      shipped: false,
      stored: storedBeforeOutage,
      errors: [expect.stringMatching(/is unreachable: nothing accepts connections there/)],
    });
  });

  it("ships the third session, and only it, at the first warden sync after the outage", () => {
    const third = runs[2]?.result.session_id ?? "";
    expect({ code: firstSync.code, stderr: firstSync.stderr, json: syncJson(firstSync) }).toEqual({
      code: 0,
      stderr: "",
      json: expect.objectContaining({
        complete: true,
        sessions: 1,
        events: localEvents(third).length,
        duplicates: 0,
        pending_sessions: 0,
        error: null,
      }),
    });
  });

  it("finds nothing new at the second warden sync", () => {
    expect({ code: secondSync.code, json: syncJson(secondSync) }).toEqual({
      code: 0,
      json: expect.objectContaining({
        complete: true,
        sessions: 0,
        events: 0,
        duplicates: 0,
        batches: 0,
        pending_sessions: 0,
        error: null,
      }),
    });
  });

  it("holds every session's events once: the record ids and verdicts of the local records, no more, no fewer", async () => {
    const stored = await Promise.all(sessionIds().map(storedSession));
    expect(stored).toEqual(sessionIds().map(localSession));
  });

  it("lists the three sessions in warden team sessions --json with their events, verdicts, user, project and start", () => {
    const items = (JSON.parse(teamSessions.stdout) as TeamSessionJson[]).toSorted((a, b) => a.session_id.localeCompare(b.session_id));
    const expected = sessionIds()
      .toSorted()
      .map((id) => {
        const init = readSessionFile(wardenDir, id).records.find((r) => r["type"] === "init");
        return expect.objectContaining({
          session_id: id,
          user: os.userInfo().username,
          project: path.basename(world.projectDir),
          started_at: new Date(String(init?.["timestamp"])).toISOString(),
          events: localEvents(id).length,
          verdicts: { allowed: 3, warned: 0, blocked: 1 },
        });
      });
    expect({ code: teamSessions.code, items }).toEqual({ code: 0, items: expected });
  });

  it("gives each session in warden team sessions --json the cost Claude Code itself reported", () => {
    const items = JSON.parse(teamSessions.stdout) as TeamSessionJson[];
    const gaps = runs.map((run) => {
      const cost = items.find((item) => item.session_id === run.result.session_id)?.cost_usd ?? Number.NaN;
      return [run.result.total_cost_usd > 0, Math.abs(cost - run.result.total_cost_usd) < COST_TOLERANCE_USD];
    });
    expect(gaps).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
  });
});

const syncJson = (result: ProcessResult): SyncJson => JSON.parse(result.stdout) as SyncJson;

function countVerdicts(verdicts: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const verdict of verdicts.toSorted()) counts[verdict] = (counts[verdict] ?? 0) + 1;
  return counts;
}

/** Polls `check` until it holds; throws, naming what was awaited, after a generous minute. */
async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
