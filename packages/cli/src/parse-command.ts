import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliUsageError } from "./cli-io.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Options every data command takes. */
export const DATA_OPTIONS = {
  dir: { type: "string" },
  json: { type: "boolean" },
} as const satisfies Options;

export const DATA_OPTIONS_USAGE = `  --dir DIR         the project folder or its .warden directory (default: $WARDEN_DIR, else the nearest
                    .warden up from the cwd); exit code 3 when there is none
  --json            machine-readable output`;

/**
 * Parses a command's arguments strictly; a mistake becomes a CliUsageError carrying the usage.
 * `positionals` is the most positional arguments the command takes.
 */
export function parseCommand<const O extends Options>(argv: string[], options: O, usage: string, positionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: positionals > 0 });
  } catch (error) {
    throw new CliUsageError(`${error instanceof Error ? error.message : String(error)}\n${usage}`, { cause: error });
  }
  if (parsed.positionals.length > positionals) {
    throw new CliUsageError(`unexpected argument "${parsed.positionals[positionals] ?? ""}"\n${usage}`);
  }
  return parsed;
}
