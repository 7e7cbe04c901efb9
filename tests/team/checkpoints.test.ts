import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { runHookProcess, type Sandbox } from "../support/hook-process.js";
import { withDatabase } from "../support/team-postgres.js";
import { git, initRepository, localCheckpoints, recordCommits, type CommitOptions, type CommitStep } from "./committed-sessions.js";
import { runWarden, shippedDir, useSandboxes, useTestPostgres } from "./team-fixture.js";

/**
 * The commits sessions make travel with them: each checkpoint record becomes one row of
 * warden.checkpoints through the same outbox, batches and cursors as the other records, so it is
 * stored exactly once, and `warden team commits` reads them back.
 */

const server = useTestPostgres();
const sandbox = useSandboxes();

async function sync(box: Sandbox, url: string) {
  const result = await runWarden(box, url, "sync", "--json");
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/** The model writes a 3-line file and a person a 1-line one; one commit of both (3 of 4 lines the model's). */
const cart: CommitStep = {
  file: "src/cart.ts",
  content: "export const cart = [];\nexport const add = (x) => cart.push(x);\nexport const size = () => cart.length;\n",
  byHand: { file: "NOTES", content: "cart: keep it simple\n" },
  subject: "Add the cart",
};

/** The model adds a file and amends the commit. */
const amendPay: CommitStep = {
  file: "src/pay.ts",
  content: "export const pay = () => true;\n",
  subject: "Add the cart and pay",
  amend: true,
};

async function committedProject(sessions: Record<string, readonly CommitStep[]>, options: CommitOptions = {}): Promise<Sandbox> {
  const box = sandbox();
  initRepository(box);
  for (const [id, steps] of Object.entries(sessions)) await recordCommits(box, id, steps, options);
  return box;
}

/** The store's checkpoint rows, shaped back into the records they came from. */
function storedCheckpoints(url: string): Promise<Array<Record<string, unknown>>> {
  return withDatabase(url, async (sql) => {
    const rows = await sql`select * from warden.checkpoints order by session_id, record_id`;
    return rows.map((r) => ({
      session_id: r.session_id,
      type: "checkpoint",
      id: r.record_id,
      timestamp: r.committed_at instanceof Date ? r.committed_at.toISOString() : r.committed_at,
      commit: r.commit,
      parents: r.parents,
      branch: r.branch,
      amend_of: r.amend_of,
      repo_root: r.repo_root,
      subject: r.subject,
      tool_use_id: r.tool_use_id,
      files: r.files,
      lines: { added: r.lines_added, ai: r.lines_ai, mixed: r.lines_mixed, human: r.lines_human, unknown: r.lines_unknown },
      segment: r.segment,
      note: r.note,
    }));
  });
}

function localRows(box: Sandbox, ...sessionIds: string[]): Array<Record<string, unknown>> {
  return sessionIds.flatMap((id) => localCheckpoints(box, id).map((r) => ({ session_id: id, ...r })));
}

function checkpointCount(url: string): Promise<number> {
  return withDatabase(url, async (sql) => {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from warden.checkpoints`;
    return Number(row?.n);
  });
}

test("a sync ships each commit the sessions made (hook processes recording them) as one row holding what its checkpoint record holds", async () => {
  const box = await committedProject(
    { "session-a": [cart, amendPay], "session-b": [{ ...cart, file: "src/list.ts", subject: "Add a list" }] },
    { hooks: runHookProcess },
  );
  const url = await server.pg.newDatabase();

  expect(await sync(box, url)).toMatchObject({ complete: true, sessions: 2, checkpoints: 3, duplicates: 0 });

  const local = localRows(box, "session-a", "session-b");
  expect(local.map((r) => [r.session_id, r.subject, r.amend_of != null])).toEqual([
    ["session-a", "Add the cart", false],
    ["session-a", "Add the cart and pay", true],
    ["session-b", "Add a list", false],
  ]);
  expect(await storedCheckpoints(url)).toEqual(local);
});

test("a sync in words counts the commits it shipped", async () => {
  const box = await committedProject({ "session-a": [cart, amendPay] });

  const result = await runWarden(box, await server.pg.newDatabase(), "sync");

  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/^shipped 1 session: \d+ events, 0 prompts, 0 findings, 2 commits to /);
});

test("a checkpoint row puts the segment's events, verdicts and cost beside the commit's line counts", async () => {
  const box = await committedProject({ "session-a": [cart] });
  const url = await server.pg.newDatabase();
  await sync(box, url);
  const [row] = await withDatabase(
    url,
    (sql) =>
      sql`select repo, lines_added, lines_ai, lines_unknown, prompts, events, warned, blocked, cost_usd::float as cost from warden.checkpoints`,
  );
  expect(row).toEqual({
    repo: "project",
    lines_added: 4,
    lines_ai: 3,
    lines_unknown: 1,
    prompts: 0,
    events: 2,
    warned: 0,
    blocked: 0,
    cost: 0.0105,
  });
});

test("everything sent again (the cursors deleted): no commit is stored twice", async () => {
  const box = await committedProject({ "session-a": [cart, amendPay] });
  const url = await server.pg.newDatabase();
  const first = await sync(box, url);
  fs.rmSync(shippedDir(box), { recursive: true });

  const again = await sync(box, url);

  expect(again).toMatchObject({
    complete: true,
    events: 0,
    checkpoints: 0,
    duplicates: first.events + first.prompts + first.findings + first.checkpoints,
  });
  expect([first.checkpoints, await checkpointCount(url)]).toEqual([2, 2]);
});

test("a commit made after a sync (the session went on) ships at the next one, and only it", async () => {
  const box = sandbox();
  initRepository(box);
  await recordCommits(box, "session-a", [cart], { open: true });
  const url = await server.pg.newDatabase();
  await sync(box, url);
  await recordCommits(box, "session-a", [{ file: "src/pay.ts", content: "export const pay = () => true;\n", subject: "Add pay" }], {
    goOn: true,
    first: 2,
  });

  expect(await sync(box, url)).toMatchObject({ checkpoints: 1, duplicates: 0 });
  expect(await storedCheckpoints(url)).toEqual(localRows(box, "session-a"));
});

test("a secret in a commit subject that the project keeps in clear locally (redact: off) reaches the store masked", async () => {
  const box = sandbox();
  initRepository(box);
  fs.mkdirSync(path.join(box.project, ".claude"));
  fs.writeFileSync(path.join(box.project, ".claude", "warden.json"), JSON.stringify({ redact: "off" }));
  const token = ["ghp_", "Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8"].join("");
  await recordCommits(box, "session-a", [{ ...cart, subject: `Use token ${token}` }]);
  expect(localCheckpoints(box, "session-a")[0]?.subject).toBe(`Use token ${token}`);
  const url = await server.pg.newDatabase();
  await sync(box, url);
  const rows = await withDatabase(url, (sql) => sql`select subject, c::text as row from warden.checkpoints c`);
  expect([rows.length, rows[0]?.subject, rows.some((r) => String(r.row).includes(token))]).toEqual([
    1,
    expect.stringMatching(/^Use token \[REDACTED:github-pat:40:[0-9a-f]{12}\]$/),
    false,
  ]);
});

test("team commits lists each commit, newest first, with its lines, the model's share, the session and the developer", async () => {
  const box = await committedProject({ "session-a": [cart, amendPay] });
  const url = await server.pg.newDatabase();
  await sync(box, url);

  const result = await runWarden(box, url, "team", "commits", "--json");

  expect(result.code, result.stderr).toBe(0);
  const [first, amended] = localCheckpoints(box, "session-a");
  expect(JSON.parse(result.stdout)).toEqual([
    expect.objectContaining({
      commit: amended?.commit,
      amend_of: first?.commit,
      subject: "Add the cart and pay",
      session_id: "session-a",
      user: expect.any(String),
      project: "project",
      lines: { added: 5, ai: 4, mixed: 0, human: 0, unknown: 1 },
      ai_share: 0.8,
      segment: { prompts: 0, events: 2, warned: 0, blocked: 0, cost_usd: 0 },
    }),
    expect.objectContaining({
      commit: first?.commit,
      amend_of: null,
      subject: "Add the cart",
      committed_at: first?.timestamp,
      lines: { added: 4, ai: 3, mixed: 0, human: 0, unknown: 1 },
      ai_share: 0.75,
      segment: { prompts: 0, events: 2, warned: 0, blocked: 0, cost_usd: 0.0105 },
    }),
  ]);
});

test("team commits in words: one line per commit with its short hash, the model's share and subject", async () => {
  const box = await committedProject({ "session-a": [cart] });
  const url = await server.pg.newDatabase();
  await sync(box, url);

  const result = await runWarden(box, url, "team", "commits");

  expect(result.code, result.stderr).toBe(0);
  const head = git(box, "rev-parse", "HEAD");
  expect(result.stdout).toMatch(new RegExp(`project\\s+${head.slice(0, 12)}\\s+4\\s+75%\\s+session-\\s+\\$0\\.0105\\s+Add the cart\\n`));
  expect(result.stdout).toContain("1 commit");
});

test("team commits filters by the commits' time, the developer and the project", async () => {
  const box = await committedProject({ "session-a": [cart] });
  const url = await server.pg.newDatabase();
  await sync(box, url);
  const [local] = localCheckpoints(box, "session-a");
  const at = String(local?.timestamp);
  const commits = async (...args: string[]) =>
    JSON.parse((await runWarden(box, url, "team", "commits", "--json", ...args)).stdout).map((c: { subject: string }) => c.subject);

  expect([
    await commits("--since", at),
    await commits("--until", at),
    await commits("--project", "project"),
    await commits("--project", "other"),
    await commits("--user", "nobody-here"),
  ]).toEqual([["Add the cart"], [], ["Add the cart"], [], []]);
});
