import path from "node:path";
import {
  findPriceRow,
  loadPriceTable,
  loadWardenConfig,
  PriceFileError,
  priceTablesOf,
  type PriceRow,
  type PriceTable,
} from "@warden/core";
import { CliFailure, type CliIo } from "../cli-io.js";
import { homeOf, projectDirOf, resolveDataDir } from "../data-dir.js";
import { defineCommand, type CommandArgs } from "../define-command.js";
import { EXIT } from "../exit-status.js";
import { formatTable, oneLine, toJson } from "../format.js";

const PRICES_OPTIONS = {
  project: {
    type: "string",
    value: "DIR",
    help: "the project whose .claude/warden.json applies (default: the one holding the nearest .warden, else the cwd)",
  },
} as const;

export const PRICES = defineCommand({
  name: "prices",
  synopsis: "[MODEL ...]",
  summary: "the price rows in effect, with their source and date; or, for model ids, the row that prices each",
  details: `sources, asked in order (the first row that matches a model prices it): your price file
($WARDEN_PRICES, else pricing.file of .claude/warden.json, else of ~/.claude/warden.json),
Warden's checked table, then @pydantic/genai-prices; prices in USD per million tokens,
web search in USD per request; a model none of them prices has no price (exit status 1)`,
  maxPositionals: 100,
  options: PRICES_OPTIONS,
  answersNo: "a model given has no price",
  run: (args, io) => runPrices(args, io),
});

function runPrices({ values, positionals }: CommandArgs<typeof PRICES_OPTIONS>, io: CliIo): number {
  const prices = pricesInEffect(io, values.project);
  if (positionals.length === 0) {
    listRows(prices, values.json === true, io);
    return EXIT.yes;
  }
  return explainModels(positionals, prices, values.json === true, io);
}

/**
 * The prices reports and costs use for the project (its config's `pricing.file`, $WARDEN_PRICES):
 * a broken price file fails the command (exit 3), naming the file and the field.
 */
export function pricesInEffect(io: CliIo, project?: string): PriceTable {
  const projectDir = project == null ? projectOfCwd(io) : path.resolve(io.cwd, project);
  const config = loadWardenConfig(projectDir, homeOf(io));
  for (const error of config.errors) io.err(`warden: config ignored: ${error}`);
  try {
    return loadPriceTable({ env: io.env, cwd: io.cwd, pricing: config.pricing });
  } catch (error) {
    if (error instanceof PriceFileError) throw new CliFailure(error.message, { cause: error });
    throw error;
  }
}

function projectOfCwd(io: CliIo): string {
  try {
    return projectDirOf(resolveDataDir(undefined, io), io);
  } catch (error) {
    if (error instanceof CliFailure) return path.resolve(io.cwd);
    throw error;
  }
}

function listRows(prices: PriceTable, json: boolean, io: CliIo): void {
  const tables = priceTablesOf(prices);
  if (json) {
    io.out(
      toJson({
        sources: tables.map((t) => ({ source: t.models[0]?.source ?? null, description: t.source, retrieved: t.retrieved })),
        models: tables.flatMap((t) => t.models.map(rowJson)),
      }),
    );
    return;
  }
  io.out("prices in effect, asked in this order (the first row that matches a model prices it):");
  tables.forEach((t, i) => io.out(`  ${i + 1}. ${t.models[0]?.source ?? "(empty)"}: ${oneLine(t.source, 120)} (retrieved ${t.retrieved})`));
  io.out("");
  const rows = tables.flatMap((t) => t.models.map(rowCells));
  const header = ["source", "row", "input", "output", "write 5m", "write 1h", "read", "search", "fast", "retrieved", "match"];
  for (const line of formatTable(header, rows, [
    "left",
    "left",
    "right",
    "right",
    "right",
    "right",
    "right",
    "right",
    "left",
    "left",
    "left",
  ]))
    io.out(line);
  io.out("");
  io.out("USD per million tokens; search: USD per web search request; fast: has fast-mode prices");
  const refused = tables.flatMap((t) => t.models.filter((r) => "refused" in r));
  for (const row of refused) if ("refused" in row) io.out(`${row.source} row ${row.id} is not used: ${row.refused}`);
}

function rowCells(row: PriceRow): string[] {
  const common = [row.source, row.id];
  const tail = [row.retrieved, row.match];
  if ("refused" in row) return [...common, "not used", "", "", "", "", "", "", ...tail];
  const p = row.prices;
  const cells = [p.input, p.output, p.cache_write_5m, p.cache_write_1h, p.cache_read, p.web_search_per_request].map(String);
  return [...common, ...cells, row.fast_mode == null ? "" : "yes", ...tail];
}

function rowJson(row: PriceRow): Record<string, unknown> {
  const { pattern: _pattern, ...rest } = row;
  return rest;
}

type Answer = { readonly model: string; readonly row: PriceRow | null };

function explainModels(models: readonly string[], prices: PriceTable, json: boolean, io: CliIo): number {
  const answers: Answer[] = models.map((model) => ({ model, row: findPriceRow(model, prices) }));
  if (json) io.out(toJson({ models: answers.map(answerJson) }));
  else for (const answer of answers) for (const line of answerLines(answer)) io.out(line);
  return answers.every(({ row }) => row != null && !("refused" in row)) ? EXIT.yes : EXIT.no;
}

function answerJson({ model, row }: Answer): Record<string, unknown> {
  if (row == null || "refused" in row) return { model, priced_as: null, price_source: null, note: noPrice(row) };
  return { model, priced_as: row.id, price_source: row.source, ...rowJson(row) };
}

function answerLines({ model, row }: Answer): string[] {
  if (row == null || "refused" in row) return [`${model}: ${noPrice(row)}`];
  const p = row.prices;
  return [
    `${model}: priced by ${row.source} row ${row.id} (retrieved ${row.retrieved})`,
    `  input ${p.input}, output ${p.output}, write 5m ${p.cache_write_5m}, write 1h ${p.cache_write_1h}, read ${p.cache_read} USD per Mtok; web search ${p.web_search_per_request} USD`,
    ...(row.fast_mode == null ? [] : [`  fast mode: input ${row.fast_mode.input}, output ${row.fast_mode.output} USD per Mtok`]),
    ...(row.derived == null ? [] : [`  ${row.derived}`]),
  ];
}

function noPrice(row: PriceRow | null): string {
  if (row == null) return "no price: none of the price sources knows it";
  return "refused" in row ? `no price: ${row.source} row ${row.id} cannot be used: ${row.refused}` : "";
}
