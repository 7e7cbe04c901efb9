import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "vitest";
import { recordSession } from "../cli/recorded-sessions.js";
import type { ProcessResult, Sandbox } from "../support/hook-process.js";
import { localCounts, runWarden, shippedDir, storedCounts, useSandboxes, useTestPostgres } from "./team-fixture.js";

/**
 * A wrong store setting gets an error a developer can act on, says nothing it should not (the
 * password), and costs nothing: the records wait, and the first sync with the right URL ships them.
 */

const server = useTestPostgres();
const sandbox = useSandboxes();

/** A project with two recorded sessions (one with a prompt), not shipped anywhere yet. */
async function recordedProject(): Promise<Sandbox> {
  const box = sandbox();
  await recordSession(box, "session-a", { transcript: true });
  await recordSession(box, "session-b", { transcript: true, prompt: "fix the build" });
  return box;
}

/** `warden sync --json` with this store URL; none at all when `url` is undefined. */
function sync(box: Sandbox, url: string | undefined, ...args: string[]): Promise<ProcessResult> {
  return runWarden(box, url, "sync", "--json", ...args);
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

function writeProjectConfig(box: Sandbox, config: unknown): void {
  const file = path.join(box.project, ".claude", "warden.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(config));
}

/** A TCP port that counts who connects to it: a store URL that must never be dialled points here. */
async function listenForConnections(): Promise<{ url: (scheme: string) => string; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const listener = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const address = listener.address();
  const port = typeof address === "object" && address != null ? address.port : 0;
  return {
    url: (scheme) => `${scheme}://postgres:${server.pg.password}@127.0.0.1:${port}/warden`,
    connections: () => connections,
    close: () => new Promise((resolve) => listener.close(() => resolve())),
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
  const url = withPassword(await server.pg.newDatabase(), "hunter2-wrong-password");

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
  const url = withDatabaseName(await server.pg.newDatabase(), "warden_no_such_database");

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
  const url = await server.pg.newDatabase();
  writeProjectConfig(box, { team: { database_url: url } });

  const result = await sync(box, undefined);

  expect(result.code, result.stderr).toBe(3);
  expect(result.stderr).toContain("no team store is set");
  expect(await storedCounts(url)).toEqual({});
});

test("a database URL in the project's .claude/warden.json is reported by warden doctor as ignored", async () => {
  const box = await recordedProject();
  writeProjectConfig(box, { team: { database_url: await server.pg.newDatabase() } });

  const result = await runWarden(box, undefined, "doctor", "--json");

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
  const good = await server.pg.newDatabase();
  writeProjectConfig(box, projectUrl ? { team: { database_url: good } } : {});
  expect((await sync(box, url(good))).code).toBe(3);

  const result = await sync(box, good);

  expect(result.code, result.stderr).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ complete: true, sessions: 2, pending_sessions: 0, duplicates: 0 });
  expect(await storedCounts(good)).toEqual(localCounts(box));
});
