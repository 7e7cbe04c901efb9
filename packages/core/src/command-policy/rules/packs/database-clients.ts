import type { SimpleCommand } from "../../command-types.js";
import { parseOptions, type OptionSpec, type ParsedOptions } from "../../shell/parse-options.js";
import type { RuleContext } from "../rule-context.js";

/**
 * What a database client is given to run, and where it came from: SQL after `-c` / `-e` /
 * `--execute` / `-q` or as a positional argument, a script after `-f` / `-i` (read when it is a
 * local file), or its stdin (a heredoc, a here-string, `echo … |`, `< x.sql`, `cat x.sql |`).
 * Mongo shells give JavaScript, redis-cli its commands.
 */

export type ClientLanguage = "sql" | "mongo" | "redis";

export interface ClientInput {
  readonly text: string;
  /** Where it came from, for the finding: `-c`, `stdin`, `drop.sql`. */
  readonly from: string;
}

interface ClientSpec {
  readonly language: ClientLanguage;
  readonly options: OptionSpec;
  /** Options whose value is the code (short letters, long names). */
  readonly code: readonly [string, readonly string[]];
  /** Options whose value is a script file. */
  readonly files: readonly [string, readonly string[]];
}

const SQL_CLIENTS: Readonly<Record<string, ClientSpec>> = {
  psql: {
    language: "sql",
    options: {
      value: "cdfFhLopPRTUv",
      valueLong: ["command", "dbname", "file", "host", "port", "username", "set", "variable", "output", "log-file", "pset"],
    },
    code: ["c", ["command"]],
    files: ["f", ["file"]],
  },
  mysql: {
    language: "sql",
    options: { value: "eDuhPSo", valueLong: ["execute", "database", "user", "host", "port", "socket", "init-command"] },
    code: ["e", ["execute", "init-command"]],
    files: ["", []],
  },
  sqlcmd: {
    language: "sql",
    options: { value: "SUPdQqiolHtswahcfvyYKM" },
    code: ["Qq", []],
    files: ["i", []],
  },
  cqlsh: {
    language: "sql",
    options: { value: "efkup", valueLong: ["execute", "file", "keyspace", "username", "password", "cqlshrc"] },
    code: ["e", ["execute"]],
    files: ["f", ["file"]],
  },
  mongosh: {
    language: "mongo",
    options: { value: "uphf", valueLong: ["eval", "file", "host", "port", "username", "password", "authenticationDatabase"] },
    code: ["", ["eval"]],
    files: ["f", ["file"]],
  },
};
const CLICKHOUSE: ClientSpec = {
  language: "sql",
  options: {
    value: "qhudf",
    valueLong: ["query", "queries-file", "host", "port", "user", "password", "database", "format", "config-file"],
  },
  code: ["q", ["query"]],
  files: ["", ["queries-file"]],
};
const COCKROACH: ClientSpec = {
  language: "sql",
  options: { value: "edfu", valueLong: ["execute", "file", "url", "database", "user", "host", "certs-dir", "format", "set"] },
  code: ["e", ["execute"]],
  files: ["f", ["file"]],
};
const ALIASES: Readonly<Record<string, string>> = { mariadb: "mysql", mongo: "mongosh" };
const PASSWORD = /^-p/;
/** sqlite3 and duckdb spell long options with one dash; these take the next word. */
const EMBEDDED_VALUES = new Set([
  "-separator",
  "-newline",
  "-nullvalue",
  "-vfs",
  "-mmap",
  "-lookaside",
  "-pagecache",
  "-heap",
  "-maxsize",
  "-escape",
]);
const REDIS = {
  value: "hpsanriuRdD",
  valueLong: ["user", "pass", "sni", "cacert", "cacertdir", "cert", "key", "tls-ciphers", "eval", "pattern", "count"],
};
const REDIS_CLIS = new Set(["redis-cli", "valkey-cli", "keydb-cli"]);

