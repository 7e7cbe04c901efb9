import path from "node:path";
import { pathToFileURL } from "node:url";
import { renderIndexPage, type IndexSession } from "@warden/core";
import fs from "node:fs";
import os from "node:os";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM, HAS_CHROMIUM, launchChromium } from "./chromium.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runProcess, CLI } from "../support/hook-process.js";
import { buildIndexWorld, SESSIONS, type IndexWorld } from "./index-world.js";

/**
 * The index page in a real browser: it must work offline, filter and sort the rows it holds, total
 * what is shown, open a session's report, answer the keyboard, and list everything without its
 * script. The page is the one a user gets: `warden report --index --all-projects` over a Claude
 * config dir with a wired project (recorded by the built hooks) and two unwired ones.
 */

let world: IndexWorld;
let browser: Browser;
let fileUrl: string;
let page: Page;
let problems: string[];
let requests: string[];

/** The sessions of the visible rows, top to bottom. */
const shownSessions = () =>
  page.$$eval("#sessions tbody tr", (rows) =>
    rows.filter((row) => row.getClientRects().length > 0).map((row) => row.querySelector("[data-id]")?.getAttribute("data-id") ?? ""),
  );
const shownLine = () => page.textContent("#f-shown");
const valueOf = (selector: string) => page.inputValue(selector);

/** The option of the project filter whose title is `folder`. */
const projectOption = (folder: string) => page.getAttribute(`#f-project option[title="${folder}"]`, "value").then((value) => value ?? "");

describe.skipIf(!HAS_CHROMIUM)(
  `the index page in Chromium${HAS_CHROMIUM ? "" : ` (skipped: ${CHROMIUM} is absent; apt-get install chromium)`}`,
  () => {
    beforeAll(async () => {
      world = await buildIndexWorld();
      const written = await runProcess(process.execPath, [CLI, "report", "--index", "--all-projects"], "", world.env, world.box.project);
      fileUrl = pathToFileURL(written.stdout.trim()).href;
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      world?.cleanup();
    });

    beforeEach(async () => {
      problems = [];
      requests = [];
      page = await browser.newPage();
      page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
      page.on("pageerror", (error) => problems.push(error.message));
      page.on("request", (request) => request.url() !== fileUrl && requests.push(request.url()));
      await page.goto(fileUrl, { waitUntil: "load" });
    });
    afterEach(async () => {
      await page.close();
    });

    it("loads without a console error: the policy lets its script run", async () => {
      expect([problems, await page.isVisible("#filters")]).toEqual([[], true]);
    });

    it("makes no network request while filtering and sorting", async () => {
      await page.fill("#f-text", "invoices");
      await page.click('th[data-sort="c"] button');
      expect(requests).toEqual([]);
    });

    it("lists every session, newest first, with their count and total", async () => {
      expect([await shownSessions(), await shownLine()]).toEqual([
        [SESSIONS.wired, SESSIONS.markup, SESSIONS.unpriced, SESSIONS.secret],
        "4 of 4 sessions, $9.03",
      ]);
    });

    it("shows one project's sessions and their total", async () => {
      await page.selectOption("#f-project", await projectOption(world.billing));
      expect([await shownSessions(), await shownLine()]).toEqual([[SESSIONS.unpriced, SESSIONS.secret], "2 of 4 sessions, $9.02"]);
    });

    it("shows the sessions started in a date range", async () => {
      await page.fill("#f-from", "2026-02-01");
      await page.fill("#f-to", "2026-02-28");
      expect(await shownSessions()).toEqual([SESSIONS.markup, SESSIONS.unpriced]);
    });

    it("shows the sessions with a block", async () => {
      await page.selectOption("#f-verdict", "blocked");
      expect([await shownSessions(), await shownLine()]).toEqual([[SESSIONS.wired], "1 of 4 sessions, $0.01"]);
    });

    it("shows the sessions Warden did not record", async () => {
      await page.selectOption("#f-verdict", "unrecorded");
      expect(await shownSessions()).toEqual([SESSIONS.markup, SESSIONS.unpriced, SESSIONS.secret]);
    });

    it("shows the sessions that cost at least an amount", async () => {
      await page.fill("#f-cost", "1");
      expect([await shownSessions(), await shownLine()]).toEqual([[SESSIONS.secret], "1 of 4 sessions, $9.00"]);
    });

    it("finds sessions by words of their prompt, in any case", async () => {
      await page.fill("#f-text", "INVOICES summarise");
      expect(await shownSessions()).toEqual([SESSIONS.unpriced]);
    });

    it("finds a session by its full id", async () => {
      await page.fill("#f-text", SESSIONS.secret.slice(9));
      expect(await shownSessions()).toEqual([SESSIONS.secret]);
    });

    it("says so when no session matches, with a zero total", async () => {
      await page.fill("#f-text", "no such words");
      expect([await shownSessions(), await shownLine()]).toEqual([[], "0 of 4 sessions, $0.00"]);
    });

    it("resets every filter", async () => {
      await page.selectOption("#f-verdict", "blocked");
      await page.fill("#f-text", "cart");
      await page.click("#f-reset");
      expect([await shownSessions(), await valueOf("#f-verdict"), await shownLine()]).toEqual([
        [SESSIONS.wired, SESSIONS.markup, SESSIONS.unpriced, SESSIONS.secret],
        "",
        "4 of 4 sessions, $9.03",
      ]);
    });

    it("sorts by cost, most first, then least first", async () => {
      await page.click('th[data-sort="c"] button');
      const most = await shownSessions();
      await page.click('th[data-sort="c"] button');
      expect([most, await shownSessions(), await page.getAttribute('th[data-sort="c"]', "aria-sort")]).toEqual([
        [SESSIONS.secret, SESSIONS.unpriced, SESSIONS.wired, SESSIONS.markup],
        [SESSIONS.markup, SESSIONS.wired, SESSIONS.unpriced, SESSIONS.secret],
        "ascending",
      ]);
    });

    it("sorts by start, oldest first, on a click of the sorted column", async () => {
      await page.click('th[data-sort="t"] button');
      expect([await shownSessions(), await page.getAttribute('th[data-sort="t"]', "aria-sort")]).toEqual([
        [SESSIONS.secret, SESSIONS.unpriced, SESSIONS.markup, SESSIONS.wired],
        "ascending",
      ]);
    });

    it("keeps a filter while sorting", async () => {
      await page.selectOption("#f-verdict", "unrecorded");
      await page.click('th[data-sort="c"] button');
      expect(await shownSessions()).toEqual([SESSIONS.secret, SESSIONS.unpriced, SESSIONS.markup]);
    });

    it("sorts from the keyboard", async () => {
      await page.focus('th[data-sort="k"] button');
      await page.keyboard.press("Enter");
      expect(await shownSessions()).toEqual([SESSIONS.secret, SESSIONS.unpriced, SESSIONS.wired, SESSIONS.markup]);
    });

    it("filters from the keyboard", async () => {
      await page.focus("#f-text");
      await page.keyboard.type("cart");
      expect(await shownSessions()).toEqual([SESSIONS.wired]);
    });

    it("opens a wired session's report from its link", async () => {
      await Promise.all([page.waitForURL(/\.html$/), page.click(`tr:has([data-id="${SESSIONS.wired}"]) a`)]);
      expect([path.basename(new URL(page.url()).pathname), await page.title()]).toEqual([
        `${SESSIONS.wired}.html`,
        `Warden report · ${SESSIONS.wired}`,
      ]);
    });

    it("shows an injected markup prompt as text and runs nothing", async () => {
      expect([
        await page.$$eval("img", (images) => images.length),
        await page.textContent(`tr:has([data-id="${SESSIONS.markup}"]) .prompt`),
      ]).toEqual([0, 'render <img src=x onerror="alert(1)"> in the docs']);
    });

    it("lists every session without its script, and hides the filters that need it", async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const still = await context.newPage();
      await still.goto(fileUrl, { waitUntil: "load" });
      const visible = await still.$$eval("#sessions tbody tr", (rows) => rows.filter((row) => row.getClientRects().length > 0).length);
      const answer = [visible, await still.isVisible("#filters"), await still.textContent("#f-shown")];
      await context.close();
      expect(answer).toEqual([4, false, "4 of 4 sessions, $9.03"]);
    });
  },
);

