import path from "node:path";
import { genaiPriceTable } from "./genai-price-table.js";
import { checkedPriceTable, type PriceTable } from "./price-table.js";
import { PriceFileError, readUserPrices } from "./user-price-file.js";

/**
 * The prices in effect, asked in this order; the first row that matches a model prices it:
 *   1. the user's price file ($WARDEN_PRICES, else `pricing.file` of .claude/warden.json, else of
 *      ~/.claude/warden.json): first, so a user can correct a price Warden has wrong or that
 *      their agreement differs on, and see `price_source: "user"` wherever it was used;
 *   2. Warden's checked table (prices.json, the prices Claude Code 2.1.197 bills with);
 *   3. @pydantic/genai-prices (genai-price-table.ts), read only for a model neither of the
 *      others prices: a session whose models are all in the checked table never loads it.
 * A model none of them prices has no cost (null), and is named: never counted as zero.
 */

let defaultTable: PriceTable | undefined;

/** Warden's checked table, then genai-prices: the prices when the user has no price file. */
export function defaultPriceTable(): PriceTable {
  defaultTable ??= { ...checkedPriceTable(), fallback: genaiPriceTable };
  return defaultTable;
}

export interface PriceFileLocation {
  readonly file: string;
  /** How it was found: `WARDEN_PRICES`, or the config file whose `pricing.file` names it. */
  readonly named: string;
}

export interface PriceFileSettings {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** What a relative $WARDEN_PRICES is resolved against. */
  readonly cwd: string;
  /** ResolvedConfig.pricing: `pricing.file` of the config files, the project's first. */
  readonly pricing: { readonly file: string; readonly configFile: string } | null;
}

/** The user's price file: $WARDEN_PRICES wins over the config files (set for one shell or one run). */
export function priceFileLocation(settings: PriceFileSettings): PriceFileLocation | null {
  const fromEnv = settings.env.WARDEN_PRICES?.trim();
  if (fromEnv) return { file: path.resolve(settings.cwd, fromEnv), named: "WARDEN_PRICES" };
  if (settings.pricing != null) return { file: settings.pricing.file, named: `pricing.file of ${settings.pricing.configFile}` };
  return null;
}

/**
 * The prices in effect for these settings. Throws PriceFileError when the user's price file cannot
 * be read or is invalid: its rows may be there to correct a price, so pricing without it could be wrong.
 */
export function loadPriceTable(settings: PriceFileSettings): PriceTable {
  const location = priceFileLocation(settings);
  if (location == null) return defaultPriceTable();
  const user = readUserPrices(location.file, location.named);
  return { source: user.source, retrieved: user.retrieved, models: user.models, fallback: defaultPriceTable };
}

/**
 * loadPriceTable for a report that must be written whatever happens (the SessionEnd hook): with
 * a broken price file, every model is left unpriced, and says why, rather than priced without it.
 */
export function loadPriceTableOrRefuse(settings: PriceFileSettings, warn: (message: string) => void): PriceTable {
  try {
    return loadPriceTable(settings);
  } catch (error) {
    if (!(error instanceof PriceFileError)) throw error;
    warn(error.message);
    return refusingEveryModel(error.message);
  }
}

function refusingEveryModel(reason: string): PriceTable {
  const row = { id: "(price file)", match: ".*", pattern: { test: () => true }, source: "user", retrieved: "", refused: reason } as const;
  return { source: reason, retrieved: "", models: [row] };
}