/** The client's language and what it runs; undefined for any other program. */
export function readClientInputs(cmd: SimpleCommand, rc: RuleContext): { language: ClientLanguage; inputs: ClientInput[] } | undefined {
  const { name, args } = cmd;
  if (REDIS_CLIS.has(name)) return { language: "redis", inputs: readRedisInputs(cmd, rc) };
  if (name === "sqlite3" || name === "duckdb") return { language: "sql", inputs: readEmbeddedInputs(cmd, rc) };
  const found = specFor(name, args);
  if (found == null) return undefined;
  const { spec, words } = found;
  const p = parseOptions(words, spec.options);
  const inputs: ClientInput[] = [];
  const code = valuesOf(p, spec.code);
  for (const text of code) inputs.push({ text, from: "the command line" });
  const files = valuesOf(p, spec.files);
  if (spec.language === "mongo") files.push(...p.positionals.filter((w) => w.endsWith(".js")));
  for (const file of files.flatMap((f) => f.split(",")))
    pushFile(inputs, file === "-" ? rc.readStdin(cmd) : rc.readFile(file, cmd), file === "-" ? nameStdin(cmd) : file);
  // Code or a script given on the command line is what it runs; only without them does it read stdin.
  if (code.length === 0 && files.length === 0) pushFile(inputs, rc.readStdin(cmd), nameStdin(cmd));
  return { language: spec.language, inputs };
}

/** The client's spec and the words its options are read from (`clickhouse client …`, `cockroach sql …`). */
function specFor(name: string, args: readonly string[]): { spec: ClientSpec; words: readonly string[] } | undefined {
  if (name === "clickhouse") return args[0] === "client" || args[0] === "local" ? { spec: CLICKHOUSE, words: args.slice(1) } : undefined;
  if (name === "clickhouse-client" || name === "clickhouse-local") return { spec: CLICKHOUSE, words: args };
  if (name === "cockroach") return args[0] === "sql" ? { spec: COCKROACH, words: args.slice(1) } : undefined;
  const key = ALIASES[name] ?? name;
  const spec = SQL_CLIENTS[key];
  if (spec == null) return undefined;
  // mysql's `-pSECRET` is a password glued to its flag, not a cluster of flags.
  return { spec, words: key === "mysql" ? args.filter((a) => !PASSWORD.test(a)) : args };
}

/** `sqlite3 [options] app.db [SQL…]`, `duckdb app.duckdb -c SQL`. */
function readEmbeddedInputs(cmd: SimpleCommand, rc: RuleContext): ClientInput[] {
  const inputs: ClientInput[] = [];
  const positional: string[] = [];
  const args = cmd.args;
  for (let k = 0; k < args.length; k += 1) {
    const word = args[k] ?? "";
    const next = args[k + 1];
    if (word === "-cmd" || word === "--cmd" || (cmd.name === "duckdb" && (word === "-c" || word === "-s"))) {
      if (next != null) inputs.push({ text: next, from: "the command line" });
      k += 1;
    } else if (word === "-init" || word === "--init") {
      if (next != null) pushFile(inputs, rc.readFile(next, cmd), next);
      k += 1;
    } else if (EMBEDDED_VALUES.has(word) || EMBEDDED_VALUES.has(word.slice(1))) k += 1;
    else if (!word.startsWith("-")) positional.push(word);
  }
  const sql = positional.slice(1);
  for (const text of sql) inputs.push({ text, from: "the command line" });
  if (sql.length === 0) pushFile(inputs, rc.readStdin(cmd), nameStdin(cmd));
  return inputs;
}

/** `redis-cli [options] COMMAND args`, or commands one a line on its stdin. */
function readRedisInputs(cmd: SimpleCommand, rc: RuleContext): ClientInput[] {
  const p = parseOptions(cmd.args, REDIS);
  if (p.positionals.length > 0) return [{ text: p.positionals.join(" "), from: "the command line" }];
  const inputs: ClientInput[] = [];
  pushFile(inputs, rc.readStdin(cmd), nameStdin(cmd));
  return inputs;
}

function valuesOf(p: ParsedOptions, [short, long]: readonly [string, readonly string[]]): string[] {
  const out: string[] = [];
  for (const letter of short) out.push(...(p.values.get(letter) ?? []));
  for (const name of long) {
    const value = p.long.get(name);
    if (typeof value === "string") out.push(value);
  }
  return out;
}

/** `stdin` for text fed to it, else the local file redirected or piped in. */
function nameStdin(cmd: SimpleCommand): string {
  return cmd.stdinText == null && cmd.stdinFile != null ? cmd.stdinFile : "stdin";
}

function pushFile(inputs: ClientInput[], text: string | undefined, from: string): void {
  if (text != null && text !== "") inputs.push({ text, from });
}
