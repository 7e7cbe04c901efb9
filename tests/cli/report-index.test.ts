import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli-in-process.js";
import { runProcess, CLI, type ProcessResult } from "../support/hook-process.js";
import { buildIndexWorld, MARKUP_PROMPT, SECRET, SESSIONS, UNPRICED_MODEL, WIRED_PROMPT, type IndexWorld } from "../report/index-world.js";

/**
 * `warden report --index`: the page of every session, from this project's data directory or, with
 * --all-projects, from every transcript under the Claude config dir joined with the data
 * directories that recorded them. The world is built once: the tests only read it (each writes
 * its page to its own file, or reads the one the first test wrote).
 */

let world: IndexWorld;
let scratch: string;
/** The pages of this project's sessions and of every project's, written to stdout. */
let projectPage: string;
let machinePage: string;
beforeAll(async () => {
  world = await buildIndexWorld();
  scratch = fs.mkdtempSync(path.join(path.dirname(world.box.project), "out-"));
  projectPage = (await warden(["report", "--index", "--out", "-"])).stdout;
  machinePage = (await warden(["report", "--index", "--all-projects", "--out", "-"])).stdout;
});
afterAll(() => world?.cleanup());

/** The built CLI, as a user runs it, in `cwd` (the wired project by default). */
const warden = (args: string[], cwd = world.box.project): Promise<ProcessResult> =>
  runProcess(process.execPath, [CLI, ...args], "", world.env, cwd);

/** The `<tr>` of a session in a page. */
const rowOf = (html: string, sessionId: string) => html.split("\n").find((line) => line.includes(`data-id="${sessionId}"`)) ?? "";
const rowsIn = (html: string) => html.split("\n").filter((line) => line.startsWith("<tr "));
const indexFile = () => path.join(world.box.wardenDir, "reports", "index.html");

describe("warden report --index (this project)", () => {
  it("writes reports/index.html in the data directory and prints its path", async () => {
    const result = await warden(["report", "--index"]);
    expect([result.code, result.stdout, fs.existsSync(indexFile())]).toEqual([0, `${indexFile()}\n`, true]);
  });

  it("lists the project's recorded sessions only", async () => {
    expect(rowsIn(projectPage).map((row) => /data-id="([^"]+)"/.exec(row)?.[1])).toEqual([SESSIONS.wired]);
  });

  it("links a session to its report beside the page", async () => {
    await warden(["report", "--index"]);
    expect(rowOf(fs.readFileSync(indexFile(), "utf8"), SESSIONS.wired)).toContain(`<a href="${SESSIONS.wired}.html"`);
  });

  it("shows the session's verdicts", async () => {
    expect(rowOf(projectPage, SESSIONS.wired)).toMatch(/1 blocked<\/span>.*1 allowed<\/span>/);
  });

  it("shows the session's first prompt", async () => {
    expect(rowOf(projectPage, SESSIONS.wired)).toContain(WIRED_PROMPT);
  });
});

