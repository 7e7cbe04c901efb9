import type { TokenTotals } from "./exchange.js";
import { isNumber, isRecord, type JsonRecord } from "./json-guards.js";
import type { ModelUsageEntry } from "./run-claude.js";

/**
 * Per-model token tables in one shape, so Claude Code's `modelUsage` and Warden's report
 * `models` can be compared with one `toEqual`. Claude Code keys modelUsage by the requested
 * model, sometimes with a context suffix (`claude-opus-4-8[1m]`); Warden keys by the
 * transcript's `message.model`. The suffix is dropped and entries that then share a key are added.
 */

export type TokensByModel = Record<string, TokenTotals>;

/** `claude-opus-4-8[1m]` → `claude-opus-4-8`. */
export function baseModelId(key: string): string {
  return key.replace(/\[[^\]]*\]$/, "");
}

/** Claude Code's modelUsage as tokens per model, keys without a context suffix, sorted. */
export function tokensOfModelUsage(modelUsage: Readonly<Record<string, ModelUsageEntry>>): TokensByModel {
  return addTokensByModel(
    ...Object.entries(modelUsage).map(([key, entry]): TokensByModel => ({
      [baseModelId(key)]: {
        inputTokens: entry.inputTokens,
        outputTokens: entry.outputTokens,
        cacheReadInputTokens: entry.cacheReadInputTokens,
        cacheCreationInputTokens: entry.cacheCreationInputTokens,
      },
    })),
  );
}

/** Claude Code's modelUsage costUSD per model, keys without a context suffix, sorted. */
export function costsOfModelUsage(modelUsage: Readonly<Record<string, ModelUsageEntry>>): Record<string, number> {
  const costs: Record<string, number> = {};
  for (const [key, entry] of Object.entries(modelUsage)) costs[baseModelId(key)] = (costs[baseModelId(key)] ?? 0) + entry.costUSD;
  return sortedByKey(costs);
}

/**
 * A report's `models` as tokens per model, sorted; a missing or non-numeric field reads as -1 so
 * it cannot pass for a zero. Undefined when the report has no `models` object.
 */
export function tokensOfReport(report: JsonRecord | undefined): TokensByModel | undefined {
  const models = report?.["models"];
  if (!isRecord(models)) return undefined;
  const tokens: TokensByModel = {};
  for (const [model, entry] of Object.entries(models)) {
    const field = (key: string): number => (isRecord(entry) && isNumber(entry[key]) ? entry[key] : -1);
    tokens[model] = {
      inputTokens: field("input_tokens"),
      outputTokens: field("output_tokens"),
      cacheReadInputTokens: field("cache_read_input_tokens"),
      cacheCreationInputTokens: field("cache_creation_input_tokens"),
    };
  }
  return sortedByKey(tokens);
}

/** A report's `models[m].cost_usd` per model (null when absent or not a number), sorted. */
export function costsOfReport(report: JsonRecord | undefined): Record<string, number | null> {
  const models = report?.["models"];
  const costs: Record<string, number | null> = {};
  if (!isRecord(models)) return costs;
  for (const [model, entry] of Object.entries(models))
    costs[model] = isRecord(entry) && isNumber(entry["cost_usd"]) ? entry["cost_usd"] : null;
  return sortedByKey(costs);
}

/** Field-by-field sums of token tables, per model, keys sorted. */
export function addTokensByModel(...tables: readonly TokensByModel[]): TokensByModel {
  const sums: TokensByModel = {};
  for (const table of tables) {
    for (const [model, tokens] of Object.entries(table)) {
      const sum = sums[model] ?? { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 };
      sums[model] = {
        inputTokens: sum.inputTokens + tokens.inputTokens,
        outputTokens: sum.outputTokens + tokens.outputTokens,
        cacheReadInputTokens: sum.cacheReadInputTokens + tokens.cacheReadInputTokens,
        cacheCreationInputTokens: sum.cacheCreationInputTokens + tokens.cacheCreationInputTokens,
      };
    }
  }
  return sortedByKey(sums);
}

function sortedByKey<T>(table: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(table).toSorted(([a], [b]) => a.localeCompare(b)));
}
