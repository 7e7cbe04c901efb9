import { isName } from "./tokenize-segment.js";
import { parseOptions, optionValue, type OptionSpec } from "./parse-options.js";

/**
 * Sees through the commands that only run another command: `sudo -u root env X=1 nice -n 5 rm …`
 * runs `rm`. Leading `VAR=value` words, shell keywords (`then`, `do`, `!`, `{`) and the wrappers'
 * own options are set aside; what remains is the command that really runs. A wrapper given a
 * command string (`script -c 'cmd'`, `flock lock -c 'cmd'`, `runuser -l u -c 'cmd'`, `sg g 'cmd'`)
 * runs it with a shell, so it becomes `sh -c 'cmd'`.
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

const SCRIPT_VALUES = "cTBIOEmoF";
const SCRIPT_VALUES_LONG = ["command", "log-timing", "log-in", "log-out", "log-io", "echo", "logging-format", "output-limit"];

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
  chroot: { valueLong: ["userspec", "groups"], skip: 1 },
  // util-linux `script -c cmd file` is a command string (see commandString); BSD `script [-q] file cmd …` wraps.
  script: { value: SCRIPT_VALUES, valueLong: SCRIPT_VALUES_LONG, skip: 1 },
  flock: { value: "Ew", valueLong: ["conflict-exit-code", "timeout"], skip: 1 },
  runuser: { value: "ugGsw", valueLong: ["user", "group", "supp-group", "shell", "whitelist-environment"] },
  "systemd-run": {
    value: "upEMH",
    valueLong: [
      "unit",
      "property",
      "setenv",
      "description",
      "slice",
      "machine",
      "host",
      "uid",
      "gid",
      "nice",
      "working-directory",
      "service-type",
      "on-active",
      "on-boot",
      "on-startup",
      "on-unit-active",
      "on-unit-inactive",
      "on-calendar",
      "timer-property",
      "path-property",
      "socket-property",
    ],
  },
  firejail: {},
  taskset: { skip: 1 },
  chrt: { skip: 1 },
  unshare: { value: "SGRw" },
  nsenter: { value: "tSG", valueLong: ["target", "setuid", "setgid"] },
  fakeroot: { value: "lsib", valueLong: ["lib", "faked"] },
  pkexec: { valueLong: ["user"] },
  "xvfb-run": { value: "efnpsw", valueLong: ["error-file", "auth-file", "server-num", "xauth-protocol", "server-args", "wait"] },
  proxychains: { value: "f" },
  proxychains4: { value: "f" },
  torsocks: { value: "uapP" },
  "ssh-agent": { value: "aEPt" },
  "dbus-run-session": {},
  valgrind: {},
  strace: { value: "abeEIoOpPsSuUX" },
  prlimit: { value: "p" },
  cgexec: { value: "g" },
  numactl: { value: "CNmpP" },
  npx: { value: "p", valueLong: ["package", "call"] },
  pnpx: { value: "p", valueLong: ["package"] },
  bunx: { value: "p", valueLong: ["package"] },
};

/** Package managers' subcommands that run a package's binary: `pnpm exec wrangler …`, `npm exec -- prisma …`, `bun x …`. */
const PACKAGE_RUNNERS: Readonly<Record<string, readonly string[]>> = {
  pnpm: ["dlx", "exec"],
  yarn: ["dlx", "exec"],
  npm: ["exec", "x"],
  bun: ["x"],
};

/** Tools whose subcommand runs a command in an environment: `uv run cmd`, `bundle exec cmd`, `mise exec node@20 -- cmd`. */
const RUNNERS: Readonly<Record<string, OptionSpec & { readonly subcommands: readonly string[]; readonly untilDashes?: boolean }>> = {
  uv: {
    subcommands: ["run"],
    value: "pw",
    valueLong: ["with", "python", "project", "directory", "env-file", "group", "extra", "package", "index", "with-requirements"],
  },
  poetry: { subcommands: ["run"], value: "CP", valueLong: ["directory", "project"] },
  pipenv: { subcommands: ["run"] },
  pdm: { subcommands: ["run"], value: "p", valueLong: ["project"] },
  rye: { subcommands: ["run"] },
  bundle: { subcommands: ["exec"], valueLong: ["gemfile"] },
  conda: { subcommands: ["run"], value: "np", valueLong: ["name", "prefix", "cwd"] },
  mise: { subcommands: ["exec", "x"], untilDashes: true },
  devbox: { subcommands: ["run"], valueLong: ["config"] },
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
    if (PACKAGE_RUNNERS[name]?.includes(argv[1] ?? "") === true) {
      wrappers.push(`${name} ${argv[1] ?? ""}`);
      argv = argv.slice(2 + parseOptions(argv.slice(2), { stopAtPositional: true, value: "p", valueLong: ["package"] }).rest);
      continue;
    }
    const runner = RUNNERS[name];
    if (runner != null && runner.subcommands.includes(argv[1] ?? "") && argv.length > 2) {
      wrappers.push(`${name} ${argv[1] ?? ""}`);
      const rest = argv.slice(2);
      const dashes = rest.indexOf("--");
      argv = runner.untilDashes
        ? dashes < 0
          ? []
          : rest.slice(dashes + 1)
        : rest.slice(parseOptions(rest, { ...runner, stopAtPositional: true }).rest);
      continue;
    }
    const code = commandString(name, argv.slice(1));
    if (code != null) {
      wrappers.push(name);
      argv = ["sh", "-c", code];
      break;
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

/** The command string a wrapper hands to a shell: `script -c`, `flock FILE -c`, `runuser -c`, `sg GROUP [-c]`. */
function commandString(name: string, args: readonly string[]): string | undefined {
  switch (name) {
    case "script":
      return optionValue(parseOptions(args, { value: SCRIPT_VALUES, valueLong: SCRIPT_VALUES_LONG }), "c", ["command"]);
    case "flock": {
      const p = parseOptions(args, { value: "Ewc", valueLong: ["conflict-exit-code", "timeout", "command"], stopAtPositional: true });
      const after = args.slice(p.rest + 1);
      return optionValue(p, "c", ["command"]) ?? (after[0] === "-c" || after[0] === "--command" ? after[1] : undefined);
    }
    case "runuser": {
      const p = parseOptions(args, {
        value: "ugGcsw",
        valueLong: ["user", "group", "supp-group", "command", "shell", "whitelist-environment"],
      });
      return optionValue(p, "c", ["command"]);
    }
    case "sg": {
      const rest = args[0] === "-" ? args.slice(1) : args;
      return rest[1] === "-c" ? rest[2] : rest[1];
    }
    default:
      return undefined;
  }
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
