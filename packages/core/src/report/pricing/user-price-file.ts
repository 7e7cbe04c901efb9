import fs from "node:fs";
import * as z from "zod/mini";
import { lazySchema } from "../../support/lazy-schema.js";
import { readBoundedFile } from "../../support/read-bounded-file.js";
import { describeIssue } from "../../support/schema-issues.js";
import { modelPriceSchema, pricedRows, type PricedModel } from "./price-table.js";

/**
 * A price file the user writes: rows shaped like prices.json's `models[]`, asked before Warden's
 * checked table (see price-sources.ts), so a price can be added for a new model or corrected:
 *
 *   { "source": "our agreement with Anthropic", "retrieved": "2026-12-01",
 *     "models": [{ "id": "claude-next", "match": "^claude-next", "prices": { "input": 4, … } }] }
 *
 * Every price of a row is required: a missing one would bill its tokens at zero.
 */
const schemas = lazySchema(() => ({
  priceFile: z.strictObject({
    $schema: z.optional(z.string()),
    /** Where the prices come from, in words (shown by `warden prices`). */
    source: z.optional(z.string().check(z.minLength(1))),
    /** When they were read or agreed (YYYY-MM-DD); the file's modification day when absent. */
    retrieved: z.optional(z.iso.date()),
    models: z.array(modelPriceSchema()).check(
      z.minLength(1),
      z.refine((models) => new Set(models.map((model) => model.id)).size === models.length, "model ids must be unique"),
    ),
  }),
}));

/** The user's price file is missing, unreadable or invalid; the message names the file and the field. */
export class PriceFileError extends Error {
  override name = "PriceFileError";
}

export interface UserPrices {
  readonly file: string;
  readonly source: string;
  readonly retrieved: string;
  readonly models: readonly PricedModel[];
}

/** A price file is a few rows; anything larger (or a FIFO, a device) is refused rather than read. */
const MAX_PRICE_FILE_BYTES = 1024 * 1024;

/** Reads and checks a price file; `named` says how it was found (e.g. `WARDEN_PRICES`) for the messages. */
export function readUserPrices(file: string, named: string): UserPrices {
  const where = `price file ${file} (${named})`;
  let text: string;
  let modified: Date;
  try {
    text = readBoundedFile(file, MAX_PRICE_FILE_BYTES);
    modified = fs.statSync(file).mtime;
  } catch (error) {
    throw new PriceFileError(`${where} cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PriceFileError(`${where} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const schema = schemas().priceFile;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => describeIssue(issue, { input: json, schema }));
    throw new PriceFileError(`${where} is invalid: ${problems.join("; ")}`, { cause: parsed.error });
  }
  const retrieved = parsed.data.retrieved ?? modified.toISOString().slice(0, 10);
  return {
    file,
    source: parsed.data.source ?? `price file ${file}`,
    retrieved,
    models: pricedRows(parsed.data.models, "user", retrieved),
  };
}