describe("warden report --index --all-projects", () => {
  it("lists every session of every project, newest first", async () => {
    expect(rowsIn(machinePage).map((row) => /data-id="([^"]+)"/.exec(row)?.[1])).toEqual([
      SESSIONS.wired,
      SESSIONS.markup,
      SESSIONS.unpriced,
      SESSIONS.secret,
    ]);
  });

  it("shows the wired session's verdicts", async () => {
    expect(rowOf(machinePage, SESSIONS.wired)).toMatch(/1 blocked<\/span>.*1 allowed<\/span>/);
  });

  it("links the wired session's report from its project's data directory", async () => {
    await warden(["report", "--index", "--all-projects"]);
    expect(rowOf(fs.readFileSync(indexFile(), "utf8"), SESSIONS.wired)).toContain(`<a href="${SESSIONS.wired}.html"`);
  });

  it("says the others were not recorded, and links no report", async () => {
    const unwired = [SESSIONS.secret, SESSIONS.unpriced, SESSIONS.markup].map((id) => rowOf(machinePage, id));
    expect(unwired.map((row) => [row.includes(">not recorded</span>"), row.includes("<a ")])).toEqual([
      [true, false],
      [true, false],
      [true, false],
    ]);
  });

  it("shows an unwired session's first prompt", async () => {
    expect(rowOf(machinePage, SESSIONS.unpriced)).toContain("<div>Summarise the invoices.</div>");
  });

  it("masks a secret in an unwired session's prompt", async () => {
    expect([machinePage.includes(SECRET), rowOf(machinePage, SESSIONS.secret)]).toEqual([
      false,
      expect.stringMatching(/deploy billing with ANTHROPIC_API_KEY=\[REDACTED:[a-z-]+:\d+:[0-9a-f]{12}\] please/),
    ]);
  });

  it("shows a prompt that looks like markup as text", async () => {
    expect([machinePage.includes(MARKUP_PROMPT), rowOf(machinePage, SESSIONS.markup)]).toEqual([
      false,
      expect.stringContaining("render &lt;img src=x onerror=&quot;alert(1)&quot;&gt; in the docs"),
    ]);
  });

  it("names a model without a price among the session's models", async () => {
    expect(rowOf(machinePage, SESSIONS.unpriced)).toContain(`${UNPRICED_MODEL} (no price)</span>`);
  });

  it("totals the same cost as warden cost --all-projects", async () => {
    const index = await warden(["report", "--index", "--all-projects", "--out", path.join(scratch, "total.html"), "--json"]);
    const cost = await warden(["cost", "--all-projects", "--json"]);
    expect(JSON.parse(index.stdout).total_cost_usd).toBe(JSON.parse(cost.stdout).total_cost_usd);
  });

  it("--json says where it wrote and what it counted", async () => {
    const out = path.join(scratch, "counted.html");
    const result = await warden(["report", "--index", "--all-projects", "--out", out, "--json"]);
    expect(JSON.parse(result.stdout)).toEqual({
      path: out,
      sessions: 4,
      recorded_sessions: 1,
      total_cost_usd: expect.any(Number),
      unknown_cost_sessions: 0,
    });
  });

  it("links reports relative to a page written elsewhere (--out)", async () => {
    const out = path.join(scratch, "elsewhere.html");
    await warden(["report", "--index", "--all-projects", "--out", out]);
    const href = /<a href="([^"]+)"/.exec(rowOf(fs.readFileSync(out, "utf8"), SESSIONS.wired))?.[1] ?? "";
    expect(path.resolve(scratch, decodeURIComponent(href))).toBe(path.join(world.box.wardenDir, "reports", `${SESSIONS.wired}.html`));
  });

  it("runs outside any wired project when told where to write", async () => {
    const out = path.join(scratch, "outside.html");
    const result = await warden(["report", "--index", "--all-projects", "--out", out], scratch);
    expect([result.code, rowsIn(fs.readFileSync(out, "utf8")).length]).toEqual([0, 4]);
  });

  it("refuses to write outside a data directory unless told where, exit code 3", async () => {
    const result = await warden(["report", "--index", "--all-projects"], scratch);
    expect([result.code, result.stderr]).toEqual([3, expect.stringContaining("--out FILE")]);
  });
});

describe("warden report --index: usage", () => {
  it.each([
    [["report", "--index", SESSIONS.wired], "takes no session id"],
    [["report", SESSIONS.wired, "--out", "x.html"], "--out works with --index only"],
    [["report", SESSIONS.wired, "--all-projects"], "--all-projects works with --index only"],
    [["report", "--index", "--out", "-", "--json"], "cannot be combined with --json"],
    [["report", "--index", "--timezone", "Mars/Olympus"], 'unknown time zone "Mars/Olympus"'],
  ])("refuses %j, exit code 2", async (args, message) => {
    const result = await runCliInProcess(args, world.box);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining(message)]);
  });
});
