import type { CliIo } from "./cli-io.js";
import { exitStatusLine } from "./exit-status.js";
import { optionLabel, parseArguments, type OptionSpecs, type OptionValues } from "./parse-command.js";

/** What every command takes, whether or not it declares it. */
export const COMMON_OPTIONS = {
  json: {
    type: "boolean",
    help: 'machine-readable output on stdout; on exit 2 or 3, {"error": {"code", "message"}} (the text goes to stderr)',
  },
  help: { type: "boolean", short: "h", help: "show this help" },
} as const satisfies OptionSpecs;

type AllOptions<O extends OptionSpecs> = Omit<O, keyof typeof COMMON_OPTIONS> & typeof COMMON_OPTIONS;

export interface CommandArgs<O extends OptionSpecs> {
  readonly values: OptionValues<AllOptions<O>>;
  readonly positionals: readonly string[];
}

/** A command as its module declares it: the options are declared once, and --help is generated from them. */
export interface CommandSpec<O extends OptionSpecs> {
  readonly name: string;
  /** What follows the command's name in the synopsis: arguments, and options that must be given. */
  readonly synopsis?: string;
  /** One line: the command's entry in `warden --help`. */
  readonly summary: string;
  /** More lines of help, indented by two spaces, after the summary. */
  readonly details?: string;
  /** The most positional arguments the command takes (default 0). */
  readonly maxPositionals?: number;
  readonly options: O;
  /** When the command exits 1 (done, and the answer is no); absent when it never does. */
  readonly answersNo?: string;
  readonly run: (args: CommandArgs<O>, io: CliIo) => number | Promise<number>;
}

/** A registered command, its types erased so the frame can hold every command in one list. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: OptionSpecs;
  /** Parses `argv` (everything after the command's name) and runs the command; --help prints the usage. */
  readonly execute: (argv: readonly string[], io: CliIo) => number | Promise<number>;
}

export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): Command {
  const options: AllOptions<O> = { ...spec.options, ...COMMON_OPTIONS };
  const usage = formatUsage(spec, options);
  return {
    name: spec.name,
    summary: spec.summary,
    usage,
    options,
    execute: (argv, io) => {
      const { help, values, positionals } = parseArguments(argv, options, spec.maxPositionals ?? 0);
      if (!help) return spec.run({ values, positionals }, io);
      io.out(usage);
      return 0;
    },
  };
}

function formatUsage(spec: CommandSpec<OptionSpecs>, options: OptionSpecs): string {
  const labels = Object.entries(options).map(([name, o]) => (o.short == null ? "" : `-${o.short}, `) + optionLabel(name, o));
  const width = Math.max(...labels.map((l) => l.length)) + 2;
  const lines = [
    `usage: warden ${spec.name}${spec.synopsis == null ? "" : ` ${spec.synopsis}`} [options]`,
    `  ${spec.summary}`,
    ...(spec.details == null ? [] : spec.details.split("\n").map((l) => `  ${l}`)),
    "",
    "options:",
    ...Object.values(options).map((o, i) => `  ${(labels[i] ?? "").padEnd(width)}${o.help}`),
    "",
    exitStatusLine(spec.answersNo),
  ];
  return lines.join("\n");
}
