import { describe, expect, it } from "vitest";
import type { ModelUsage, TokenCounts } from "../transcript/index.js";
import { genaiPriceTableOf } from "./genai-price-table.js";
import { defaultPriceTable } from "./price-sources.js";
import { checkedPriceTable, pricedRows, type PriceTable, type TokenPrices } from "./price-table.js";
import { costOfUsage } from "./usage-cost.js";

function counts(overrides: Partial<TokenCounts> = {}): TokenCounts {
  return {
    input_tokens: 0,
    output_tokens: 0,
    cache_write_5m_tokens: 0,
    cache_write_1h_tokens: 0,
    cache_read_tokens: 0,
    web_search_requests: 0,
    responses: 1,
    ...overrides,
  };
}

function model(overrides: Partial<TokenCounts> = {}, fast: Partial<TokenCounts> | null = null): ModelUsage {
  return { ...counts(overrides), fast_mode: fast == null ? null : counts(fast) };
}

describe("costOfUsage", () => {
  it("equals Claude Code's total_cost_usd for a captured 2.1.197 run (subagent included)", () => {
    // `claude -p --output-format json` against a stand-in API: modelUsage and total_cost_usd 0.04743515.
    const cost = costOfUsage({
      "claude-opus-4-8": model({
        input_tokens: 39,
        output_tokens: 299,
        cache_write_5m_tokens: 1834,
        cache_write_1h_tokens: 373,
        cache_read_tokens: 36896,
      }),
      "claude-haiku-4-5-20251001": model({
        input_tokens: 36,
        output_tokens: 213,
        cache_write_5m_tokens: 1411,
        cache_write_1h_tokens: 297,
        cache_read_tokens: 26659,
      }),
    });
    expect(Math.abs(cost.total_cost_usd - 0.047435149999999995)).toBeLessThan(0.000001);
  });

  it("prices each token kind at its own rate", () => {
    const cost = costOfUsage({
      "claude-sonnet-4-5": model({
        input_tokens: 1e6,
        output_tokens: 1e6,
        cache_write_5m_tokens: 1e6,
        cache_write_1h_tokens: 1e6,
        cache_read_tokens: 1e6,
      }),
    });
    expect(cost.by_model["claude-sonnet-4-5"]?.cost_usd).toBe(3 + 15 + 3.75 + 6 + 0.3);
  });

  it("bills web searches per request", () => {
    const cost = costOfUsage({ "claude-haiku-4-5": model({ web_search_requests: 3 }) });
    expect(cost.total_cost_usd).toBe(0.03);
  });

  it("bills the fast-mode share at fast prices where the model has them", () => {
    const cost = costOfUsage({ "claude-opus-4-6": model({ output_tokens: 2e6 }, { output_tokens: 1e6 }) });
    expect(cost.total_cost_usd).toBe(25 + 150);
  });

  it("bills fast responses at standard prices where the model has no fast mode", () => {
    const cost = costOfUsage({ "claude-sonnet-4-5": model({ output_tokens: 1e6 }, { output_tokens: 1e6 }) });
    expect(cost.total_cost_usd).toBe(15);
  });

  it("gives an unknown model no cost and a note, and leaves it out of the total", () => {
    const cost = costOfUsage({ "claude-experimental-9": model({ input_tokens: 1000 }), "claude-haiku-4-5": model({ input_tokens: 1e6 }) });
    expect([cost.by_model["claude-experimental-9"], cost.total_cost_usd, cost.unpriced_models]).toEqual([
      { priced_as: null, price_source: null, cost_usd: null, note: expect.stringContaining("no price for model") },
      1,
      ["claude-experimental-9"],
    ]);
  });

  it("sums without floating-point drift", () => {
    // $0.1 + $0.2: in floating point 0.30000000000000004.
    const cost = costOfUsage({ "claude-haiku-4-5": model({ input_tokens: 100_000 }), "claude-opus-4-8": model({ input_tokens: 40_000 }) });
    expect(cost.total_cost_usd).toBe(0.3);
  });

  it("stays exact on token counts whose cost has many decimals", () => {
    const cost = costOfUsage({ "claude-3-5-haiku": model({ cache_read_tokens: 123_456_789, cache_write_1h_tokens: 7 }) });
    expect(cost.total_cost_usd).toBe(9.87655432);
  });
});

const PRICES: TokenPrices = { input: 4, output: 20, cache_write_5m: 5, cache_write_1h: 8, cache_read: 0.4, web_search_per_request: 0.01 };

