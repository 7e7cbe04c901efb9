import { parseArgs } from "node:util";
import { CliUsageError } from "./cli-io.js";
import { didYouMean } from "./did-you-mean.js";

/** One option of a command, declared once: parsing and the --help line both come from it. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  /** What a string option's value is, in help and messages: DIR, AGE, S. */
  readonly value?: string;
  readonly short?: string;
  readonly help: string;
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export type OptionValues<O extends OptionSpecs> = { [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean };

export interface ParsedArguments<O extends OptionSpecs> {
  /** --help or -h was given: the command prints its usage and does nothing else. */
  readonly help: boolean;
  readonly values: OptionValues<O>;
  readonly positionals: readonly string[];
}

/** Options every data command takes (besides --json, which every command takes). */
export const DATA_OPTIONS = {
  dir: {
    type: "string",
    value: "DIR",
    help: "the project folder or its .warden directory (default: $WARDEN_DIR, else the nearest .warden up from the cwd); exit status 3 when there is none",
  },
} as const satisfies OptionSpecs;

/** `--name VALUE`, as help and messages spell an option. */
export const optionLabel = (name: string, spec: OptionSpec): string => `--${name}${spec.value == null ? "" : ` ${spec.value}`}`;

/**
 * Parses a command's arguments against its declared options. Every mistake becomes a CliUsageError
 * in Warden's words (node's own parseArgs messages talk about its API, not about warden).
 * `maxPositionals` is the most positional arguments the command takes.
 */
export function parseArguments<const O extends OptionSpecs>(
  argv: readonly string[],
  options: O,
  maxPositionals: number,
): ParsedArguments<O> {
  // Not strict: every token comes back, and the checks below say what is wrong with it.
  const { tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.entries(options).map(([name, spec]) => [
        name,
        spec.short == null ? { type: spec.type } : { type: spec.type, short: spec.short },
      ]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  if (tokens.some((t) => t.kind === "option" && t.name === "help" && options.help != null)) return { help: true, values: {}, positionals };
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    const spec = options[token.name];
    if (spec == null) {
      const names = Object.keys(options).map((n) => `--${n}`);
      const hint = didYouMean(token.rawName, names);
      // A command's argument may start with a dash (`warden explain -- "-rf"`); say how to give one.
      const asArgument = hint === "" && maxPositionals > 0 ? `; an argument that starts with "-" goes after --: -- "${token.rawName}"` : "";
      throw new CliUsageError(`unknown option "${token.rawName}"${hint}${asArgument}`);
    }
    values[token.name] = optionValue(token, spec);
  }
  if (positionals.length > maxPositionals) {
    const takes =
      maxPositionals === 0 ? "takes no arguments" : `takes at most ${maxPositionals} argument${maxPositionals === 1 ? "" : "s"}`;
    throw new CliUsageError(`unexpected argument "${positionals[maxPositionals] ?? ""}": this command ${takes}`);
  }
  // The values were checked against the declared types above: this is what OptionValues<O> describes.
  return { help: false, values: values as OptionValues<O>, positionals };
}

interface OptionToken {
  readonly name: string;
  readonly rawName: string;
  readonly value?: string | undefined;
  readonly inlineValue?: boolean | undefined;
}

function optionValue(token: OptionToken, spec: OptionSpec): string | boolean {
  const label = optionLabel(token.name, spec);
  if (spec.type === "boolean") {
    if (token.inlineValue) throw new CliUsageError(`${token.rawName} takes no value; got "${token.rawName}=${token.value ?? ""}"`);
    return true;
  }
  if (token.value == null) throw new CliUsageError(`${token.rawName} needs a value: ${label}`);
  // `--dir --json` is a forgotten value far more often than a directory named "--json".
  if (!token.inlineValue && token.value.startsWith("-") && token.value !== "-")
    throw new CliUsageError(
      `${token.rawName} needs a value: ${label}; got the option "${token.value}" (write ${token.rawName}=${token.value} if that is the value)`,
    );
  return token.value;
}
