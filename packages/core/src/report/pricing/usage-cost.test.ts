import { describe, expect, it } from "vitest";
import type { ModelUsage, TokenCounts } from "../transcript/index.js";
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
      { priced_as: null, cost_usd: null, note: expect.stringContaining("no price for model") },
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