/** A user's rows, then the default sources, as loadPriceTable layers them. */
function withUserRows(rows: Parameters<typeof pricedRows>[0]): PriceTable {
  return { source: "test file", retrieved: "2026-12-01", models: pricedRows(rows, "user", "2026-12-01"), fallback: defaultPriceTable };
}

describe("costOfUsage: where each price comes from", () => {
  it("says a model of the checked table is priced by warden", () => {
    const cost = costOfUsage({ "claude-opus-4-8": model({ input_tokens: 1e6 }) });
    expect(cost.by_model["claude-opus-4-8"]).toEqual({ priced_as: "claude-opus-4-8", price_source: "warden", cost_usd: 5 });
  });

  it("prices a model only genai-prices knows from genai-prices, and says so", () => {
    const cost = costOfUsage({ "claude-3-opus-20240229": model({ input_tokens: 1e6, cache_write_1h_tokens: 1e6 }) });
    expect([cost.by_model["claude-3-opus-20240229"], cost.unpriced_models]).toEqual([
      { priced_as: "claude-3-opus-latest", price_source: "genai-prices", cost_usd: 15 + 30, note: expect.stringContaining("web_search") },
      [],
    ]);
  });

  it("prices a model the user's file overrides at the user's price", () => {
    const cost = costOfUsage(
      { "claude-opus-4-8": model({ input_tokens: 1e6 }) },
      withUserRows([{ id: "opus", match: "opus-4-8", prices: PRICES }]),
    );
    expect(cost.by_model["claude-opus-4-8"]).toEqual({ priced_as: "opus", price_source: "user", cost_usd: 4 });
  });

  it("prices a model only the user's file knows", () => {
    const cost = costOfUsage(
      { "claude-next-1": model({ output_tokens: 1e6 }) },
      withUserRows([{ id: "next", match: "^claude-next", prices: PRICES }]),
    );
    expect([cost.by_model["claude-next-1"]?.price_source, cost.total_cost_usd]).toEqual(["user", 20]);
  });

  it("leaves the checked table's models to it when the user's file does not name them", () => {
    const cost = costOfUsage(
      { "claude-haiku-4-5": model({ input_tokens: 1e6 }) },
      withUserRows([{ id: "next", match: "^claude-next", prices: PRICES }]),
    );
    expect(cost.by_model["claude-haiku-4-5"]).toEqual({ priced_as: "claude-haiku-4-5", price_source: "warden", cost_usd: 1 });
  });

  it("prefers the checked table to genai-prices where both know a model", () => {
    // genai-prices 0.1.8 has claude-sonnet-5 at $2/$10; Claude Code 2.1.197 bills $3/$15.
    const cost = costOfUsage({ "claude-sonnet-5": model({ input_tokens: 1e6 }) });
    expect(cost.by_model["claude-sonnet-5"]).toEqual({ priced_as: "claude-sonnet-5", price_source: "warden", cost_usd: 3 });
  });

  it("names a model that only a refused genai-prices row matches, with the reason, and counts it nowhere", () => {
    const snapshot = {
      package: "@pydantic/genai-prices",
      version: "0",
      provider: "anthropic",
      taken: "2026-12-04",
      models: [
        {
          id: "tiered",
          match: { starts_with: "claude-tiered" },
          prices: { input_mtok: { base: 3, tiers: [{ start: 200000, price: 6 }] }, output_mtok: 15 },
        },
      ],
    };
    const table: PriceTable = { ...checkedPriceTable(), fallback: () => genaiPriceTableOf(snapshot) };
    const cost = costOfUsage({ "claude-tiered-1": model({ input_tokens: 1e6 }), "claude-haiku-4-5": model({ input_tokens: 1e6 }) }, table);
    expect([cost.by_model["claude-tiered-1"], cost.unpriced_models, cost.total_cost_usd]).toEqual([
      { priced_as: null, price_source: null, cost_usd: null, note: expect.stringContaining("input_mtok is tiered by prompt length") },
      ["claude-tiered-1"],
      1,
    ]);
  });

  it("stays exact at a user's price with 6 decimals", () => {
    const prices = { ...PRICES, input: 1.234567 };
    const cost = costOfUsage({ "claude-next": model({ input_tokens: 3 }) }, withUserRows([{ id: "next", match: "^claude-next", prices }]));
    expect(cost.total_cost_usd).toBe(0.000003703701);
  });
});
