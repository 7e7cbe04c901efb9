import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM, HAS_CHROMIUM, launchChromium } from "./chromium.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeSandbox, type Sandbox } from "../support/hook-process.js";
import { CALL, recordCommitSession, type CommitSession } from "./record-commit-session.js";

/**
 * The Commits section of the HTML report in a real browser, for a session that committed and then
 * amended in a real git repository: the report is the one SessionEnd writes from what the hooks
 * recorded, and the figures on the page are checked against the checkpoint records.
 */

let box: Sandbox;
let recorded: CommitSession;
let browser: Browser;
let fileUrl: string;
let page: Page;
let problems: string[];
let requests: string[];

/** The commits and line counts of the checkpoint records, as the hooks wrote them. */
const commits = () => recorded.checkpoints;
const eventId = (toolUseId: string) => recorded.events.find((event) => event.tool_use_id === toolUseId)?.id;
const texts = (selector: string) => page.$$eval(selector, (nodes) => nodes.map((node) => (node as HTMLElement).innerText.trim()));

describe.skipIf(!HAS_CHROMIUM)(
  `the Commits section in Chromium${HAS_CHROMIUM ? "" : ` (skipped: ${CHROMIUM} is absent; apt-get install chromium)`}`,
  () => {
    beforeAll(async () => {
      box = makeSandbox();
      recorded = await recordCommitSession(box);
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
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
      page.on("pageerror", (error) => problems.push(error.message));
      page.on("request", (request) => request.url() !== fileUrl && requests.push(request.url()));
      await page.goto(fileUrl, { waitUntil: "load" });
    });
    afterEach(async () => {
      await page.close();
    });

    it("loads without a console error or a network request", () => {
      expect([problems, requests]).toEqual([[], []]);
    });

    it("lists the commits in the order they were made, each by short hash and subject", async () => {
      expect([await texts("#commits .sha"), await texts("#commits .subject")]).toEqual([
        commits().map((c) => c.commit.slice(0, 7)),
        commits().map((c) => c.subject),
      ]);
    });

    it("says which commit the amend replaced, and marks that one as replaced", async () => {
      const [first, amend] = commits().map((c) => c.commit.slice(0, 7));
      expect(await texts("#commits .commit-head .tag")).toEqual([`replaced by its amend ${amend}`, `amended ${first}`]);
    });

    it("gives each commit the AI share its checkpoint counted", async () => {
      expect(await texts("#commits .share-n")).toEqual(commits().map((c) => `${Math.round((c.lines.ai / c.lines.added) * 100)}% AI`));
    });

    it("draws each origin's part of the share bar in proportion to its lines", async () => {
      const drawn = await page.$$eval("#commits .share-bar", (bars) =>
        bars.map((bar) => {
          const whole = bar.getBoundingClientRect().width;
          return Object.fromEntries(
            Array.from(bar.children).map((part) => [part.className.replace("by-", ""), part.getBoundingClientRect().width / whole]),
          );
        }),
      );
      const expected = commits().map(({ lines }) =>
        Object.fromEntries(
          (["ai", "mixed", "human", "unknown"] as const)
            .filter((origin) => lines[origin] > 0)
            .map((origin) => [origin, expect.closeTo(lines[origin] / lines.added, 2)]),
        ),
      );
      expect(drawn).toEqual(expected);
    });

    it("opens in the timeline the blocked call that led to the first commit", async () => {
      const row = `ev-${String(eventId(CALL.rmHome))}`;
      await page.click(`#commits a[href="#${row}"]`);
      expect(await page.locator(`#${row} .ev-body`).isVisible()).toBe(true);
    });

    it("reaches the section from the navigation bar", async () => {
      await page.click('nav.toc a[href="#commits"]');
      const top = await page.$eval("#commits", (section) => section.getBoundingClientRect().top);
      expect([await page.evaluate(() => location.hash), top >= 0 && top < 120]).toEqual(["#commits", true]);
    });
  },
);
