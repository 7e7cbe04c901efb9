import { CliUsageError } from "./cli-io.js";
import { didYouMean } from "./did-you-mean.js";

/** Options that may come before the command's name; they are moved after it, where the command reads them. */
const MOVABLE = new Map([
  ["--json", false],
  ["--dir", true],
  ["--project", true],
]);
const TOP_LEVEL = ["--help", "-h", "--version", "-V"];

export interface SplitArgv {
  /** The command's name; absent when only options were given. */
  readonly name?: string;
  /** The command's arguments: the moved options first, then what followed its name. */
  readonly args: readonly string[];
  /** Only what followed the command's name. */
  readonly rest: readonly string[];
  readonly help: boolean;
  readonly version: boolean;
}

/** Splits `warden [--json] [--dir DIR] <command> ...` into the command and its arguments. */
export function splitArgv(argv: readonly string[]): SplitArgv {
  const moved: string[] = [];
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (!arg.startsWith("-") || arg === "-")
      return { name: arg, args: [...moved, ...argv.slice(i + 1)], rest: argv.slice(i + 1), help, version };
    const [flag = "", inline] = arg.split(/=(.*)/s);
    if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "--version" || arg === "-V") version = true;
    else if (MOVABLE.has(flag)) {
      if (!MOVABLE.get(flag) || inline != null) moved.push(arg);
      else {
        const value = argv[i + 1];
        if (value == null) throw new CliUsageError(`${flag} needs a value: ${flag} DIR`);
        moved.push(flag, value);
        i++;
      }
    } else {
      const known = [...MOVABLE.keys(), ...TOP_LEVEL.filter((o) => o.startsWith("--"))];
      throw new CliUsageError(`unknown option "${arg}" before the command${didYouMean(flag, known)}`);
    }
  }
  return { args: moved, rest: [], help, version };
}
