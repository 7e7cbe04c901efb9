import fs from "node:fs";
import path from "node:path";
import { migrate } from "@warden/team-store";
import { expect, test } from "vitest";
import { recordSession } from "../cli/recorded-sessions.js";
import type { Sandbox } from "../support/hook-process.js";
import { withDatabase } from "../support/team-postgres.js";
import { initRepository, recordCommits } from "./committed-sessions.js";
import { runWarden, snapshot, useSandboxes, useTestPostgres } from "./team-fixture.js";

/**
 * The store's schema moves forward under the rows already in it: an older store is brought up to
 * date by the first sync, a newer one is refused untouched, and clients migrating at once apply
 * each version once.
 */

const server = useTestPostgres();
const sandbox = useSandboxes();

async function recordedProject(...sessionIds: string[]): Promise<Sandbox> {
  const box = sandbox();
  for (const id of sessionIds) await recordSession(box, id, { transcript: true });
  return box;
}

/** A store at schema version 1 holding one session of two events, as an earlier Warden shipped it. */
async function versionOneStore(): Promise<string> {
  const url = await server.pg.newDatabase();
  await withDatabase(url, async (sql) => {
    await migrate(sql, { upTo: 1 });
    await sql`
      insert into warden.sessions (session_id, user_name, machine, project, started_at, ended_at, end_reason, warden_version)
      values ('session-old', 'ada', 'ada-laptop', 'billing', '2026-01-05T09:00:00Z', '2026-01-05T09:30:00Z', 'logout', '0.0.9')`;
    await sql`
      insert into warden.events (session_id, record_id, tool_name, outcome, verdict, started_at, tool_input)
      values ('session-old', 2, 'Bash', 'completed', 'allowed', '2026-01-05T09:01:00Z', ${sql.json({ command: "make" })}),
             ('session-old', 3, 'Bash', 'blocked', 'blocked', '2026-01-05T09:02:00Z', ${sql.json({ command: "rm -rf ~" })})`;
  });
  return url;
}

/** A store at schema version 2: version 1's session and events, and the session's usage and cost. */
async function versionTwoStore(): Promise<string> {
  const url = await versionOneStore();
  await withDatabase(url, async (sql) => {
    await migrate(sql, { upTo: 2 });
    await sql`update warden.sessions set cost_usd = 0.42 where session_id = 'session-old'`;
    await sql`
      insert into warden.usage (session_id, model, input_tokens, output_tokens, cache_creation_input_tokens, cache_read_input_tokens, api_calls, cost_usd)
      values ('session-old', 'claude-sonnet-4-5', 12000, 3000, 0, 40000, 7, 0.42)`;
  });
  return url;
}

/** What a version-2 store held: its sessions with their cost, and the usage rows. */
function oldTotals(url: string): Promise<string[]> {
  return withDatabase(url, async (sql) => {
    const rows = await sql<{ line: string }[]>`
      select concat_ws(' ', t.session_id, t.events, t.blocked, t.cost_usd, u.model, u.input_tokens, u.api_calls) as line
      from warden.session_totals t join warden.usage u using (session_id) where t.session_id = 'session-old'`;
    return rows.map((r) => r.line);
  });
}

function versions(url: string): Promise<number[]> {
  return withDatabase(url, async (sql) => {
    const rows = await sql<{ version: number }[]>`select version from warden.schema_migrations order by version`;
    return rows.map((r) => r.version);
  });
}

function oldEvents(url: string): Promise<string[]> {
  return withDatabase(url, async (sql) => {
    const rows = await sql<{ record_id: number; tool_name: string; verdict: string; command: string }[]>`
      select record_id, tool_name, verdict, tool_input->>'command' as command
      from warden.events where session_id = 'session-old' order by record_id`;
    return rows.map((r) => `${r.record_id} ${r.tool_name} ${r.verdict} ${r.command}`);
  });
}

function eventCounts(url: string): Promise<Record<string, number>> {
  return withDatabase(url, async (sql) => {
    const rows = await sql<{ session_id: string; n: string }[]>`select session_id, count(*) as n from warden.events group by session_id`;
    return Object.fromEntries(rows.map((r) => [r.session_id, Number(r.n)]));
  });
}

/**
 * Starts `clients` migrating processes and lets them go at the same instant: an open transaction
 * of the test's creates the schema first, so each one blocks (on Warden's lock, or on that schema)
 * until the test sees them all waiting and rolls it back.
 */
async function startedTogether<T>(url: string, clients: number, start: () => Promise<T>): Promise<T> {
  return withDatabase(url, async (sql) => {
    const gate = await sql.reserve();
    await gate`begin`;
    await gate`create schema warden`;
    const running = start();
    await waitForWaiting(url, clients);
    await gate`rollback`;
    gate.release();
    return running;
  });
}

