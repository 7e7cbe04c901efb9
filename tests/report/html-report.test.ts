import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renderHtmlReport } from "../../packages/core/src/report/render/index.js";
import { buildReportModel, INJECTION } from "../../packages/core/src/report/render/report-model.fixture.js";

/** The HTML report in a real browser: it must work offline, filter, expand, and stay inert. */

const CHROMIUM = "/usr/bin/chromium";
const HAS_CHROMIUM = existsSync(CHROMIUM);
// Without the background-networking flags Chromium phones home, and the closed network refuses it.
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let browser: Browser;
let dir: string;
let fileUrl: string;
let page: Page;
let problems: string[];
let requests: string[];
let dialogs: string[];

const shownEvents = () => page.$$eval("details.ev", (rows) => rows.filter((row) => !(row as HTMLElement).hidden).map((row) => row.id));

describe.skipIf(!HAS_CHROMIUM)(`the HTML report in Chromium${HAS_CHROMIUM ? "" : ` (skipped: ${CHROMIUM} is absent; apt-get install chromium)`}`, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "warden-report-"));
    const file = join(dir, "5e1f0c2a.html");
    writeFileSync(file, renderHtmlReport(buildReportModel()));
    fileUrl = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    problems = [];
    requests = [];
    dialogs = [];
    page = await browser.newPage();
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("request", (request) => request.url() !== fileUrl && requests.push(request.url()));
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(fileUrl, { waitUntil: "load" });
  });
  afterEach(async () => {
    await page.close();
  });

  it("loads without a console error", () => {
    expect(problems).toEqual([]);
  });

  it("makes no network request", async () => {
    await page.click("#ev-3 summary");
    expect(requests).toEqual([]);
  });

  it("hides the events a verdict filter leaves out", async () => {
    await page.uncheck('input[data-verdict="allowed"]');
    await page.uncheck('input[data-verdict="warned"]');
    expect([await shownEvents(), await page.textContent("#f-shown")]).toEqual([["ev-6"], "1 of 10 events shown"]);
  });

  it("shows only the chosen tool's events", async () => {
    await page.selectOption("#f-tool", "Bash");
    expect(await shownEvents()).toEqual(["ev-2", "ev-6", "ev-10"]);
  });

  it("shows only a subagent's events", async () => {
    await page.selectOption("#f-agent", "a1b2c3d4e5f6");
    expect(await shownEvents()).toEqual(["ev-7", "ev-8"]);
  });

  it("opens an event to its input and output", async () => {
    await page.click("#ev-10 summary");
    const body = page.locator("#ev-10 .ev-body");
    expect([await body.isVisible(), await body.innerText()]).toEqual([true, expect.stringMatching(/INPUT\s+command\s+npm test -- cart[\s\S]*OUTPUT\s+✓ src\/cart.test.ts \(3 tests\)\nTests 3 passed/)]);
  });

  it("opens the event a guard verdict links to", async () => {
    await page.click('#guard a[href="#ev-6"]');
    expect(await page.locator("#ev-6 .ev-body").isVisible()).toBe(true);
  });

  it("shows an injected script as text and runs nothing", async () => {
    await page.click("#ev-3 summary");
    const output = await page.locator("#ev-3 .ev-body pre").first().innerText();
    expect([output.includes(INJECTION), await page.locator("script").count(), dialogs]).toEqual([true, 1, []]);
  });
});
