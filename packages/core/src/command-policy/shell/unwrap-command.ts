import { isName } from "./tokenize-segment.js";
import { parseOptions, optionValue, type OptionSpec } from "./parse-options.js";

/**
 * Sees through the commands that only run another command: `sudo -u root env X=1 nice -n 5 rm …`
 * runs `rm`. Leading `VAR=value` words, shell keywords (`then`, `do`, `!`, `{`) and the wrappers'
 * own options are set aside; what remains is the command that really runs.
 */

export interface Unwrapped {
  readonly argv: string[];
  readonly wrappers: string[];
  readonly assignments: string[];
  /** A directory the wrappers switch to (`sudo -D dir`, `env -C dir`). */
  readonly chdir?: string;
  /** `command -v name`: a lookup, nothing runs. */
  readonly lookupOnly?: boolean;
}

interface WrapperSpec extends OptionSpec {
  /** Positionals the wrapper reads before the command (`timeout 5s cmd`). */
  readonly skip?: number;
  readonly chdir?: { readonly short: string; readonly long: readonly string[] };
}

const WRAPPERS: Readonly<Record<string, WrapperSpec>> = {
  sudo: {
    value: "CDgpRrtTUu",
    valueLong: ["user", "group", "chdir", "prompt", "chroot", "role", "type", "other-user", "close-from", "command-timeout", "host"],
    chdir: { short: "D", long: ["chdir"] },
  },
  doas: { value: "uCa" },
  env: { value: "uCSP", valueLong: ["unset", "chdir", "split-string"], chdir: { short: "C", long: ["chdir"] } },
  nice: { value: "n", valueLong: ["adjustment"] },
  nohup: {},
  setsid: {},
  timeout: { value: "sk", valueLong: ["signal", "kill-after"], skip: 1 },
  time: { value: "of", valueLong: ["output", "format"] },
  command: {},
  builtin: {},
  exec: { value: "a" },
  stdbuf: { value: "ioe", valueLong: ["input", "output", "error"] },
  ionice: { value: "cnpt", valueLong: ["class", "classdata"] },
  caffeinate: { value: "tw" },
  unbuffer: {},
  chronic: {},
  npx: { value: "p", valueLong: ["package", "call"] },
  pnpx: { value: "p", valueLong: ["package"] },
  bunx: { value: "p", valueLong: ["package"] },
};

const NUMBER = /^-?\d+$/;
const WHITESPACE = /\s+/;

const KEYWORDS = new Set(["!", "{", "}", "then", "do", "else", "elif", "if", "while", "until", "coproc"]);

export function unwrapCommand(words: readonly string[]): Unwrapped {
  const wrappers: string[] = [];
  const assignments: string[] = [];
  let chdir: string | undefined;
  let argv = [...words];
  for (let guard = 0; guard < 16 && argv.length > 0; guard += 1) {
    const first = argv[0] ?? "";
    if (isAssignment(first)) {
      assignments.push(first);
      argv = argv.slice(1);
      continue;
    }
    if (KEYWORDS.has(first)) {
      argv = argv.slice(1);
      continue;
    }
    const name = baseName(first);
    if ((name === "pnpm" || name === "yarn") && argv[1] === "dlx") {
      wrappers.push(`${name} dlx`);
      argv = argv.slice(2 + parseOptions(argv.slice(2), { stopAtPositional: true, value: "p", valueLong: ["package"] }).rest);
      continue;
    }
    if (name === "busybox" && argv.length > 1) {
      wrappers.push(name);
      argv = argv.slice(1);
      continue;
    }
    if (name === "nice" && NUMBER.test(argv[1] ?? "")) argv.splice(1, 1);
    const spec = WRAPPERS[name];
    if (spec == null) break;
    const parsed = parseOptions(argv.slice(1), { ...spec, stopAtPositional: true });
    if (name === "command" && (parsed.short.has("v") || parsed.short.has("V"))) {
      return { argv, wrappers, assignments, lookupOnly: true };
    }
    if (spec.chdir != null) chdir = optionValue(parsed, spec.chdir.short, spec.chdir.long) ?? chdir;
    let rest = argv.slice(1 + parsed.rest);
    const split = name === "env" ? optionValue(parsed, "S", ["split-string"]) : undefined;
    if (split != null) rest = [...split.split(WHITESPACE).filter(Boolean), ...rest];
    if (name === "env") {
      while (rest.length > 0 && isAssignment(rest[0] ?? "")) assignments.push(rest.shift() ?? "");
    }
    const command = rest.slice(spec.skip ?? 0);
    if (command.length === 0) break;
    wrappers.push(name);
    argv = command;
  }
  return chdir == null ? { argv, wrappers, assignments } : { argv, wrappers, assignments, chdir };
}

export function isAssignment(word: string): boolean {
  const eq = word.indexOf("=");
  if (eq <= 0) return false;
  const name = word[eq - 1] === "+" ? word.slice(0, eq - 1) : word.slice(0, eq);
  return isName(name);
}

/** `/usr/bin/rm` is `rm`; `\rm` already lost its backslash in the tokenizer. */
export function baseName(word: string): string {
  const slash = word.lastIndexOf("/");
  return slash < 0 ? word : word.slice(slash + 1);
}
