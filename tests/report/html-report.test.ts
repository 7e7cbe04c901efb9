import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM, HAS_CHROMIUM, launchChromium } from "./chromium.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeSandbox, type Sandbox } from "../support/hook-process.js";
import { CALL, INJECTION, recordReportSession, type RecordedSession } from "./record-report-session.js";

/**
 * The HTML report in a real browser: it must work offline, filter, expand, and stay inert. The
 * report is the one a user gets: the built hooks record a session and SessionEnd writes the file.
 */

let box: Sandbox;
let recorded: RecordedSession;
let browser: Browser;
let fileUrl: string;
let page: Page;
let problems: string[];
let requests: string[];
let dialogs: string[];

/** The recorded event of a tool call, from `.warden/sessions/<id>.jsonl`. */
const eventOf = (toolUseId: string) => recorded.events.find((event) => event.tool_use_id === toolUseId);
/** The timeline rows (`ev-<record id>`) of these tool calls. */
const rowsOf = (...toolUseIds: string[]) =>
  toolUseIds.map((toolUseId) => `ev-${String(eventOf(toolUseId)?.id ?? `unrecorded-${toolUseId}`)}`);
const shownEvents = () => page.$$eval("details.ev", (rows) => rows.filter((row) => !(row as HTMLElement).hidden).map((row) => row.id));

describe.skipIf(!HAS_CHROMIUM)(
  `the HTML report in Chromium${HAS_CHROMIUM ? "" : ` (skipped: ${CHROMIUM} is absent; apt-get install chromium)`}`,
  () => {
    beforeAll(async () => {
      box = makeSandbox();
      recorded = await recordReportSession(box);
      fileUrl = pathToFileURL(recorded.htmlReport).href;
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      box?.cleanup();
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
      await page.click(`#${rowsOf(CALL.readme)[0]} summary`);
      expect(requests).toEqual([]);
    });

    it("hides the events a verdict filter leaves out", async () => {
      await page.uncheck('input[data-verdict="allowed"]');
      await page.uncheck('input[data-verdict="warned"]');
      expect([await shownEvents(), await page.textContent("#f-shown")]).toEqual([
        rowsOf(CALL.rmHome),
        `1 of ${recorded.toolCalls} events shown`,
      ]);
    });

    it("shows only the chosen tool's events", async () => {
      await page.selectOption("#f-tool", "Bash");
      expect(await shownEvents()).toEqual(rowsOf(CALL.failingTest, CALL.rmHome, CALL.passingTest));
    });

    it("shows only a subagent's events", async () => {
      await page.selectOption("#f-agent", String(eventOf(CALL.grep)?.agent_id));
      expect(await shownEvents()).toEqual(rowsOf(CALL.grep, CALL.readItem));
    });

    it("shows only the failed calls", async () => {
      await page.check("#f-failed");
      expect(await shownEvents()).toEqual(rowsOf(CALL.failingTest));
    });

    it("opens an event to its input and output", async () => {
      const row = rowsOf(CALL.passingTest)[0];
      await page.click(`#${row} summary`);
      const body = page.locator(`#${row} .ev-body`);
      expect([await body.isVisible(), await body.innerText()]).toEqual([
        true,
        expect.stringMatching(/INPUT\s+command\s+npm test -- cart[\s\S]*OUTPUT\s+✓ src\/cart.test.ts \(3 tests\)\nTests 3 passed/),
      ]);
    });

    it("opens the event a guard verdict links to", async () => {
      const row = rowsOf(CALL.rmHome)[0];
      await page.click(`#guard a[href="#${row}"]`);
      expect(await page.locator(`#${row} .ev-body`).isVisible()).toBe(true);
    });

    it("has no Commits section or link when the session made no commit", async () => {
      expect([await page.locator("#commits").count(), await page.locator('nav.toc a[href="#commits"]').count()]).toEqual([0, 0]);
    });

    it("shows an injected script as text and runs nothing", async () => {
      const row = rowsOf(CALL.readme)[0];
      await page.click(`#${row} summary`);
      const output = await page.locator(`#${row} .ev-body pre`).first().innerText();
      expect([output.includes(INJECTION), await page.locator("script").count(), dialogs]).toEqual([true, 1, []]);
    });
  },
);
