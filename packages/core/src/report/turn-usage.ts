import { costOfUsage, type PriceTable } from "./pricing/index.js";
import type { ResponseUsage } from "./transcript/transcript-state.js";
import { summarizeUsage, type ModelUsage } from "./transcript/usage-ledger.js";

/** Tokens as the report shows them: cache writes of both rates together. */
export interface TokenSum {
  input: number;
  output: number;
  cache_write: number;
  cache_read: number;
}

export interface PricedUsage {
  readonly tokens: TokenSum;
  /** Null when a model has no known price (named in `unpriced`). */
  readonly costUsd: number | null;
  readonly unpriced: readonly string[];
  /** Most output first. */
  readonly models: readonly string[];
  readonly byModel: Readonly<Record<string, ModelUsage>>;
}

/**
 * The tokens and cost of some of a session's responses, priced by the same `costOfUsage` as the
 * session's total: the price is linear in each count, so the parts add up to the whole.
 */
export function priceResponses(responses: Readonly<Record<string, ResponseUsage>>, prices?: PriceTable): PricedUsage {
  const { by_model: byModel, total } = summarizeUsage(responses);
  const cost = costOfUsage(byModel, prices);
  return {
    tokens: {
      input: total.input_tokens,
      output: total.output_tokens,
      cache_write: total.cache_write_5m_tokens + total.cache_write_1h_tokens,
      cache_read: total.cache_read_tokens,
    },
    costUsd: cost.unpriced_models.length > 0 ? null : cost.total_cost_usd,
    unpriced: cost.unpriced_models,
    models: Object.entries(byModel)
      .toSorted(([a, x], [b, y]) => y.output_tokens - x.output_tokens || a.localeCompare(b))
      .map(([model]) => model),
    byModel,
  };
}

/** The key of the response an entry of the ledger belongs to: an advisor's usage rides in its response (`<key>#advisor-<n>`). */
export function baseResponseKey(key: string): string {
  const at = key.indexOf("#advisor-");
  return at < 0 ? key : key.slice(0, at);
}
