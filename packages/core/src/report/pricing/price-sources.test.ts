import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultPriceTable, loadPriceTable, loadPriceTableOrRefuse, priceFileLocation } from "./price-sources.js";
import { checkedPriceTable, findModelPrice, findPriceRow, priceTablesOf, type PriceTable } from "./price-table.js";
import { costOfUsage } from "./usage-cost.js";
import { PriceFileError } from "./user-price-file.js";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-price-sources-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const PRICES = { input: 4, output: 20, cache_write_5m: 5, cache_write_1h: 8, cache_read: 0.4, web_search_per_request: 0.01 };

function priceFile(name: string, models: unknown[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ retrieved: "2026-12-01", models }));
  return file;
}

const usage = (input_tokens: number) => ({
  input_tokens,
  output_tokens: 0,
  cache_write_5m_tokens: 0,
  cache_write_1h_tokens: 0,
  cache_read_tokens: 0,
  web_search_requests: 0,
  responses: 1,
  fast_mode: null,
});

describe("priceFileLocation", () => {
  const pricing = { file: "/p/.claude/prices.json", configFile: "/p/.claude/warden.json" };

  it("takes WARDEN_PRICES over the config's pricing.file, relative to the cwd", () => {
    expect(priceFileLocation({ env: { WARDEN_PRICES: "my-prices.json" }, cwd: "/work", pricing })).toEqual({
      file: "/work/my-prices.json",
      named: "WARDEN_PRICES",
    });
  });

  it("takes the config's pricing.file when WARDEN_PRICES is not set", () => {
    expect(priceFileLocation({ env: {}, cwd: "/work", pricing })).toEqual({
      file: "/p/.claude/prices.json",
      named: "pricing.file of /p/.claude/warden.json",
    });
  });

  it("has none when neither names one", () => {
    expect(priceFileLocation({ env: { WARDEN_PRICES: " " }, cwd: "/work", pricing: null })).toBeNull();
  });
});

describe("loadPriceTable", () => {
  it("asks the user's file, then the checked table, then genai-prices", () => {
    const file = priceFile("prices.json", [{ id: "mine", match: "^claude-next", prices: PRICES }]);
    const table = loadPriceTable({ env: { WARDEN_PRICES: file }, cwd: dir, pricing: null });
    expect(priceTablesOf(table).map((t) => t.models[0]?.source)).toEqual(["user", "warden", "genai-prices"]);
  });

  it("lets the user's file override a price of the checked table", () => {
    const file = priceFile("prices.json", [{ id: "my-opus", match: "claude-opus-4-8", prices: PRICES }]);
    const table = loadPriceTable({ env: { WARDEN_PRICES: file }, cwd: dir, pricing: null });
    expect(findModelPrice("claude-opus-4-8", table)).toMatchObject({ id: "my-opus", source: "user", prices: { input: 4 } });
  });

  it("is Warden's checked table then genai-prices when the user has no file", () => {
    expect(loadPriceTable({ env: {}, cwd: dir, pricing: null })).toBe(defaultPriceTable());
  });

  it("throws a PriceFileError for an invalid file, rather than pricing without it", () => {
    const file = priceFile("prices.json", [{ id: "mine", match: "^claude-next", prices: { input: 4 } }]);
    expect(() => loadPriceTable({ env: { WARDEN_PRICES: file }, cwd: dir, pricing: null })).toThrow(PriceFileError);
  });
});

describe("loadPriceTableOrRefuse", () => {
  it("leaves every model unpriced, saying why, when the user's file is invalid", () => {
    const file = priceFile("prices.json", [{ id: "mine", match: "^claude-next", prices: { input: 4 } }]);
    const warnings: string[] = [];
    const table = loadPriceTableOrRefuse({ env: { WARDEN_PRICES: file }, cwd: dir, pricing: null }, (m) => warnings.push(m));
    const cost = costOfUsage({ "claude-haiku-4-5": usage(1e6) }, table);
    expect([cost.unpriced_models, cost.by_model["claude-haiku-4-5"]?.note, warnings]).toEqual([
      ["claude-haiku-4-5"],
      expect.stringContaining(`price file ${file} (WARDEN_PRICES) is invalid: models[0].prices.output: missing`),
      [expect.stringContaining("models[0].prices.output: missing")],
    ]);
  });
});

describe("the fallback", () => {
  it("is not loaded for a model the tables before it price", () => {
    const table: PriceTable = {
      ...checkedPriceTable(),
      fallback: () => {
        throw new Error("the fallback was loaded");
      },
    };
    expect(findPriceRow("claude-opus-4-8", table)?.source).toBe("warden");
  });

  it("is asked for a model the tables before it do not price", () => {
    expect(findPriceRow("claude-3-haiku-20240307", defaultPriceTable())?.source).toBe("genai-prices");
  });
});
