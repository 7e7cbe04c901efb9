import * as z from "zod/mini";
import { lazySchema } from "../../support/lazy-schema.js";
import { PriceTableError, type PriceRow, type PriceTable, type TokenPrices } from "./price-table.js";
import { genaiPricesSnapshot } from "./genai-prices-anthropic.js";

/**
 * Prices for the models the checked table does not know, from Pydantic's maintained
 * @pydantic/genai-prices: the `anthropic` provider's rows, copied from the package by
 * scripts/snapshot-genai-prices.mjs (its --check, run by the build, fails when the installed
 * package differs). Used as data only: no network, none of the package's code at run time.
 *
 * Each row is turned into Warden's shape once, on the first model that needs it, and matched the
 * package's way: its MatchLogic on the lower-cased id, first row wins. (The package also retries
 * an id with a compact date dashed, -20250514 to -2025-05-14; no anthropic row names a dashed
 * date, so the retry could never match and Warden leaves it out: genai-price-table.test.ts checks.)
 */

export type MatchLogic =
  | { readonly equals: string }
  | { readonly starts_with: string }
  | { readonly ends_with: string }
  | { readonly contains: string }
  | { readonly regex: string }
  | { readonly or: readonly MatchLogic[] }
  | { readonly and: readonly MatchLogic[] };

const schemas = lazySchema(() => {
  const matchLogic: z.ZodMiniType<MatchLogic> = z.union([
    z.strictObject({ equals: z.string() }),
    z.strictObject({ starts_with: z.string() }),
    z.strictObject({ ends_with: z.string() }),
    z.strictObject({ contains: z.string() }),
    z.strictObject({ regex: z.string() }),
    z.strictObject({ or: z.array(z.lazy(() => matchLogic)) }),
    z.strictObject({ and: z.array(z.lazy(() => matchLogic)) }),
  ]);
  const tiered = z.object({ base: z.number(), tiers: z.array(z.object({ start: z.number(), price: z.number() })) });
  const modelPrices = z.record(z.string(), z.union([z.number().check(z.nonnegative()), tiered]));
  const conditional = z.array(z.object({ constraint: z.optional(z.unknown()), prices: modelPrices }));
  const snapshot = z.object({
    package: z.string(),
    version: z.string(),
    provider: z.literal("anthropic"),
    taken: z.iso.date(),
    models: z.array(z.object({ id: z.string(), match: matchLogic, prices: z.union([modelPrices, conditional]) })),
  });
  return { snapshot };
});

export type GenaiSnapshot = z.infer<ReturnType<typeof schemas>["snapshot"]>;
type GenaiModel = GenaiSnapshot["models"][number];

let table: PriceTable | undefined;

/** The snapshot's rows in Warden's shape, built on first call. */
export function genaiPriceTable(): PriceTable {
  table ??= genaiPriceTableOf(genaiPricesSnapshot());
  return table;
}

