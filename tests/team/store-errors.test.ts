import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { recordSession } from "../cli/recorded-sessions.js";
import { CLI, makeSandbox, readJsonl, runProcess, type ProcessResult, type Sandbox } from "../support/hook-process.js";
import { startTestPostgres, withDatabase, type TestPostgres } from "../support/team-postgres.js";

/**
 * A wrong store setting gets an error a developer can act on, says nothing it should not (the
 * password), and costs nothing: the records wait, and the first sync with the right URL ships them.
 */

let pg: TestPostgres;
const boxes: Sandbox[] = [];

beforeAll(async () => {
  pg = await startTestPostgres();
});
afterEach(() => {
  for (const box of boxes.splice(0)) box.cleanup();
});
afterAll(async () => {
  await pg?.destroy();
});

/** A project with two recorded sessions (one with a prompt), not shipped anywhere yet. */
async function recordedProject(): Promise<Sandbox> {
  const box = makeSandbox();
  boxes.push(box);
  await recordSession(box, "session-a", { transcript: true });
  await recordSession(box, "session-b", { transcript: true, prompt: "fix the build" });
  return box;
}

/** `warden sync --json` with this store URL; none at all when `url` is undefined. */
function sync(box: Sandbox, url: string | undefined, ...args: string[]): Promise<ProcessResult> {
  const env = url == null ? box.env : { ...box.env, WARDEN_DATABASE_URL: url };
  return runProcess(process.execPath, [CLI, "sync", "--json", ...args], "", env, box.project);
}

function withPassword(url: string, password: string): string {
  const changed = new URL(url);
  changed.password = password;
  return changed.href;
}

function withDatabaseName(url: string, name: string): string {
  const changed = new URL(url);
  changed.pathname = `/${name}`;
  return changed.href;
}

function errorLog(box: Sandbox): string {
  const file = path.join(box.wardenDir, "sync-errors.log");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
}

function shippedDir(box: Sandbox): string {
  return path.join(box.wardenDir, "shipped");
}

