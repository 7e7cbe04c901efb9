import { hasOption, parseOptions, type OptionSpec } from "../../shell/parse-options.js";
import type { CloudTier } from "./cloud-delete-commands.js";

/**
 * BigQuery's `bq rm`: a table (`-t`, or an id naming one: `ds.table`, `proj:ds.table`) or a
 * dataset with its tables (`-r`) is data; an empty dataset, a model, a routine, a transfer config,
 * a reservation or a connection is one resource. SQL given to `bq query` is left alone.
 */

const BQ_VALUES: OptionSpec = {
  valueLong: ["project_id", "location", "format", "dataset_id", "api", "api_version", "apilog", "bigqueryrc", "credential_file", "job_id"],
};
const RESOURCES = ["model", "routine", "transfer_config", "reservation", "reservation_assignment", "capacity_commitment", "connection"];

export function findBqDeletion(args: readonly string[]): { tier: CloudTier; detail: string } | undefined {
  const p = parseOptions(args, BQ_VALUES);
  const [command, ...ids] = p.positionals;
  if (command !== "rm") return undefined;
  if (hasOption(p, "r", ["recursive"])) return { tier: "data", detail: "bq rm -r" };
  if (hasOption(p, "t", ["table"])) return { tier: "data", detail: "bq rm -t" };
  if (hasOption(p, "m", RESOURCES) || hasOption(p, "d", ["dataset"])) return { tier: "resource", detail: "bq rm" };
  const table = ids.find((id) => id.slice(id.indexOf(":") + 1).includes("."));
  return table == null ? { tier: "resource", detail: "bq rm" } : { tier: "data", detail: `bq rm ${table}` };
}
