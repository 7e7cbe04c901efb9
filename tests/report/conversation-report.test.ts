import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM, HAS_CHROMIUM, launchChromium } from "./chromium.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeSandbox, type Sandbox } from "../support/hook-process.js";
import {
  AGENT,
  CALL,
  PRE_COMPACT_TOKENS,
  PROMPTS,
  THINKING,
  recordConversationSession,
  type ConversationSession,
} from "./record-conversation-session.js";

/**
 * The conversation, the turns and the time axis of the HTML report in a real browser, for a
 * session with parallel calls, a subagent, an idle stretch and a compaction; the report is the one
 * the SessionEnd hook writes. With WARDEN_SCREENSHOTS set to a directory, the sections are saved
 * there as PNG files to look at.
 */

let box: Sandbox;
let recorded: ConversationSession;
let browser: Browser;
let page: Page;
let problems: string[];

const bar = (toolUseId: string) => `.axis-bar[href="#ev-${recorded.eventIds[toolUseId]}"]`;
const box$ = async (selector: string) => {
  const found = await page.locator(selector).boundingBox();
  if (found == null) throw new Error(`${selector} is not on the page`);
  return found;
};
/** Whole picodollars, the unit the report's costs are computed in. */
const pico = (usd: unknown) => BigInt(Math.round(Number(usd) * 1e12));

