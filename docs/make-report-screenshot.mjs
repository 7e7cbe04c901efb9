// Renders the demo session's HTML report and photographs it: docs/report-screenshot.png.
// Usage: node docs/make-report-screenshot.mjs [--html out.html]   (needs /usr/bin/chromium)
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const root = fileURLToPath(new URL("..", import.meta.url));
const { chromium } = createRequire(join(root, "tests/package.json"))("playwright-core");
const { renderHtmlReport } = await tsImport("../packages/core/src/report/render/index.ts", import.meta.url);
const { buildDemoReportModel } = await tsImport("../tests/report/demo-report-model.ts", import.meta.url);

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const out = join(root, "docs/report-screenshot.png");
const htmlArg = process.argv.indexOf("--html");

const html = renderHtmlReport(buildDemoReportModel());
const dir = mkdtempSync(join(tmpdir(), "warden-screenshot-"));
const file = htmlArg > 0 ? process.argv[htmlArg + 1] : join(dir, "report.html");
writeFileSync(file, html);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const problems = [];
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(`file://${file}`);
  // Open the README injection, as a reviewer would from "Guard verdicts", and show the page down to
  // a few calls after the blocked one (the rest of the timeline, the conversation and files follow).
  const bottom = await page.evaluate(() => {
    document.querySelector("details.ev.warned").open = true;
    const blocked = document.querySelector("details.ev.blocked");
    const last = blocked.nextElementSibling?.nextElementSibling ?? blocked;
    return last.getBoundingClientRect().bottom + window.scrollY + 1;
  });
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(bottom) } });
  if (problems.length > 0) throw new Error(`the report logged errors in Chromium:\n${problems.join("\n")}`);
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
