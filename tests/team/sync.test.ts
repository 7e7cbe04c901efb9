import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { recordSession } from "../cli/recorded-sessions.js";
import { runHookInProcess } from "../support/hook-in-process.js";
import { CLI, readJsonl, runProcess, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";
import { withDatabase } from "../support/team-postgres.js";
import { runWarden, useSandboxes, useTestPostgres } from "./team-fixture.js";

const server = useTestPostgres();
const sandbox = useSandboxes();

async function sync(box: Sandbox, url: string) {
  const result = await runWarden(box, url, "sync", "--json");
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/** The session's records of one type in its local file, as the store must hold them. */
function localRecords(box: Sandbox, sessionId: string, type: string): Array<Record<string, unknown>> {
  return readJsonl(path.join(box.wardenDir, "sessions", `${sessionId}.jsonl`)).filter((r) => r.type === type);
}

const s1 = (box: Sandbox) => ({ sessionId: "session-a", cwd: box.project });

test("a sync ships every recorded tool event once, with its verdict, and exits 0 with nothing pending", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { transcript: true });
  const url = await server.pg.newDatabase();
  expect(await sync(box, url)).toMatchObject({ complete: true, sessions: 1, events: 4, pending_sessions: 0, error: null });
  const rows = await withDatabase(url, (sql) => sql`select record_id, tool_name, verdict from warden.events order by record_id`);
  const local = localRecords(box, "session-a", "event");
  expect(rows.map((r) => [r.record_id, r.tool_name, r.verdict])).toEqual(local.map((r) => [r.id, r.tool_name, r.verdict]));
});

test("a second sync finds nothing new and stores nothing twice", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { transcript: true });
  const url = await server.pg.newDatabase();
  await sync(box, url);
  expect(await sync(box, url)).toMatchObject({ complete: true, batches: 0, events: 0, duplicates: 0 });
  const [row] = await withDatabase(url, (sql) => sql`select count(*)::int as n from warden.events`);
  expect(row?.n).toBe(4);
});

test("records added after a sync (the session went on) ship at the next one, and only they", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { open: true });
  const url = await server.pg.newDatabase();
  await sync(box, url);
  await runHookInProcess("post-tool-guard", p.preToolUse(s1(box), "Bash", p.bashInput("git status"), "toolu_more"), box);
  await runHookInProcess(
    "post-tool-guard",
    p.postToolUse(s1(box), "Bash", p.bashInput("git status"), p.bashResponse("clean"), "toolu_more"),
    box,
  );
  expect(await sync(box, url)).toMatchObject({ events: 1, duplicates: 0 });
  const rows = await withDatabase(url, (sql) => sql`select tool_use_id from warden.events order by record_id`);
  expect(rows.map((r) => r.tool_use_id)).toEqual(localRecords(box, "session-a", "event").map((r) => r.tool_use_id));
});

test("a session's end ships after it: the store shows it open, then ended with its reason and cost", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { open: true, transcript: true });
  const url = await server.pg.newDatabase();
  await sync(box, url);
  const open = await withDatabase(url, (sql) => sql`select ended_at, cost_usd from warden.sessions`);
  await runHookInProcess("session-end", p.sessionEnd(s1(box), "prompt_input_exit"), box);
  await sync(box, url);
  const ended = await withDatabase(url, (sql) => sql`select end_reason, cost_usd::float as cost from warden.sessions`);
  expect([open[0]?.ended_at, open[0]?.cost_usd, ended[0]?.end_reason, ended[0]?.cost]).toEqual([null, null, "prompt_input_exit", 0.0105]);
});

test("team sessions lists each session with its developer, project, event and verdict counts and cost, as recorded", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { transcript: true });
  const url = await server.pg.newDatabase();
  await sync(box, url);
  const result = await runWarden(box, url, "team", "sessions", "--json");
  expect(result.code, result.stderr).toBe(0);
  const local = localRecords(box, "session-a", "event");
  const count = (verdict: string) => local.filter((r) => r.verdict === verdict).length;
  expect(JSON.parse(result.stdout)).toEqual([
    expect.objectContaining({
      session_id: "session-a",
      user: expect.any(String),
      project: "project",
      started_at: localRecords(box, "session-a", "init")[0]?.timestamp,
      events: local.length,
      verdicts: { allowed: count("allowed"), warned: count("warned"), blocked: count("blocked") },
      cost_usd: 0.0105,
    }),
  ]);
});

