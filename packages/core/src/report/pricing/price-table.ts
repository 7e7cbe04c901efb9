import * as z from "zod/mini";
import { lazySchema } from "../../support/lazy-schema.js";
import pricesJson from "./prices.json" with { type: "json" };

/**
 * Per-model prices, kept in `prices.json` (USD per million tokens, with its source and date) so an
 * update is a data change. Rows are matched in file order by a regular expression on the
 * lower-cased model id, the way Claude Code canonicalises ids before looking up its own table.
 */

/** Built on first use (see lazy-schema.ts): most hook processes never price anything. */
const schemas = lazySchema(() => {
  /** Whole micro-dollars per Mtok, so cost arithmetic can be done in integers (see usage-cost.ts). */
  const price = z.number().check(
    z.nonnegative(),
    z.refine((value) => Math.abs(Math.round(value * 1e6) - value * 1e6) < 1e-6, "at most 6 decimal places"),
  );

  const tokenPrices = z.strictObject({
    input: price,
    output: price,
    cache_write_5m: price,
    cache_write_1h: price,
    cache_read: price,
    web_search_per_request: price,
  });

  const pattern = z.string().check(z.minLength(1), z.refine(isRegExp, "a valid JavaScript regular expression"));

  const modelPrice = z.strictObject({
    /** Canonical model id, as Claude Code names the row. */
    id: z.string().check(z.minLength(1)),
    /** Regular expression tested against the lower-cased model id. */
    match: pattern,
    prices: tokenPrices,
    /** Prices of responses served in fast mode (`usage.speed: "fast"`); absent when the model has none. */
    fast_mode: z.optional(tokenPrices),
  });

  const priceTable = z.strictObject({
    source: z.string().check(z.minLength(1)),
    retrieved: z.iso.date(),
    units: z.string(),
    notes: z.array(z.string()),
    models: z.array(modelPrice).check(
      z.minLength(1),
      z.refine((models) => new Set(models.map((model) => model.id)).size === models.length, "model ids must be unique"),
    ),
  });

  return { tokenPrices, modelPrice, priceTable };
});

/** The schema of `prices.json`, built on first call. */
export const priceTableSchema = (): Schemas["priceTable"] => schemas().priceTable;

type Schemas = ReturnType<typeof schemas>;
export type TokenPrices = z.infer<Schemas["tokenPrices"]>;
export type ModelPrice = z.infer<Schemas["modelPrice"]>;

export interface PriceTable {
  readonly source: string;
  readonly retrieved: string;
  readonly models: readonly PricedModel[];
}

export interface PricedModel extends ModelPrice {
  readonly pattern: RegExp;
}

export class PriceTableError extends Error {
  override name = "PriceTableError";
}

export function parsePriceTable(value: unknown): PriceTable {
  const parsed = priceTableSchema().safeParse(value);
  if (!parsed.success) {
    throw new PriceTableError(`price table does not have the expected shape: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  }
  const { source, retrieved, models } = parsed.data;
  return { source, retrieved, models: models.map((model) => ({ ...model, pattern: new RegExp(model.match) })) };
}

let defaultTable: PriceTable | undefined;

/** The table in `prices.json`, parsed once. */
export function defaultPriceTable(): PriceTable {
  defaultTable ??= parsePriceTable(pricesJson);
  return defaultTable;
}

/** The row that prices `model`, or null when the table does not know it. */
export function findModelPrice(model: string, table: PriceTable = defaultPriceTable()): PricedModel | null {
  const id = model.toLowerCase();
  return table.models.find((row) => row.pattern.test(id)) ?? null;
}

function isRegExp(source: string): boolean {
  try {
    return new RegExp(source) instanceof RegExp;
  } catch {
    return false;
  }
}
