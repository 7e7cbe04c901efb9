import { afterAll, beforeAll, expect, test } from "vitest";
import { recordSession } from "../cli/recorded-sessions.js";
import { CLI, makeSandbox, runProcess, type Sandbox } from "../support/hook-process.js";
import { startTestPostgres, withDatabase, type TestPostgres } from "../support/team-postgres.js";

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startTestPostgres();
});
afterAll(async () => {
  await pg?.destroy();
});

function sync(box: Sandbox, url: string, ...args: string[]) {
  return runProcess(process.execPath, [CLI, "sync", "--json", ...args], "", { ...box.env, WARDEN_DATABASE_URL: url }, box.project);
}

test("a sync ships every recorded tool event once, with its verdict, and exits 0 with nothing pending", async () => {
  const box = makeSandbox();
  try {
    await recordSession(box, "session-a", { transcript: true });
    const url = await pg.newDatabase();
    const result = await sync(box, url);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ complete: true, sessions: 1, events: 4, pending_sessions: 0, error: null });
    const rows = await withDatabase(url, (sql) => sql`select tool_name, verdict from warden.events order by record_id`);
    expect(rows.map((r) => `${r.tool_name}:${r.verdict}`)).toEqual(["Bash:allowed", "Read:allowed", "Write:allowed", "Bash:blocked"]);
  } finally {
    box.cleanup();
  }
});