test("team cost adds up the sessions of every developer per day, and team findings names each rule found", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { transcript: true });
  await recordSession(box, "session-b", { transcript: true });
  const url = await server.pg.newDatabase();
  await sync(box, url);
  const cost = JSON.parse((await runWarden(box, url, "team", "cost", "--json")).stdout);
  const findings = JSON.parse((await runWarden(box, url, "team", "findings", "--json")).stdout);
  expect([cost.total.sessions, cost.total.cost_usd, cost.periods.length]).toEqual([2, 0.021, 1]);
  expect(
    findings.map((f: { session_id: string; rule: string; verdict: string }) => `${f.session_id}:${f.rule}:${f.verdict}`).toSorted(),
  ).toEqual(["session-a:fs.rm-home:blocked", "session-b:fs.rm-home:blocked"]);
});

test("team views filter by developer, project and day", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { transcript: true });
  const url = await server.pg.newDatabase();
  await sync(box, url);
  const ids = async (...args: string[]) =>
    JSON.parse((await runWarden(box, url, "team", "sessions", "--json", ...args)).stdout).map((s: { session_id: string }) => s.session_id);
  const today = new Date().toISOString().slice(0, 10);
  expect([
    await ids("--project", "project"),
    await ids("--project", "other"),
    await ids("--user", "nobody-here"),
    await ids("--until", "2000-01-01"),
    await ids("--since", today),
  ]).toEqual([["session-a"], [], [], [], ["session-a"]]);
});

test("a secret the project keeps in clear locally (redact: off) reaches the team store masked", async () => {
  const box = sandbox();
  fs.mkdirSync(path.join(box.project, ".claude"));
  fs.writeFileSync(path.join(box.project, ".claude", "warden.json"), JSON.stringify({ redact: "off" }));
  const token = ["ghp_", "Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8"].join("");
  const command = `curl -H "Authorization: token ${token}" https://api.github.com/user`;
  await runHookInProcess("session-start", p.sessionStart(s1(box)), box);
  await runHookInProcess("post-tool-guard", p.preToolUse(s1(box), "Bash", p.bashInput(command), "toolu_gh"), box);
  await runHookInProcess(
    "post-tool-guard",
    p.postToolUse(s1(box), "Bash", p.bashInput(command), p.bashResponse(`{"token":"${token}"}`), "toolu_gh"),
    box,
  );
  expect(fs.readFileSync(path.join(box.wardenDir, "sessions", "session-a.jsonl"), "utf8")).toContain(token);
  const url = await server.pg.newDatabase();
  await sync(box, url);
  const dump = await withDatabase(url, (sql) => sql`select e::text as row from warden.events e`);
  expect([dump.length, dump.some((r) => String(r.row).includes(token))]).toEqual([1, false]);
});

test("a session compressed by warden clean --compress still ships whole", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { transcript: true });
  const old = new Date(Date.now() - 3 * 86_400_000);
  for (const file of fs.readdirSync(path.join(box.wardenDir, "sessions")))
    fs.utimesSync(path.join(box.wardenDir, "sessions", file), old, old);
  const clean = await runProcess(process.execPath, [CLI, "clean", "--older-than", "1d", "--compress"], "", box.env, box.project);
  expect(fs.existsSync(path.join(box.wardenDir, "sessions", "session-a.jsonl.gz")), clean.stderr).toBe(true);
  const url = await server.pg.newDatabase();
  expect(await sync(box, url)).toMatchObject({ events: 4, pending_sessions: 0 });
});

test("a new database (or one recreated empty) gets every session again, though this machine shipped them before", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { transcript: true });
  await sync(box, await server.pg.newDatabase());
  expect(await sync(box, await server.pg.newDatabase())).toMatchObject({ sessions: 1, events: 4, duplicates: 0 });
});

test("clean keeps a session the team store does not have yet, and deletes it once shipped", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { transcript: true });
  const old = new Date(Date.now() - 3 * 86_400_000);
  const log = path.join(box.wardenDir, "sessions", "session-a.jsonl");
  fs.utimesSync(log, old, old);
  const url = await server.pg.newDatabase();
  const clean = () => runWarden(box, url, "clean", "--older-than", "1d", "--yes", "--json");
  const before = JSON.parse((await clean()).stdout).actions[0];
  await sync(box, url);
  fs.utimesSync(log, old, old);
  const after = JSON.parse((await clean()).stdout).actions[0];
  expect([before.action, before.reason, after.action, fs.existsSync(path.join(box.wardenDir, "shipped", "session-a.json"))]).toEqual([
    "skipped",
    expect.stringContaining("not yet in the team store"),
    "deleted",
    false,
  ]);
});