function writeProjectConfig(box: Sandbox, config: unknown): void {
  const file = path.join(box.project, ".claude", "warden.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(config));
}

/** Events and prompts per session, as the session files hold them. */
function localCounts(box: Sandbox): Record<string, { events: number; prompts: number }> {
  const dir = path.join(box.wardenDir, "sessions");
  return Object.fromEntries(
    fs.readdirSync(dir).map((name) => {
      const records = readJsonl(path.join(dir, name));
      const count = (type: string) => records.filter((r) => r.type === type).length;
      return [name.replace(/\.jsonl$/, ""), { events: count("event"), prompts: count("prompt") }];
    }),
  );
}

/** Events and prompts per session, as the team store holds them; {} before any sync created the tables. */
function storedCounts(url: string): Promise<Record<string, { events: number; prompts: number }>> {
  return withDatabase(url, async (sql) => {
    const [schema] = await sql`select 1 from information_schema.tables where table_schema = 'warden' and table_name = 'sessions'`;
    if (schema == null) return {};
    const rows = await sql<{ session_id: string; events: string; prompts: string }[]>`
      select s.session_id,
        (select count(*) from warden.events e where e.session_id = s.session_id) as events,
        (select count(*) from warden.prompts p where p.session_id = s.session_id) as prompts
      from warden.sessions s`;
    return Object.fromEntries(rows.map((r) => [r.session_id, { events: Number(r.events), prompts: Number(r.prompts) }]));
  });
}

/** A TCP port that counts who connects to it: a store URL that must never be dialled points here. */
async function listenForConnections(): Promise<{ url: (scheme: string) => string; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address != null ? address.port : 0;
  return {
    url: (scheme) => `${scheme}://postgres:${pg.password}@127.0.0.1:${port}/warden`,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const EXPECTED_FORM = "postgres://USER:PASSWORD@HOST:PORT/DATABASE";

test("a WARDEN_DATABASE_URL that is not a URL: exit 3, naming the variable and the form expected", async () => {
  const box = await recordedProject();

  // The colon after the scheme forgotten: a typo that, unchecked, becomes a host lookup.
  const result = await sync(box, "postgres//postgres:hunter2@127.0.0.1/warden");

  expect(result.code, result.stderr).toBe(3);
  expect(result.stderr).toContain(`WARDEN_DATABASE_URL is not a URL; expected ${EXPECTED_FORM}`);
  expect(JSON.parse(result.stdout).error.message).toContain("WARDEN_DATABASE_URL is not a URL");
  expect(result.stdout + result.stderr).not.toContain("hunter2");
  expect(fs.existsSync(shippedDir(box))).toBe(false);
});

test("an http:// WARDEN_DATABASE_URL: exit 3 naming the variable, its scheme and the form expected, and no connection made", async () => {
  const box = await recordedProject();
  const listener = await listenForConnections();

  const result = await sync(box, listener.url("http"));
  await listener.close();

  expect(result.code, result.stderr).toBe(3);
  expect(result.stderr).toContain(`WARDEN_DATABASE_URL has the scheme "http"; expected ${EXPECTED_FORM}`);
  expect(listener.connections()).toBe(0);
  expect(fs.existsSync(shippedDir(box))).toBe(false);
});

test("a wrong password: exit 3 saying the login was refused, with the URL's password masked everywhere", async () => {
  const box = await recordedProject();
  const url = withPassword(await pg.newDatabase(), "hunter2-wrong-password");

  const result = await sync(box, url);

  expect(result.code, result.stderr).toBe(3);
  expect(result.stderr).toMatch(/refused the login: password authentication failed/);
  const summary = JSON.parse(result.stdout);
  expect(summary).toMatchObject({ complete: false, pending_sessions: 2, error: { kind: "auth" } });
  expect(summary.store).toMatch(/^postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:/);
  expect(errorLog(box)).toMatch(/refused the login/);
  expect([result.stdout, result.stderr, errorLog(box)].join("\n")).not.toContain("hunter2-wrong-password");
});

test("an unknown database: exit 3 saying it does not exist", async () => {
  const box = await recordedProject();
  const url = withDatabaseName(await pg.newDatabase(), "warden_no_such_database");

  const result = await sync(box, url);

  expect(result.code, result.stderr).toBe(3);
  expect(result.stderr).toMatch(/database "warden_no_such_database" does not exist/);
  expect(JSON.parse(result.stdout)).toMatchObject({ complete: false, pending_sessions: 2, error: { kind: "database" } });
});

test("no store set at all: exit 3 saying how to set WARDEN_DATABASE_URL", async () => {
  const box = await recordedProject();

  const result = await sync(box, undefined);

  expect(result.code, result.stderr).toBe(3);
  expect(result.stderr).toContain(`no team store is set: export WARDEN_DATABASE_URL=${EXPECTED_FORM}`);
  expect(fs.existsSync(shippedDir(box))).toBe(false);
});

test("a database URL in the project's .claude/warden.json is not used: the sync says no store is set and the database stays empty", async () => {
  const box = await recordedProject();
  const url = await pg.newDatabase();
  writeProjectConfig(box, { team: { database_url: url } });

  const result = await sync(box, undefined);

  expect(result.code, result.stderr).toBe(3);
  expect(result.stderr).toContain("no team store is set");
  expect(await storedCounts(url)).toEqual({});
});

test("a database URL in the project's .claude/warden.json is reported by warden doctor as ignored", async () => {
  const box = await recordedProject();
  writeProjectConfig(box, { team: { database_url: await pg.newDatabase() } });

  const result = await runProcess(process.execPath, [CLI, "doctor", "--json"], "", box.env, box.project);

  const config = JSON.parse(result.stdout).checks.find((c: { name: string }) => c.name === "config");
  expect(config).toMatchObject({ ok: false });
  expect(config.detail).toContain("team.database_url is ignored here");
});

/** Each wrong setting, as the environment and project files of a failing sync; `good` is the right URL. */
const WRONG_SETTINGS: ReadonlyArray<{ name: string; url: (good: string) => string | undefined; projectUrl?: boolean }> = [
  { name: "not a URL", url: () => "postgres//postgres:hunter2@127.0.0.1/warden" },
  { name: "an http:// URL", url: (good) => good.replace(/^postgres:/, "http:") },
  { name: "a wrong password", url: (good) => withPassword(good, "hunter2-wrong-password") },
  { name: "an unknown database", url: (good) => withDatabaseName(good, "warden_no_such_database") },
  { name: "no store set", url: () => undefined },
  { name: "the URL only in the project's config", url: () => undefined, projectUrl: true },
];

test.each(WRONG_SETTINGS)("after a sync failed on $name, a sync with the right URL ships every record", async ({ url, projectUrl }) => {
  const box = await recordedProject();
  const good = await pg.newDatabase();
  writeProjectConfig(box, projectUrl ? { team: { database_url: good } } : {});
  expect((await sync(box, url(good))).code).toBe(3);

  const result = await sync(box, good);

  expect(result.code, result.stderr).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ complete: true, sessions: 2, pending_sessions: 0, duplicates: 0 });
  expect(await storedCounts(good)).toEqual(localCounts(box));
});