describe.skipIf(!HAS_CHROMIUM)(
  `the conversation, turns and time axis in Chromium${HAS_CHROMIUM ? "" : ` (skipped: ${CHROMIUM} is absent)`}`,
  () => {
    beforeAll(async () => {
      box = makeSandbox();
      recorded = await recordConversationSession(box);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      box?.cleanup();
    });
    beforeEach(async () => {
      problems = [];
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
      page.on("pageerror", (error) => problems.push(error.message));
      await page.goto(pathToFileURL(recorded.htmlReport).href, { waitUntil: "load" });
    });
    afterEach(async () => {
      await page.close();
    });

    it("loads without a console error", () => {
      expect(problems).toEqual([]);
    });

    it("shows every prompt, in order, each heading its turn", async () => {
      const prompts = await page.locator("#conversation .turn .msg.user .bubble").allInnerTexts();
      const heads = await page.locator("#conversation .turn-head b:first-child").allInnerTexts();
      expect([prompts, heads]).toEqual([[...PROMPTS], ["Turn 1", "Turn 2"]]);
    });

    it("keeps a thinking block closed until it is opened", async () => {
      const thinking = page.locator("#conversation details.thinking").first();
      const hidden = await thinking.locator(".bubble").isVisible();
      await thinking.locator("summary").click();
      expect([hidden, await thinking.locator(".bubble").innerText()]).toEqual([false, THINKING]);
    });

    it("says when the transcript kept only a thinking block's signature", async () => {
      expect(await page.locator("#turn-2 .step.thinking").innerText()).toContain("keeps only its signature");
    });

    it("shows each response's model, tokens and cost", async () => {
      expect(await page.locator("#turn-1 .step.resp").first().innerText()).toMatch(
        /^Response · claude-sonnet-4-5-20250929 · 12 in · 2\.4k cache write · 14k cache read · 180 out · \$\d+\.\d+ · \+00:02$/,
      );
    });

    it("names a turn's subagent with its cost, linked to the subagents", async () => {
      const agent = page.locator("#turn-1 .turn-agents");
      expect([await agent.innerText(), await agent.locator("a").getAttribute("href")]).toEqual([
        expect.stringMatching(new RegExp(`^Subagents: ${AGENT.type} ${AGENT.id.slice(0, 8)} 2 responses, \\$\\d+\\.\\d+$`)),
        "#agents",
      ]);
    });

    it("opens a tool call's timeline entry from the conversation", async () => {
      const row = `#ev-${recorded.eventIds[CALL.failingTest]}`;
      await page.click(`#conversation .step.call a[href="${row}"]`);
      // The entry opens on the hashchange event, which follows the click.
      await expect.poll(() => page.locator(`${row} .ev-body`).isVisible()).toBe(true);
    });

    it("marks the compaction and says the cost includes what came before it", async () => {
      const step = await page.locator("#conversation .step.compaction").innerText();
      const notes = await page.locator("#usage .notes").innerText();
      expect([step, notes]).toEqual([
        expect.stringContaining(`Context compacted at ${PRE_COMPACT_TOKENS.toLocaleString("en-US")} tokens (auto)`),
        expect.stringContaining("tokens and cost include the whole session"),
      ]);
    });

    it("totals the turns to the session's cost", async () => {
      const total = await page.locator("table.turns tfoot td").nth(6).innerText();
      const card = await page.locator(".cards .stat").nth(5).locator(".n").innerText();
      expect(total).toBe(card);
    });

    it("writes turn costs that add up exactly to the session's cost in the JSON report", () => {
      const report = JSON.parse(readFileSync(recorded.jsonReport, "utf8")) as { cost_usd: number; turns: { cost_usd: number }[] };
      const sum = report.turns.reduce((acc, turn) => acc + pico(turn.cost_usd), 0n);
      expect([report.turns.length, sum]).toEqual([2, pico(report.cost_usd)]);
    });

    it("draws two calls run at once side by side, on separate lanes", async () => {
      const read = await box$(bar(CALL.readCart));
      const test = await box$(bar(CALL.failingTest));
      expect([read.x < test.x + test.width && test.x < read.x + read.width, read.y !== test.y]).toEqual([true, true]);
    });

    it("draws a subagent's calls on lanes of their own, below the main thread's", async () => {
      const labels = await page.locator(".axis-label").allInnerTexts();
      const grep = await box$(bar(CALL.grep));
      const main = await Promise.all([CALL.readCart, CALL.failingTest, CALL.agent].map((id) => box$(bar(id))));
      expect([labels, main.every((b) => b.y < grep.y)]).toEqual([["Main thread", `${AGENT.type} ${AGENT.id.slice(0, 8)}`], true]);
    });

    it("cuts the idle stretch between the prompts to a narrow break saying how long it was", async () => {
      const gap = page.locator(".axis-break");
      const width = (await box$(".axis-break")).width;
      expect([await gap.count(), await gap.innerText(), width < 60]).toEqual([1, "12m 06s", true]);
    });

    it("colours a call by its verdict", async () => {
      const classes = await Promise.all([CALL.readme, CALL.rmHome, CALL.edit].map((id) => page.locator(bar(id)).getAttribute("class")));
      expect(classes).toEqual([
        expect.stringContaining("ab-warned"),
        expect.stringContaining("ab-blocked"),
        expect.stringContaining("ab-allowed"),
      ]);
    });

    it("shows a call when its bar is hovered", async () => {
      await page.hover(bar(CALL.failingTest));
      const tip = page.locator(`${bar(CALL.failingTest)} .tip`);
      expect([await tip.isVisible(), await tip.innerText()]).toEqual([
        true,
        expect.stringMatching(/Bash npm test -- cart\n\+00:03 · 4\.2 s · allowed failed/),
      ]);
    });

    it("reaches the bars with the keyboard and shows the call focused", async () => {
      await page.click(".axis-legend");
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("href"));
      const tip = page.locator(`${bar(CALL.readCart)} .tip`);
      expect([focused, await tip.isVisible()]).toEqual([`#ev-${recorded.eventIds[CALL.readCart]}`, true]);
    });

    it("jumps to the call's timeline entry when its bar is clicked", async () => {
      await page.click(bar(CALL.passingTest));
      // The entry opens on the hashchange event, which follows the click.
      await expect.poll(() => page.locator(`#ev-${recorded.eventIds[CALL.passingTest]} .ev-body`).isVisible()).toBe(true);
    });

    it("marks where each model response began", async () => {
      expect(await page.locator(".axis-mark").count()).toBe(9);
    });

    afterAll(async () => {
      const dir = process.env.WARDEN_SCREENSHOTS;
      if (dir == null || dir === "" || browser == null) return;
      mkdirSync(dir, { recursive: true });
      const shot = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await shot.goto(pathToFileURL(recorded.htmlReport).href, { waitUntil: "load" });
      await shot.locator("#turns").screenshot({ path: path.join(dir, "turns.png") });
      await shot.locator("#axis").screenshot({ path: path.join(dir, "axis.png") });
      await shot.hover(bar(CALL.failingTest));
      await shot.locator("#axis").screenshot({ path: path.join(dir, "axis-hover.png") });
      await shot.locator("#conversation details.thinking summary").first().click();
      await shot.locator("#conversation").screenshot({ path: path.join(dir, "conversation.png") });
      await shot.close();
    });
  },
);