test("a developer role with only read and write rights on the warden schema ships once an admin has set it up", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { transcript: true });
  const admin = await server.pg.newDatabase();
  const migrated = await runWarden(box, admin, "team", "migrate", "--json");
  expect(migrated.code, migrated.stderr).toBe(0);
  const database = new URL(admin).pathname.slice(1);
  await withDatabase(admin, async (sql) => {
    await sql.unsafe(`create role dev_${database} login password 'dev-pw'`);
    await sql.unsafe(`revoke create on database ${database} from public; revoke create on schema public from public`);
    await sql.unsafe(`grant usage on schema warden to dev_${database}`);
    await sql.unsafe(`grant select, insert, update, delete on all tables in schema warden to dev_${database}`);
  });
  const developer = new URL(admin);
  developer.username = `dev_${database}`;
  developer.password = "dev-pw";
  expect(await sync(box, developer.href)).toMatchObject({ complete: true, events: 4 });
});

test("a store that stops answering is given up after --timeout, and everything ships once it answers again", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { transcript: true });
  const url = await server.pg.newDatabase();
  // The server's pid, from the lock file of its socket; stopped, it accepts connections and answers nothing.
  const postmaster = Number(fs.readFileSync(`/tmp/.s.PGSQL.${server.pg.port}.lock`, "utf8").split("\n")[0]);
  process.kill(postmaster, "SIGSTOP");
  let hung;
  try {
    hung = await runWarden(box, url, "sync", "--json", "--timeout", "2");
  } finally {
    process.kill(postmaster, "SIGCONT");
  }
  expect([hung.code, JSON.parse(hung.stdout).error]).toEqual([
    3,
    { kind: "unreachable", message: expect.stringContaining("answered nothing for 2 s") },
  ]);
  expect(await sync(box, url)).toMatchObject({ complete: true, events: 4 });
});

test("a torn last line (a crash mid-write) leaves nothing pending, and the records after it ship", async () => {
  const box = sandbox();
  await recordSession(box, "session-a", { open: true });
  fs.appendFileSync(path.join(box.wardenDir, "sessions", "session-a.jsonl"), '{"type":"event","id":9,"tool_na');
  const url = await server.pg.newDatabase();
  expect(await sync(box, url)).toMatchObject({ complete: true, events: 4, pending_sessions: 0 });
  await runHookInProcess("post-tool-guard", p.preToolUse(s1(box), "Bash", p.bashInput("git status"), "toolu_more"), box);
  await runHookInProcess(
    "post-tool-guard",
    p.postToolUse(s1(box), "Bash", p.bashInput("git status"), p.bashResponse("clean"), "toolu_more"),
    box,
  );
  expect(await sync(box, url)).toMatchObject({ complete: true, events: 1, skipped_lines: 1 });
});

test("sync --all also ships another project whose session ended while the store was away, though that project is never opened again", async () => {
  const box = sandbox();
  const url = await server.pg.newDatabase();
  // Project A's session ends with the store unreachable: its SessionEnd lists A for later syncs.
  const away = new URL(url);
  away.port = "1";
  const projectA: Sandbox = { ...box, env: { ...box.env, WARDEN_DATABASE_URL: away.href } };
  await recordSession(projectA, "session-a", { transcript: true });
  // Project B, same user, later, with the store back.
  const b = path.join(path.dirname(box.project), "project-b");
  fs.mkdirSync(b);
  const projectB: Sandbox = { ...box, project: b, wardenDir: path.join(b, ".warden"), env: { ...box.env, CLAUDE_PROJECT_DIR: b } };
  await recordSession(projectB, "session-b", { transcript: true });
  const result = await runWarden(projectB, url, "sync", "--all", "--json");
  expect(result.code, result.stderr).toBe(0);
  const stored = await withDatabase(url, (sql) => sql`select session_id, project from warden.sessions order by session_id`);
  expect([
    JSON.parse(result.stdout).data_dirs.map((d: { dir: string }) => d.dir),
    stored.map((r) => `${r.session_id}:${r.project}`),
  ]).toEqual([
    [projectB.wardenDir, box.wardenDir],
    ["session-a:project", "session-b:project-b"],
  ]);
});