export function genaiPriceTableOf(value: unknown): PriceTable {
  const parsed = schemas().snapshot.safeParse(value);
  if (!parsed.success)
    throw new PriceTableError(`the genai-prices snapshot does not have the expected shape: ${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  const { version, taken, models } = parsed.data;
  return {
    source: `@pydantic/genai-prices ${version}, its anthropic provider`,
    retrieved: taken,
    models: models.map((model) => rowOf(model, taken)),
  };
}

function rowOf(model: GenaiModel, retrieved: string): PriceRow {
  const common = {
    id: model.id,
    match: describeMatch(model.match),
    pattern: matcherOf(model.match),
    source: "genai-prices",
    retrieved,
  } as const;
  const converted = tokenPricesOf(model.prices);
  if ("refused" in converted) return { ...common, refused: converted.refused };
  return { ...common, prices: converted.prices, ...(converted.derived.length > 0 ? { derived: converted.derived.join("; ") } : {}) };
}

/** Anthropic's documented multiples of the input price, where the package gives no price of its own. */
const FROM_INPUT = {
  // Prompt caching: a 5-minute write costs 1.25x input, a 1-hour write 2x, a cache read 0.1x.
  cache_write_5m: { numerator: 5n, denominator: 4n, rule: "1.25 x input" },
  cache_write_1h: { numerator: 2n, denominator: 1n, rule: "2 x input" },
  cache_read: { numerator: 1n, denominator: 10n, rule: "0.1 x input" },
} as const;
/** Anthropic's web search tool: $10 per 1,000 searches. */
const WEB_SEARCH_MICRO_USD = 10_000n;

const KNOWN_KEYS = new Set([
  "input_mtok",
  "output_mtok",
  "cache_write_mtok",
  "cache_write_1h_mtok",
  "cache_read_mtok",
  "web_searches_kcount",
]);

type Converted = { readonly prices: TokenPrices; readonly derived: string[] } | { readonly refused: string };

/**
 * The package's prices in Warden's units (USD per Mtok, per request for web searches), computed
 * in whole micro-dollars like usage-cost.ts. Refused rather than guessed: prices tiered by prompt
 * length (Warden's per-model totals do not keep each request's prompt length), prices that change
 * with the date or the time of day (nor each request's time), and units Warden does not count.
 */
function tokenPricesOf(prices: GenaiModel["prices"]): Converted {
  if (Array.isArray(prices))
    return { refused: "its prices change with the date or time of day, which Warden's per-model totals do not keep" };
  const micro: Record<string, bigint> = {};
  const derived: string[] = [];
  for (const [key, value] of Object.entries(prices)) {
    if (!KNOWN_KEYS.has(key)) return { refused: `it prices ${key}, a unit Warden does not count` };
    if (typeof value !== "number") return { refused: `its ${key} is tiered by prompt length, which Warden's per-model totals do not keep` };
    const exact = value * 1e6;
    micro[key] = BigInt(Math.round(exact));
    if (Math.abs(Math.round(exact) - exact) > 1e-6) derived.push(`${key} ${value} rounded to 6 decimals`);
  }
  const input = micro.input_mtok;
  const output = micro.output_mtok;
  if (input == null || output == null) return { refused: "it has no input or no output price" };
  const fromInput = (field: keyof typeof FROM_INPUT, given: bigint | undefined): bigint => {
    if (given != null) return given;
    const { numerator, denominator, rule } = FROM_INPUT[field];
    const value = (input * numerator * 2n + denominator) / (denominator * 2n);
    derived.push(`${field} = ${rule}${value * denominator === input * numerator ? "" : " (rounded)"}, Anthropic's documented rule`);
    return value;
  };
  const searches = micro.web_searches_kcount;
  const webSearch = searches == null ? WEB_SEARCH_MICRO_USD : (searches + 500n) / 1000n;
  if (searches == null) derived.push("web_search_per_request = $10 per 1,000 searches, Anthropic's documented price");
  else if (webSearch * 1000n !== searches) derived.push("web_search_per_request rounded to 6 decimals");
  return {
    prices: {
      input: usd(input),
      output: usd(output),
      cache_write_5m: usd(fromInput("cache_write_5m", micro.cache_write_mtok)),
      cache_write_1h: usd(fromInput("cache_write_1h", micro.cache_write_1h_mtok)),
      cache_read: usd(fromInput("cache_read", micro.cache_read_mtok)),
      web_search_per_request: usd(webSearch),
    },
    derived,
  };
}

function usd(micro: bigint): number {
  return Number(micro) / 1e6;
}

/** MatchLogic as the package evaluates it; its regex is tested against the lower-cased id too. */
export function matcherOf(logic: MatchLogic): { test(id: string): boolean } {
  return { test: (id) => matches(logic, id) };
}

function matches(logic: MatchLogic, id: string): boolean {
  if ("or" in logic) return logic.or.some((part) => matches(part, id));
  if ("and" in logic) return logic.and.every((part) => matches(part, id));
  if ("equals" in logic) return id === logic.equals.toLowerCase();
  if ("starts_with" in logic) return id.startsWith(logic.starts_with.toLowerCase());
  if ("ends_with" in logic) return id.endsWith(logic.ends_with.toLowerCase());
  if ("contains" in logic) return id.includes(logic.contains.toLowerCase());
  return new RegExp(logic.regex).test(id);
}

/** The logic in a line, for `warden prices`: `starts_with "claude-3-opus" or equals "claude-opus-4"`. */
export function describeMatch(logic: MatchLogic): string {
  if ("or" in logic) return logic.or.map((part) => ("and" in part ? `(${describeMatch(part)})` : describeMatch(part))).join(" or ");
  if ("and" in logic) return logic.and.map((part) => ("or" in part ? `(${describeMatch(part)})` : describeMatch(part))).join(" and ");
  const [kind, value] = Object.entries(logic)[0] ?? ["?", ""];
  return `${kind} ${JSON.stringify(value)}`;
}