/** A page of `count` sessions a cent each, rendered by core as the CLI renders it. */
function largePage(count: number): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-index-"));
  const sessions: IndexSession[] = Array.from({ length: count }, (_, i) => ({
    session_id: `${String(i).padStart(8, "0")}-0000-4000-8000-000000000000`,
    project_dir: `/home/dev/project-${i % 7}`,
    project_label: `~/project-${i % 7}`,
    started_at: new Date(Date.UTC(2026, 0, 1) + (count - i) * 3_600_000).toISOString(),
    duration_ms: 60_000,
    models: ["claude-sonnet-4-5-20250929"],
    tokens: { input: 1000, output: 100 },
    cost_usd: 0.01,
    unpriced_models: [],
    verdicts: null,
    recorded: false,
    first_prompt: i % 2 === 0 ? "even prompt" : "odd prompt",
    report_href: null,
  }));
  const file = path.join(dir, "index.html");
  fs.writeFileSync(
    file,
    renderIndexPage({ generated_at: "2026-03-01T00:00:00.000Z", time_zone: "UTC", sources: [dir], sessions, warden_version: null }),
  );
  return { file, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describe.skipIf(!HAS_CHROMIUM)("the index page of a long history, in Chromium", () => {
  let large: { file: string; cleanup: () => void };
  let browser: Browser;
  let page: Page;
  const visibleRows = (p: Page) => p.$$eval("#sessions tbody tr", (rows) => rows.filter((row) => row.getClientRects().length > 0).length);

  beforeAll(async () => {
    large = largePage(600);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    large?.cleanup();
  });
  beforeEach(async () => {
    page = await browser.newPage();
    await page.goto(pathToFileURL(large.file).href, { waitUntil: "load" });
  });
  afterEach(async () => {
    await page.close();
  });

  it("lays out the first 250 rows, and counts and totals them all", async () => {
    expect([await visibleRows(page), await page.textContent("#f-shown")]).toEqual([
      250,
      "600 of 600 sessions, $6.00; the first 250 are listed",
    ]);
  });

  it("lists more rows on request", async () => {
    await page.click("#f-more");
    expect([await visibleRows(page), await page.textContent("#f-more")]).toEqual([500, "List 100 more"]);
  });

  it("lists every row once all are requested, and offers no more", async () => {
    await page.click("#f-more");
    await page.click("#f-more");
    expect([await visibleRows(page), await page.isVisible("#f-more")]).toEqual([600, false]);
  });

  it("counts every match of a filter, listing the first page of them", async () => {
    await page.fill("#f-text", "odd");
    expect([await visibleRows(page), await page.textContent("#f-shown")]).toEqual([
      250,
      "300 of 600 sessions, $3.00; the first 250 are listed",
    ]);
  });

  it("lists every row without its script", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const still = await context.newPage();
    await still.goto(pathToFileURL(large.file).href, { waitUntil: "load" });
    const visible = await visibleRows(still);
    await context.close();
    expect(visible).toBe(600);
  });
});
