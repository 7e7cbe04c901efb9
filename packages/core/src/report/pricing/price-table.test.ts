import { describe, expect, it } from "vitest";
import { checkedPriceTable, findModelPrice, parsePriceTable, PriceTableError } from "./price-table.js";
import pricesJson from "./prices.json" with { type: "json" };

describe("prices.json", () => {
  it("has the shape of a price table", () => {
    expect(() => parsePriceTable(pricesJson)).not.toThrow();
  });

  it("names its source and date", () => {
    expect([checkedPriceTable().source, checkedPriceTable().retrieved]).toEqual([
      expect.stringContaining("Claude Code 2.1.197"),
      "2026-11-21",
    ]);
  });
});

describe("findModelPrice", () => {
  it.each([
    ["claude-sonnet-4-5-20250929", "claude-sonnet-4-5"],
    ["claude-sonnet-4-5", "claude-sonnet-4-5"],
    ["claude-sonnet-4-20250514", "claude-sonnet-4-0"],
    ["claude-sonnet-4-6[1m]", "claude-sonnet-4-6"],
    ["claude-sonnet-5", "claude-sonnet-5"],
    ["claude-opus-4-20250514", "claude-opus-4-0"],
    ["claude-opus-4-1-20250805", "claude-opus-4-1"],
    ["claude-opus-4-1", "claude-opus-4-1"],
    ["claude-opus-4-5-20251101", "claude-opus-4-5"],
    ["claude-opus-4-8", "claude-opus-4-8"],
    ["Claude-Opus-4-7", "claude-opus-4-7"],
    ["claude-haiku-4-5-20251001", "claude-haiku-4-5"],
    ["claude-3-5-haiku-20241022", "claude-3-5-haiku"],
    ["claude-3-7-sonnet-20250219", "claude-3-7-sonnet"],
    ["us.anthropic.claude-opus-4-1-20250805-v1:0", "claude-opus-4-1"],
    ["eu.anthropic.claude-haiku-4-5-20251001-v1:0", "claude-haiku-4-5"],
    ["claude-3-5-sonnet-v2@20241022", "claude-3-5-sonnet"],
    ["claude-fable-5", "claude-fable-5"],
    ["claude-mythos-5", "claude-mythos-5"],
  ])("prices %s as %s, as Claude Code 2.1.197 does", (model, row) => {
    expect(findModelPrice(model)?.id).toBe(row);
  });

  it.each(["claude-3-opus-20240229", "claude-3-haiku-20240307", "claude-opus-4-9", "gpt-5", "<synthetic>", ""])(
    "knows no price for %j",
    (model) => {
      expect(findModelPrice(model)).toBeNull();
    },
  );
});

describe("parsePriceTable", () => {
  const row = {
    id: "m",
    match: "m",
    prices: { input: 1, output: 2, cache_write_5m: 1.25, cache_write_1h: 2, cache_read: 0.1, web_search_per_request: 0.01 },
  };
  const table = { source: "s", retrieved: "2026-11-21", units: "u", notes: [], models: [row] };

  it.each([
    ["a price with more than 6 decimals", { ...table, models: [{ ...row, prices: { ...row.prices, input: 0.0000001 } }] }],
    ["a negative price", { ...table, models: [{ ...row, prices: { ...row.prices, output: -1 } }] }],
    ["a missing price", { ...table, models: [{ ...row, prices: { input: 1 } }] }],
    ["a misspelt field", { ...table, models: [{ ...row, fastmode: row.prices }] }],
    ["an invalid pattern", { ...table, models: [{ ...row, match: "claude-(" }] }],
    ["a duplicate model id", { ...table, models: [row, row] }],
    ["a date that is not ISO", { ...table, retrieved: "21/11/2026" }],
  ])("rejects %s", (_name, value) => {
    expect(() => parsePriceTable(value)).toThrow(PriceTableError);
  });
});
