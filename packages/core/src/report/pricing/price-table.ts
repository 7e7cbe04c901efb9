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
/** The schema of one row (`models[]` of prices.json and of a user's price file). */
export const modelPriceSchema = (): Schemas["modelPrice"] => schemas().modelPrice;

type Schemas = ReturnType<typeof schemas>;
export type TokenPrices = z.infer<Schemas["tokenPrices"]>;
export type ModelPrice = z.infer<Schemas["modelPrice"]>;

/**
 * Where a row comes from: `user`, the user's price file (see user-price-file.ts); `warden`, the
 * checked table in prices.json; `genai-prices`, Pydantic's maintained data (see genai-price-table.ts).
 */
export type PriceSource = "user" | "warden" | "genai-prices";

export interface PriceTable {
  /** What the rows were taken from, in words. */
  readonly source: string;
  readonly retrieved: string;
  /** Asked in order: the first row that matches a model decides, priced or refused. */
  readonly models: readonly PriceRow[];
  /** Asked, on first need, for a model no row of `models` matches. */
  readonly fallback?: () => PriceTable;
}

export type PriceRow = PricedModel | RefusedModel;

/** Tests a lower-cased model id; a RegExp, or a source's own match logic. */
export interface ModelMatcher {
  test(id: string): boolean;
}

export interface PricedModel extends ModelPrice {
  readonly pattern: ModelMatcher;
  readonly source: PriceSource;
  /** When the row's prices were read (YYYY-MM-DD). */
  readonly retrieved: string;
  /** How a price not given by the source was derived, when one was. */
  readonly derived?: string;
}

/** A row of a source whose prices Warden cannot apply: a model it matches stays unpriced, and says why. */
export interface RefusedModel {
  readonly id: string;
  readonly match: string;
  readonly pattern: ModelMatcher;
  readonly source: PriceSource;
  readonly retrieved: string;
  readonly refused: string;
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
  return { source, retrieved, models: pricedRows(models, "warden", retrieved) };
}

/** Rows as read, each with its pattern compiled and its source and date. */
export function pricedRows(models: readonly ModelPrice[], source: PriceSource, retrieved: string): PricedModel[] {
  return models.map((model) => ({ ...model, pattern: new RegExp(model.match), source, retrieved }));
}

let checkedTable: PriceTable | undefined;

/** The table in `prices.json`, parsed once: the prices Claude Code 2.1.197 itself bills with. */
export function checkedPriceTable(): PriceTable {
  checkedTable ??= parsePriceTable(pricesJson);
  return checkedTable;
}

/** The row that prices `model`, or null when no row of the table (or of its fallbacks) does. */
export function findModelPrice(model: string, table: PriceTable = checkedPriceTable()): PricedModel | null {
  const row = findPriceRow(model, table);
  return row == null || "refused" in row ? null : row;
}

/** The first row that matches `model`, priced or refused, in `table` and then in its fallbacks. */
export function findPriceRow(model: string, table: PriceTable): PriceRow | null {
  const id = model.toLowerCase();
  for (let at: PriceTable | undefined = table; at != null; at = at.fallback?.()) {
    const row = at.models.find((candidate) => candidate.pattern.test(id));
    if (row != null) return row;
  }
  return null;
}

/** Every table of the chain, `table` first: what `warden prices` lists. */
export function priceTablesOf(table: PriceTable): PriceTable[] {
  const tables: PriceTable[] = [];
  for (let at: PriceTable | undefined = table; at != null; at = at.fallback?.()) tables.push(at);
  return tables;
}

function isRegExp(source: string): boolean {
  try {
    return new RegExp(source) instanceof RegExp;
  } catch {
    return false;
  }
}
