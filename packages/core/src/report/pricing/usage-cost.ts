import type { ModelUsage, TokenCounts } from "../transcript/index.js";
import { defaultPriceTable } from "./price-sources.js";
import { findPriceRow, type PriceSource, type PriceTable, type TokenPrices } from "./price-table.js";

export interface ModelCost {
  /** The price-table row used (canonical id); null when the model is unknown. */
  readonly priced_as: string | null;
  /** Where that row comes from (see price-sources.ts); null when the model is unknown. */
  readonly price_source: PriceSource | null;
  /** Null when the model is unknown: never a guess. */
  readonly cost_usd: number | null;
  /** Why a model has no price; how a price the source did not give was derived. */
  readonly note?: string;
}

export interface UsageCost {
  /** Keyed like `UsageTotals.by_model`. */
  readonly by_model: Record<string, ModelCost>;
  /** Sum over the priced models; when `unpriced_models` is not empty it leaves their usage out. */
  readonly total_cost_usd: number;
  readonly unpriced_models: readonly string[];
  /** Where the prices come from, e.g. for a report footer: the first source asked (each model says its own). */
  readonly prices_source: string;
  readonly prices_retrieved: string;
}

/**
 * Cost of de-duplicated usage. Prices are per million tokens with at most 6 decimals, so each
 * token costs a whole number of picodollars: costs are summed exactly as integers (BigInt) and
 * divided once, and the total equals Claude Code's `total_cost_usd` to well under $0.000001.
 */
export function costOfUsage(byModel: Readonly<Record<string, ModelUsage>>, table: PriceTable = defaultPriceTable()): UsageCost {
  const costs: Record<string, ModelCost> = {};
  const unpriced: string[] = [];
  let total = 0n;
  for (const [model, usage] of Object.entries(byModel)) {
    const row = findPriceRow(model, table);
    if (row == null || "refused" in row) {
      unpriced.push(model);
      const why = row == null ? "none of the price sources knows it" : `${row.source} row ${row.id} cannot be used: ${row.refused}`;
      costs[model] = { priced_as: null, price_source: null, cost_usd: null, note: `no price for model "${model}": ${why}` };
      continue;
    }
    const fast = usage.fast_mode;
    const picodollars =
      fast != null && row.fast_mode != null
        ? picodollarsOf(minus(usage, fast), row.prices) + picodollarsOf(fast, row.fast_mode)
        : picodollarsOf(usage, row.prices);
    total += picodollars;
    costs[model] = {
      priced_as: row.id,
      price_source: row.source,
      cost_usd: toUsd(picodollars),
      ...(row.derived == null ? {} : { note: row.derived }),
    };
  }
  return {
    by_model: costs,
    total_cost_usd: toUsd(total),
    unpriced_models: unpriced,
    prices_source: table.source,
    prices_retrieved: table.retrieved,
  };
}

function picodollarsOf(counts: TokenCounts, prices: TokenPrices): bigint {
  // USD per Mtok × 1e6 = picodollars per token; USD per request × 1e12 = picodollars per request.
  return (
    BigInt(counts.input_tokens) * micro(prices.input) +
    BigInt(counts.output_tokens) * micro(prices.output) +
    BigInt(counts.cache_write_5m_tokens) * micro(prices.cache_write_5m) +
    BigInt(counts.cache_write_1h_tokens) * micro(prices.cache_write_1h) +
    BigInt(counts.cache_read_tokens) * micro(prices.cache_read) +
    BigInt(counts.web_search_requests) * micro(prices.web_search_per_request) * 1_000_000n
  );
}

function micro(usd: number): bigint {
  return BigInt(Math.round(usd * 1e6));
}

function toUsd(picodollars: bigint): number {
  return Number(picodollars) / 1e12;
}

function minus(all: TokenCounts, part: TokenCounts): TokenCounts {
  return {
    input_tokens: all.input_tokens - part.input_tokens,
    output_tokens: all.output_tokens - part.output_tokens,
    cache_write_5m_tokens: all.cache_write_5m_tokens - part.cache_write_5m_tokens,
    cache_write_1h_tokens: all.cache_write_1h_tokens - part.cache_write_1h_tokens,
    cache_read_tokens: all.cache_read_tokens - part.cache_read_tokens,
    web_search_requests: all.web_search_requests - part.web_search_requests,
    responses: all.responses - part.responses,
  };
}
