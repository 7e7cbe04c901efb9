import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recordSession } from "../cli/recorded-sessions.js";
import { killSyncs, syncProcesses, waitForSyncsToEnd } from "../support/detached-sync.js";
import { CLI, makeSandbox, readJsonl, runHookProcess, runProcess, type ProcessResult, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";
import { startTestPostgres, withDatabase, type TestPostgres } from "../support/team-postgres.js";

/**
 * The SessionEnd hook (the real hook process) and the `warden sync` it starts, detached, when a
 * team store is set: the session reaches the store without the hook waiting for it, and a store
 * that is down or silent costs the hook nothing and loses no record.
 */

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startTestPostgres();
});
afterAll(async () => {
  await pg?.destroy();
});

let box: Sandbox;
let sessionId: string;
beforeEach(() => {
  box = makeSandbox();
  sessionId = randomUUID();
});
afterEach(async () => {
  await killSyncs(box.wardenDir);
  box.cleanup();
});

/** The sandbox with a team store set in the hooks' environment, as a developer's shell would. */
const withStore = (url: string): Sandbox => ({ ...box, env: { ...box.env, WARDEN_DATABASE_URL: url } });

/** Records a session's start and tool calls (a blocked `rm -rf ~` among them), then ends it: the SessionEnd hook's result. */
async function endedSession(sandbox: Sandbox): Promise<ProcessResult> {
  await recordSession(sandbox, sessionId, { transcript: true, open: true, hooks: runHookProcess });
  const s = { sessionId, cwd: box.project };
  await runHookProcess("session-end", p.stop(s), sandbox);
  return runHookProcess("session-end", p.sessionEnd(s, "prompt_input_exit"), sandbox);
}

const warden = (...parts: string[]): string => path.join(box.wardenDir, ...parts);

/** The record ids of the session's tool events, as the local session file holds them. */
const localEventIds = (): number[] =>
  readJsonl(warden("sessions", `${sessionId}.jsonl`))
    .filter((r) => r.type === "event")
    .map((r) => Number(r.id));

const storedEventIds = (url: string): Promise<number[]> =>
  withDatabase(url, async (sql) => {
    const rows = await sql`select record_id from warden.events where session_id = ${sessionId} order by record_id`;
    return rows.map((r) => Number(r.record_id));
  });

/** The stored event ids once the store holds `count` of them (polled: the sync runs on its own). */
async function storedEventIdsOnce(url: string, count: number, timeoutMs = 30_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Until the sync has created the schema, the query fails: nothing stored yet.
    const ids = await storedEventIds(url).catch(() => []);
    if (ids.length >= count || Date.now() > deadline) return ids;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const readText = (file: string): string => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");

/** A TCP server that accepts every connection and never says a word: a store that hangs. */
async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address != null ? address.port : 0;
  return {
    url: `postgres://warden:secret@127.0.0.1:${port}/warden`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe("the SessionEnd hook with a team store set", () => {
  it("exits 0 with nothing on stdout or stderr", async () => {
    const result = await endedSession(withStore(await pg.newDatabase()));
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("starts a sync that ships the session with every one of its tool events, logging to .warden/sync.log", async () => {
    const url = await pg.newDatabase();
    await endedSession(withStore(url));
    const stored = await storedEventIdsOnce(url, localEventIds().length);
    await waitForSyncsToEnd(box.wardenDir);
    expect({ stored, log: fs.existsSync(warden("sync.log")) }).toEqual({ stored: localEventIds(), log: true });
  });

  it("ships the session's verdicts and its cost with it", async () => {
    const url = await pg.newDatabase();
    await endedSession(withStore(url));
    await storedEventIdsOnce(url, localEventIds().length);
    await waitForSyncsToEnd(box.wardenDir);
    const stored = await withDatabase(url, async (sql) => {
      const [session] =
        await sql`select cost_usd::float8 as cost, ended_at is not null as ended from warden.sessions where session_id = ${sessionId}`;
      const verdicts =
        await sql`select verdict, count(*)::int as n from warden.events where session_id = ${sessionId} group by verdict order by verdict`;
      return { session, verdicts: verdicts.map((v) => [v.verdict, v.n]) };
    });
    expect(stored).toEqual({
      session: { cost: 0.0105, ended: true },
      verdicts: [
        ["allowed", 3],
        ["blocked", 1],
      ],
    });
  });

  it("exits while the sync it started still waits on a store that never answers", async () => {
    const silent = await startSilentServer();
    try {
      const result = await endedSession(withStore(silent.url));
      // Right after the hook's exit: the sync is still connecting (the client gives up after 10 s).
      const afterHook = { code: result.code, syncs: syncProcesses(box.wardenDir).length, errors: readText(warden("sync-errors.log")) };
      await waitForSyncsToEnd(box.wardenDir);
      expect({ afterHook, errorsLater: readText(warden("sync-errors.log")) }).toEqual({
        afterHook: { code: 0, syncs: 1, errors: "" },
        errorsLater: expect.stringMatching(/unreachable: no answer/),
      });
    } finally {
      await silent.close();
    }
  });
});

describe("the SessionEnd hook with the team store down", () => {
  let url: string;
  let down = false;
  const bringBack = async (): Promise<void> => {
    if (down) await pg.start();
    down = false;
  };
  beforeEach(async () => {
    url = await pg.newDatabase();
    await pg.stop();
    down = true;
  });
  afterEach(bringBack);

  it("exits 0, and its sync leaves the records local and says why in .warden/sync-errors.log", async () => {
    const result = await endedSession(withStore(url));
    await waitForSyncsToEnd(box.wardenDir);
    expect({
      code: result.code,
      events: localEventIds().length,
      shipped: fs.existsSync(warden("shipped", `${sessionId}.json`)),
      errors: readText(warden("sync-errors.log")).trim().split("\n"),
    }).toEqual({
      code: 0,
      events: 4,
      shipped: false,
      errors: [
        expect.stringMatching(
          /^\S+Z the team store postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/\S+ is unreachable: nothing accepts connections there/,
        ),
      ],
    });
  });

  it("loses nothing: a later warden sync, with the store back, ships every event", async () => {
    await endedSession(withStore(url));
    await waitForSyncsToEnd(box.wardenDir);
    await bringBack();
    const sync = await runProcess(process.execPath, [CLI, "sync", "--json"], "", withStore(url).env, box.project);
    expect({ code: sync.code, events: JSON.parse(sync.stdout).events, stored: await storedEventIds(url) }).toEqual({
      code: 0,
      events: 4,
      stored: localEventIds(),
    });
  });
});

describe("the SessionEnd hook starts no sync", () => {
  /** What a started sync would leave: a process, its log, its cursors. */
  const syncTraces = (code: number | null) => ({
    code,
    syncs: syncProcesses(box.wardenDir),
    log: fs.existsSync(warden("sync.log")),
    shipped: fs.existsSync(warden("shipped")),
  });

  it("when no team store is set", async () => {
    const result = await endedSession(box);
    expect(syncTraces(result.code)).toEqual({ code: 0, syncs: [], log: false, shipped: false });
  });

  it("when ~/.claude/warden.json says team.sync_at_session_end: false, though a store is set", async () => {
    fs.mkdirSync(path.join(box.home, ".claude"), { recursive: true });
    fs.writeFileSync(path.join(box.home, ".claude", "warden.json"), JSON.stringify({ team: { sync_at_session_end: false } }));
    const result = await endedSession(withStore(await pg.newDatabase()));
    expect(syncTraces(result.code)).toEqual({ code: 0, syncs: [], log: false, shipped: false });
  });
});