/** Resolves once `clients` Warden connections are waiting for a lock. */
function waitForWaiting(url: string, clients: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  return withDatabase(url, async (sql) => {
    for (;;) {
      const [row] = await sql<{ n: string }[]>`
        select count(*) as n from pg_stat_activity
        where datname = current_database() and application_name = 'warden' and wait_event_type = 'Lock'`;
      const waiting = Number(row?.n);
      if (waiting === clients) return;
      if (Date.now() > deadline) throw new Error(`${waiting} of ${clients} migrating clients were waiting after 20 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
}

test("a sync to a version-1 store brings it to version 3 and ships the new sessions beside the old rows", async () => {
  const url = await versionOneStore();
  const box = await recordedProject("session-new");

  const result = await runWarden(box, url, "sync", "--json");

  expect(result.code, result.stderr).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ complete: true, schema_version: 3, migrated: [2, 3], events: 4 });
  expect(await versions(url)).toEqual([1, 2, 3]);
  expect(await oldEvents(url)).toEqual(["2 Bash allowed make", "3 Bash blocked rm -rf ~"]);
  expect(await eventCounts(url)).toEqual({ "session-old": 2, "session-new": 4 });
});

test("a sync to a version-2 store brings it to version 3, keeps the rows it held and ships the commits beside them", async () => {
  const url = await versionTwoStore();
  const box = sandbox();
  initRepository(box);
  await recordCommits(box, "session-new", [{ file: "src/cart.ts", content: "export const cart = [];\n", subject: "Add the cart" }]);

  const result = await runWarden(box, url, "sync", "--json");

  expect(result.code, result.stderr).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ complete: true, schema_version: 3, migrated: [3], checkpoints: 1 });
  expect(await versions(url)).toEqual([1, 2, 3]);
  expect(await oldEvents(url)).toEqual(["2 Bash allowed make", "3 Bash blocked rm -rf ~"]);
  expect(await oldTotals(url)).toEqual(["session-old 2 1 0.420000 claude-sonnet-4-5 12000 7"]);
  const commits = await withDatabase(url, (sql) => sql`select session_id, subject, user_name from warden.commits`);
  expect(commits.map((c) => `${c.session_id}: ${c.subject}`)).toEqual(["session-new: Add the cart"]);
});

test("after the upgrade, warden team sessions lists the old session and the new one", async () => {
  const url = await versionOneStore();
  const box = await recordedProject("session-new");
  expect((await runWarden(box, url, "sync")).code).toBe(0);

  const result = await runWarden(box, url, "team", "sessions", "--json");

  expect(result.code, result.stderr).toBe(0);
  const sessions: Array<{ session_id: string; events: number }> = JSON.parse(result.stdout);
  expect(sessions.map((s) => `${s.session_id}: ${s.events}`).toSorted()).toEqual(["session-new: 4", "session-old: 2"]);
});

test("a store at a schema version newer than this Warden: the sync exits 3 saying so, writes nothing and keeps everything queued", async () => {
  const url = await server.pg.newDatabase();
  await withDatabase(url, async (sql) => {
    await migrate(sql);
    await sql`insert into warden.schema_migrations (version, name) values (4, 'from a newer warden')`;
  });
  const box = await recordedProject("session-a", "session-b");
  const before = snapshot(path.join(box.wardenDir, "sessions"));

  const result = await runWarden(box, url, "sync", "--json");

  expect(result.code, result.stderr).toBe(3);
  expect(result.stderr).toMatch(/schema is at version 4, newer than this Warden knows \(3\): update Warden/);
  expect(JSON.parse(result.stdout)).toMatchObject({ complete: false, pending_sessions: 2, error: { kind: "schema" } });
  expect(await eventCounts(url)).toEqual({});
  expect(await versions(url)).toEqual([1, 2, 3, 4]);
  expect(fs.existsSync(path.join(box.wardenDir, "shipped"))).toBe(false);
  expect(snapshot(path.join(box.wardenDir, "sessions"))).toEqual(before);
});

test("four `warden team migrate` at once on a new database: all exit 0 and each version is applied once", async () => {
  const url = await server.pg.newDatabase();
  const box = await recordedProject();

  const results = await startedTogether(url, 4, () =>
    Promise.all([1, 2, 3, 4].map(() => runWarden(box, url, "team", "migrate", "--json"))),
  );

  expect(results.map((r) => [r.code, r.stderr])).toEqual([1, 2, 3, 4].map(() => [0, ""]));
  const applied = results.flatMap((r) => JSON.parse(r.stdout).applied).toSorted();
  expect(applied).toEqual([1, 2, 3]);
  expect(await versions(url)).toEqual([1, 2, 3]);
  const stores = await withDatabase(url, (sql) => sql`select store_id from warden.store_info`);
  expect(stores).toHaveLength(1);
});
