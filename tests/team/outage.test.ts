import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { recordSession } from "../cli/recorded-sessions.js";
import { CLI, readJsonl, type ProcessResult, type Sandbox } from "../support/hook-process.js";
import { withDatabase } from "../support/team-postgres.js";
import { localCounts, runWarden, shippedDir, snapshot, storedCounts, useSandboxes, useTestPostgres } from "./team-fixture.js";
import { DEFAULT_BATCH } from "@warden/team-store";

/**
 * What the team store promises when the server or the sync itself goes away: nothing recorded is
 * lost, nothing is stored twice, and the session files (the outbox) are never touched.
 */

const server = useTestPostgres();
const sandbox = useSandboxes();
let serverDown = false;

afterEach(async () => {
  // A test that failed during its outage must not leave the next test without a server.
  if (serverDown) await bringServerBack();
});

async function stopServer(): Promise<void> {
  serverDown = true;
  await server.pg.stop();
}

async function bringServerBack(): Promise<void> {
  await server.pg.start();
  serverDown = false;
}

function syncEnv(box: Sandbox, url: string): Record<string, string> {
  return { ...box.env, WARDEN_DATABASE_URL: url };
}

function sync(box: Sandbox, url: string): Promise<ProcessResult> {
  return runWarden(box, url, "sync", "--json");
}

/** A sync left running: the test stops the server or kills the process while it ships. */
function startSync(box: Sandbox, url: string) {
  const child = spawn(process.execPath, [CLI, "sync", "--json"], { env: syncEnv(box, url), cwd: box.project });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  const done = new Promise<ProcessResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

function sessionFile(box: Sandbox, sessionId: string): string {
  return path.join(box.wardenDir, "sessions", `${sessionId}.jsonl`);
}

function cursorOf(box: Sandbox, sessionId: string): { last_id: number; offset: number } {
  return JSON.parse(fs.readFileSync(path.join(shippedDir(box), `${sessionId}.json`), "utf8"));
}

/** Resolves once the sync has confirmed its first batch (its first cursor is on disk). */
async function firstCursor(box: Sandbox, sessionId: string, timeoutMs = 30_000): Promise<void> {
  const file = path.join(shippedDir(box), `${sessionId}.json`);
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`no cursor ${file} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Resolves once a sync's transaction in the store has written rows it has not committed yet. */
async function uncommittedWrites(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await withDatabase(url, async (sql) => {
    for (;;) {
      const [open] = await sql`
        select 1 from pg_stat_activity
        where datname = current_database() and application_name = 'warden' and backend_xid is not null`;
      if (open != null) return;
      if (Date.now() > deadline) throw new Error(`no sync transaction wrote to ${url} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });
}

/** Rows in each of the store's tables. */
function tableCounts(url: string): Promise<Record<"sessions" | "events" | "prompts" | "findings" | "usage", number>> {
  return withDatabase(url, async (sql) => {
    const [row] = await sql<{ sessions: string; events: string; prompts: string; findings: string; usage: string }[]>`
      select (select count(*) from warden.sessions) as sessions, (select count(*) from warden.events) as events,
        (select count(*) from warden.prompts) as prompts, (select count(*) from warden.findings) as findings,
        (select count(*) from warden.usage) as usage`;
    return {
      sessions: Number(row?.sessions),
      events: Number(row?.events),
      prompts: Number(row?.prompts),
      findings: Number(row?.findings),
      usage: Number(row?.usage),
    };
  });
}

/** Rows the store holds for a session's records up to `lastId`. */
function storedUpTo(url: string, sessionId: string, lastId: number): Promise<number> {
  return withDatabase(url, async (sql) => {
    const [row] = await sql<{ n: string }[]>`
      select count(*) as n from warden.events where session_id = ${sessionId} and record_id <= ${lastId}`;
    return Number(row?.n);
  });
}

/**
 * A session with a long backlog: a recorded session (so the records have the exact shape the
 * hooks write), then `extra` more tool events shaped like its Bash call, numbered on from its last
 * record. Returns how many event records the file holds.
 */
async function recordBacklog(box: Sandbox, sessionId: string, extra: number): Promise<number> {
  await recordSession(box, sessionId, { open: true, prompt: "run the tests again and again" });
  const file = sessionFile(box, sessionId);
  const records = readJsonl(file);
  const template = records.find((r) => r.type === "event" && r.tool_name === "Bash");
  if (template == null) throw new Error(`${file} has no Bash event to copy`);
  const lastId = records.length;
  const start = Date.parse(String(template.timestamp));
  const lines: string[] = [];
  for (let i = 1; i <= extra; i++) {
    const at = (ms: number) => new Date(start + i * 1000 + ms).toISOString();
    const id = lastId + i;
    lines.push(
      JSON.stringify({
        ...template,
        id,
        timestamp: at(20),
        tool_use_id: `toolu_backlog_${id}`,
        timestamp_start: at(0),
        timestamp_end: at(15),
        tool_input: { command: `npm test -- --shard ${i}/${extra}` },
        tool_output: { ...Object(template.tool_output), stdout: `shard ${i}: ${"ok ".repeat(40)}` },
      }),
    );
  }
  fs.appendFileSync(file, `${lines.join("\n")}\n`);
  return records.filter((r) => r.type === "event").length + extra;
}

