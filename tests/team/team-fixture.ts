import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { CLI, makeSandbox, readJsonl, runProcess, type ProcessResult, type Sandbox } from "../support/hook-process.js";
import { startTestPostgres, withDatabase, type TestPostgres } from "../support/team-postgres.js";

/** What the team-store test files share: their server, their sandboxes, and how they count rows. */

/** One real PostgreSQL for the test file, started before its tests and deleted after them. */
export function useTestPostgres(): { readonly pg: TestPostgres } {
  const holder: { pg?: TestPostgres } = {};
  beforeAll(async () => {
    holder.pg = await startTestPostgres();
  });
  afterAll(async () => {
    await holder.pg?.destroy();
  });
  return {
    get pg(): TestPostgres {
      if (holder.pg == null) throw new Error("the test PostgreSQL is not started yet (use it inside a test or a hook)");
      return holder.pg;
    },
  };
}

/** A maker of sandboxes, each removed after its test. */
export function useSandboxes(): () => Sandbox {
  const boxes: Sandbox[] = [];
  afterEach(() => {
    for (const box of boxes.splice(0)) box.cleanup();
  });
  return () => {
    const box = makeSandbox();
    boxes.push(box);
    return box;
  };
}

/** `warden ARGS` in the sandbox's project, with WARDEN_DATABASE_URL set to `url` (unset when undefined). */
export function runWarden(box: Sandbox, url: string | undefined, ...args: string[]): Promise<ProcessResult> {
  const env = url == null ? box.env : { ...box.env, WARDEN_DATABASE_URL: url };
  return runProcess(process.execPath, [CLI, ...args], "", env, box.project);
}

export function shippedDir(box: Sandbox): string {
  return path.join(box.wardenDir, "shipped");
}

/** Every file of a folder with its bytes: to show a sync changed none of them. */
export function snapshot(dir: string): Record<string, Buffer> {
  return Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name))]));
}

type Counts = Record<string, { events: number; prompts: number }>;

/** Events and prompts per session, as the session files hold them. */
export function localCounts(box: Sandbox): Counts {
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
export function storedCounts(url: string): Promise<Counts> {
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
