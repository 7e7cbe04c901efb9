import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeSandbox, REPO_ROOT, runCliProcess, runHookProcess, type Sandbox } from "../support/hook-process.js";
import { recordSession } from "./recorded-sessions.js";

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

const PRICES = { input: 6, output: 30, cache_write_5m: 7.5, cache_write_1h: 12, cache_read: 0.6, web_search_per_request: 0.01 };

/** A price file in the project's .claude/, named by the project's config (pricing.file). */
function configurePriceFile(models: unknown[]): string {
  const file = path.join(box.project, ".claude", "prices.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ source: "our agreement", retrieved: "2026-12-01", models }));
  fs.writeFileSync(path.join(box.project, ".claude", "warden.json"), JSON.stringify({ pricing: { file: "prices.json" } }));
  return file;
}

describe("warden prices (the built CLI)", () => {
  it("lists the sources in the order they are asked, the user's file first", async () => {
    configurePriceFile([{ id: "my-sonnet", match: "claude-sonnet-4-5", prices: PRICES }]);
    const result = await runCliProcess(["prices"], box);
    expect([result.code, result.stdout]).toEqual([
      0,
      expect.stringMatching(/1\. user: our agreement[^\n]*\n {2}2\. warden: [^\n]*\n {2}3\. genai-prices: /),
    ]);
  });

  it("says which row prices each model, and names a model none does (exit 1)", async () => {
    configurePriceFile([{ id: "my-sonnet", match: "claude-sonnet-4-5", prices: PRICES }]);
    const result = await runCliProcess(
      ["prices", "claude-sonnet-4-5-20250929", "claude-3-opus-20240229", "claude-haiku-4-5", "gpt-5", "--json"],
      box,
    );
    expect([result.code, JSON.parse(result.stdout).models]).toEqual([
      1,
      [
        expect.objectContaining({ model: "claude-sonnet-4-5-20250929", priced_as: "my-sonnet", price_source: "user", prices: PRICES }),
        expect.objectContaining({ model: "claude-3-opus-20240229", priced_as: "claude-3-opus-latest", price_source: "genai-prices" }),
        expect.objectContaining({ model: "claude-haiku-4-5", priced_as: "claude-haiku-4-5", price_source: "warden" }),
        { model: "gpt-5", priced_as: null, price_source: null, note: "no price: none of the price sources knows it" },
      ],
    ]);
  });

  it("fails on an invalid price file, naming the file and the field (exit 3)", async () => {
    const file = configurePriceFile([{ id: "my-sonnet", match: "claude-sonnet-4-5", prices: { ...PRICES, cache_read: "0.6" } }]);
    const result = await runCliProcess(["prices", "claude-sonnet-4-5"], box);
    expect([result.code, result.stdout, result.stderr]).toEqual([
      3,
      "",
      expect.stringContaining(
        `price file ${file} (pricing.file of ${path.join(box.project, ".claude", "warden.json")}) is invalid: models[0].prices.cache_read`,
      ),
    ]);
  });
});

/** The README's example price file: the first json block of its Prices section. */
function readmePriceFile(): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  return /```json\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf("### Prices")))?.[1] ?? "";
}

describe("the README's example price file", () => {
  it("is valid, and prices the models it names from the user's file", async () => {
    const file = path.join(box.project, "prices.json");
    fs.writeFileSync(file, readmePriceFile());
    const result = await runCliProcess(["prices", "claude-next-1", "claude-opus-4-8", "--json"], {
      ...box,
      env: { ...box.env, WARDEN_PRICES: file },
    });
    expect([result.code, JSON.parse(result.stdout).models.map((m: { price_source: string }) => m.price_source)]).toEqual([
      0,
      ["user", "user"],
    ]);
  });
});

describe("reports price as warden prices does", () => {
  it("prices the session at the user's price in the SessionEnd hook's report and in warden report", async () => {
    // The transcript's one response: 1,000 tokens in and 500 out on claude-sonnet-4-5, $0.0105 at Warden's price.
    configurePriceFile([{ id: "my-sonnet", match: "claude-sonnet-4-5", prices: PRICES }]);
    await recordSession(box, "c0ffee00-0000-4000-8000-000000000001", { transcript: true, hooks: runHookProcess });
    const reportFile = path.join(box.wardenDir, "reports", "c0ffee00-0000-4000-8000-000000000001.json");
    const fromHook = JSON.parse(fs.readFileSync(reportFile, "utf8"));
    const regenerated = await runCliProcess(["report", "c0ffee00"], box);
    const fromCli = JSON.parse(fs.readFileSync(reportFile, "utf8"));
    expect([fromHook.cost_usd, regenerated.code, fromCli.cost_usd, fromCli.notes]).toEqual([
      0.021,
      0,
      0.021,
      expect.arrayContaining([expect.stringContaining("priced from your price file (row my-sonnet)")]),
    ]);
  });

  it("leaves the cost unknown, and says why, when the price file is invalid at SessionEnd", async () => {
    configurePriceFile([{ id: "my-sonnet", match: "claude-sonnet-4-5", prices: { input: 6 } }]);
    await recordSession(box, "c0ffee00-0000-4000-8000-000000000002", { transcript: true, hooks: runHookProcess });
    const report = JSON.parse(fs.readFileSync(path.join(box.wardenDir, "reports", "c0ffee00-0000-4000-8000-000000000002.json"), "utf8"));
    expect([report.cost_usd, report.notes]).toEqual([
      null,
      expect.arrayContaining([expect.stringContaining("is invalid: models[0].prices.output: missing")]),
    ]);
  });
});
