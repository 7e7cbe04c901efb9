import { describe, expect, it } from "vitest";
import { genaiPriceTable, genaiPriceTableOf, matcherOf, type MatchLogic } from "./genai-price-table.js";
import { findModelPrice, findPriceRow, PriceTableError } from "./price-table.js";

/** A snapshot of one or more rows, shaped as scripts/snapshot-genai-prices.mjs writes it. */
function snapshot(...models: readonly { id: string; match: MatchLogic; prices: unknown }[]) {
  return { package: "@pydantic/genai-prices", version: "0.0.0", provider: "anthropic", taken: "2026-12-04", models };
}

const FLAT = {
  input_mtok: 3,
  output_mtok: 15,
  cache_write_mtok: 3.75,
  cache_read_mtok: 0.3,
  cache_write_1h_mtok: 6,
  web_searches_kcount: 10,
};

describe("genaiPriceTable", () => {
  it("prices a model only genai-prices knows (claude-3-opus) in Warden's units, from genai-prices", () => {
    expect(findModelPrice("claude-3-opus-20240229", genaiPriceTable())).toMatchObject({
      id: "claude-3-opus-latest",
      source: "genai-prices",
      retrieved: "2026-12-04",
      prices: { input: 15, output: 75, cache_write_5m: 18.75, cache_write_1h: 30, cache_read: 1.5, web_search_per_request: 0.01 },
    });
  });

  it("says which price it derived by Anthropic's documented rule (claude-3-opus has no web search price)", () => {
    expect(findModelPrice("claude-3-opus-20240229", genaiPriceTable())?.derived).toBe(
      "web_search_per_request = $10 per 1,000 searches, Anthropic's documented price",
    );
  });

  it("derives cache prices from the input price where the package has none (claude-2)", () => {
    expect(findModelPrice("claude-2.1", genaiPriceTable())).toMatchObject({
      prices: { input: 8, output: 24, cache_write_5m: 10, cache_write_1h: 16, cache_read: 0.8, web_search_per_request: 0.01 },
      derived: expect.stringContaining("cache_write_1h = 2 x input, Anthropic's documented rule"),
    });
  });

  it("converts $ per 1,000 web searches to $ per search", () => {
    const table = genaiPriceTableOf(snapshot({ id: "m", match: { equals: "m" }, prices: { ...FLAT, web_searches_kcount: 25 } }));
    expect(findModelPrice("m", table)?.prices.web_search_per_request).toBe(0.025);
  });

  it("rounds a price with more than 6 decimals per Mtok, and says so", () => {
    const table = genaiPriceTableOf(snapshot({ id: "m", match: { equals: "m" }, prices: { ...FLAT, cache_read_mtok: 0.3000004 } }));
    expect(findModelPrice("m", table)).toMatchObject({
      prices: { cache_read: 0.3 },
      derived: "cache_read_mtok 0.3000004 rounded to 6 decimals",
    });
  });

  it.each([
    [
      "tiered by prompt length",
      { ...FLAT, output_mtok: { base: 15, tiers: [{ start: 200000, price: 22.5 }] } },
      "output_mtok is tiered by prompt length",
    ],
    [
      "conditional on the date",
      [{ prices: FLAT }, { constraint: { type: "start_date", start_date: "2026-03-13" }, prices: FLAT }],
      "change with the date",
    ],
    ["in a unit Warden does not count", { ...FLAT, input_audio_mtok: 40 }, "input_audio_mtok, a unit Warden does not count"],
    ["without an output price", { input_mtok: 3 }, "no input or no output price"],
  ])("refuses prices %s, and says why", (_name, prices, reason) => {
    const table = genaiPriceTableOf(snapshot({ id: "m", match: { equals: "m" }, prices }));
    expect([findModelPrice("m", table), findPriceRow("m", table)]).toEqual([
      null,
      expect.objectContaining({ refused: expect.stringContaining(reason) }),
    ]);
  });

  it("lets the first matching row decide, even a refused one: a later row never prices another model's ids", () => {
    const table = genaiPriceTableOf(
      snapshot(
        { id: "tiered", match: { starts_with: "claude-x-1" }, prices: { ...FLAT, input_mtok: { base: 3, tiers: [] } } },
        { id: "broad", match: { starts_with: "claude-x" }, prices: FLAT },
      ),
    );
    expect([findModelPrice("claude-x-1-20260101", table), findModelPrice("claude-x-2", table)?.id]).toEqual([null, "broad"]);
  });

  it("refuses a snapshot that does not have the expected shape", () => {
    expect(() => genaiPriceTableOf({ ...snapshot(), provider: "openai" })).toThrow(PriceTableError);
  });

  it("loses no anthropic row by not retrying ids with dashed dates: no matcher names one", () => {
    // genai-prices retries `-20250514` as `-2025-05-14`; that can only matter to a matcher with a dashed date.
    const matchers = genaiPriceTable().models.map((row) => row.match);
    expect(matchers.filter((match) => /\d{4}-\d{2}-\d{2}|\\d\{4\}-/.test(match))).toEqual([]);
  });
});

describe("matcherOf (genai-prices' MatchLogic, on the lower-cased id)", () => {
  it.each<[MatchLogic, string, boolean]>([
    [{ equals: "claude-opus-4" }, "claude-opus-4", true],
    [{ equals: "claude-opus-4" }, "claude-opus-4-1", false],
    [{ starts_with: "claude-3-opus" }, "claude-3-opus-20240229", true],
    [{ starts_with: "claude-3-opus" }, "us.anthropic.claude-3-opus", false],
    [{ ends_with: "-v1:0" }, "claude-x-v1:0", true],
    [{ contains: "claude-v2" }, "anthropic.claude-v2:1", true],
    [{ regex: "^claude-fable-5-\\d{8}$" }, "claude-fable-5-20260101", true],
    [{ regex: "^claude-fable-5-\\d{8}$" }, "claude-fable-5-1", false],
    [{ or: [{ equals: "a" }, { starts_with: "b" }] }, "bee", true],
    [{ and: [{ starts_with: "claude" }, { contains: "haiku" }] }, "claude-3-opus", false],
    [{ and: [{ starts_with: "claude" }, { contains: "haiku" }] }, "claude-3-haiku", true],
    [{ starts_with: "Claude-3" }, "claude-3-haiku", true],
  ])("%j on %s: %s", (logic, id, expected) => {
    expect(matcherOf(logic).test(id)).toBe(expected);
  });
});