/** Records per batch in `warden sync`: the most one interrupted batch can resend. */
const BATCH_RECORDS = DEFAULT_BATCH.maxRecords;

/** Enough event records for many batches: the outage lands while most are still to ship. */
const BACKLOG = 30_000;

test("with the server stopped, a sync exits 3 saying nothing accepts connections there, and touches no session file", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { transcript: true });
  await recordSession(box, "session-b", { transcript: true, prompt: "fix the build" });
  const url = await server.pg.newDatabase();
  const before = snapshot(path.join(box.wardenDir, "sessions"));
  await stopServer();

  const result = await sync(box, url);

  expect(result.code, result.stderr).toBe(3);
  // Refused at once, not a timeout: the message is the one for a closed port.
  expect(result.stderr).toMatch(/unreachable: nothing accepts connections there/);
  const summary = JSON.parse(result.stdout);
  expect(summary).toMatchObject({ complete: false, pending_sessions: 2, batches: 0, error: { kind: "unreachable" } });
  expect(fs.readFileSync(path.join(box.wardenDir, "sync-errors.log"), "utf8")).toMatch(/unreachable/);
  expect(snapshot(path.join(box.wardenDir, "sessions"))).toEqual(before);
  expect(fs.existsSync(shippedDir(box))).toBe(false);
});

test("after the outage, the next sync exits 0 and the store holds exactly the local records", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { transcript: true });
  await recordSession(box, "session-b", { transcript: true, prompt: "fix the build" });
  const url = await server.pg.newDatabase();
  await stopServer();
  expect((await sync(box, url)).code).toBe(3);
  await bringServerBack();

  const result = await sync(box, url);

  expect(result.code, result.stderr).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ complete: true, pending_sessions: 0, duplicates: 0, error: null });
  expect(await storedCounts(url)).toEqual(localCounts(box));
});

test("the server stopped in the middle of a long backlog: the sync exits 3 and keeps what the store had confirmed", async () => {
  const box = sandbox();
  const events = await recordBacklog(box, "session-long", BACKLOG);
  const url = await server.pg.newDatabase();
  const running = startSync(box, url);
  await firstCursor(box, "session-long");
  await stopServer();

  const result = await running.done;

  expect(result.code, result.stderr).toBe(3);
  const summary = JSON.parse(result.stdout);
  expect(["lost", "unreachable"]).toContain(summary.error?.kind);
  expect(summary).toMatchObject({ complete: false, pending_sessions: 1 });
  const cursor = cursorOf(box, "session-long");
  expect(cursor.offset).toBeLessThan(fs.statSync(sessionFile(box, "session-long")).size);
  await bringServerBack();
  const confirmed = readJsonl(sessionFile(box, "session-long")).filter((r) => r.type === "event" && Number(r.id) <= cursor.last_id);
  expect(await storedUpTo(url, "session-long", cursor.last_id)).toBe(confirmed.length);
  expect(summary.events).toBeLessThan(events);
});

test("after an outage in the middle of a backlog, the next sync ships the rest once: nothing lost, nothing twice", async () => {
  const box = sandbox();
  const events = await recordBacklog(box, "session-long", BACKLOG);
  const url = await server.pg.newDatabase();
  const running = startSync(box, url);
  await firstCursor(box, "session-long");
  await stopServer();
  const first = JSON.parse((await running.done).stdout);
  await bringServerBack();

  const result = await sync(box, url);

  expect(result.code, result.stderr).toBe(0);
  const second = JSON.parse(result.stdout);
  expect(second).toMatchObject({ complete: true, pending_sessions: 0, error: null });
  expect(await storedCounts(url)).toEqual(localCounts(box));
  expect(second.duplicates).toBeLessThanOrEqual(BATCH_RECORDS);
  expect(first.events + second.events).toBe(events);
});

test("a sync killed in the middle of a batch: the next sync exits 0, stores exactly the local records and ends its cursor at the file's end", async () => {
  const box = sandbox();
  await recordBacklog(box, "session-long", BACKLOG);
  const url = await server.pg.newDatabase();
  const running = startSync(box, url);
  await firstCursor(box, "session-long");
  // The second batch's transaction is open and holds rows: the kill lands inside it.
  await uncommittedWrites(url);
  running.child.kill("SIGKILL");
  expect((await running.done).signal).toBe("SIGKILL");

  const result = await sync(box, url);

  expect(result.code, result.stderr).toBe(0);
  expect(await storedCounts(url)).toEqual(localCounts(box));
  expect(cursorOf(box, "session-long").offset).toBe(fs.statSync(sessionFile(box, "session-long")).size);
});

test("everything sent twice (the cursors deleted): the store counts it all as duplicates and stores nothing new", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { transcript: true });
  await recordSession(box, "session-b", { transcript: true, prompt: "fix the build" });
  const url = await server.pg.newDatabase();
  expect((await sync(box, url)).code).toBe(0);
  const before = await tableCounts(url);
  fs.rmSync(shippedDir(box), { recursive: true });

  const result = await sync(box, url);

  expect(result.code, result.stderr).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({
    complete: true,
    events: 0,
    prompts: 0,
    findings: 0,
    duplicates: before.events + before.prompts + before.findings,
  });
  expect(await tableCounts(url)).toEqual(before);
});
