/**
 * Getopt-style reading of a command's arguments, so `-rf`, `-fr`, `-r -f` and `--recursive --force`
 * all read the same: short flags are split out of clusters, long flags keep their `=value`.
 */

export interface OptionSpec {
  /** Short letters that take a value (`-o file` or `-ofile`). */
  readonly value?: string;
  /** Long names that take the next word as their value when no `=` is given. */
  readonly valueLong?: readonly string[];
  /** When set, a cluster with any other letter is not options but a positional (`chmod -x`). */
  readonly known?: string;
  /** Stop reading options at the first positional (a command's own arguments follow it). */
  readonly stopAtPositional?: boolean;
}

export interface ParsedOptions {
  readonly short: Set<string>;
  readonly long: Map<string, string | true>;
  /** Values of value-taking short letters, in order. */
  readonly values: Map<string, string[]>;
  readonly positionals: string[];
  /** Index in `args` where reading stopped (with `stopAtPositional`), else `args.length`. */
  readonly rest: number;
}

export function parseOptions(args: readonly string[], spec: OptionSpec = {}): ParsedOptions {
  const out: ParsedOptions = { short: new Set(), long: new Map(), values: new Map(), positionals: [], rest: args.length };
  for (let k = 0; k < args.length; k += 1) {
    const word = args[k] ?? "";
    if (word === "--") {
      if (spec.stopAtPositional) return { ...out, rest: k + 1 };
      out.positionals.push(...args.slice(k + 1));
      break;
    }
    if (word.startsWith("--") && word.length > 2) {
      const eq = word.indexOf("=");
      const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
      if (eq >= 0) out.long.set(name, word.slice(eq + 1));
      else if (spec.valueLong?.includes(name) && k + 1 < args.length) out.long.set(name, args[++k] ?? "");
      else out.long.set(name, true);
      continue;
    }
    if (word.startsWith("-") && word.length > 1 && isOptionCluster(word, spec)) {
      k = readCluster(args, k, spec, out);
      continue;
    }
    if (spec.stopAtPositional) return { ...out, rest: k };
    out.positionals.push(word);
  }
  return out;
}

function isOptionCluster(word: string, spec: OptionSpec): boolean {
  if (spec.known == null) return true;
  for (let j = 1; j < word.length; j += 1) {
    const letter = word[j] ?? "";
    if (!spec.known.includes(letter)) return false;
    if (spec.value?.includes(letter)) return true;
  }
  return true;
}

function readCluster(args: readonly string[], k: number, spec: OptionSpec, out: ParsedOptions): number {
  const word = args[k] ?? "";
  for (let j = 1; j < word.length; j += 1) {
    const letter = word[j] ?? "";
    if (!spec.value?.includes(letter)) {
      out.short.add(letter);
      continue;
    }
    const attached = word.slice(j + 1);
    const value = attached !== "" ? attached : (args[k + 1] ?? "");
    const list = out.values.get(letter) ?? [];
    list.push(value);
    out.values.set(letter, list);
    out.short.add(letter);
    return attached !== "" ? k : k + 1;
  }
  return k;
}

/** True when any of the short letters or long names was given. */
export function hasOption(parsed: ParsedOptions, short: string, long: readonly string[] = []): boolean {
  for (const letter of short) if (parsed.short.has(letter)) return true;
  return long.some((name) => parsed.long.has(name));
}

/** The value of a short or long option, last one wins. */
export function optionValue(parsed: ParsedOptions, short: string, long: readonly string[] = []): string | undefined {
  for (const name of long) {
    const value = parsed.long.get(name);
    if (typeof value === "string") return value;
  }
  const values = parsed.values.get(short);
  return values?.[values.length - 1];
}
