import type { RuleHit, SimpleCommand } from "../../command-types.js";
import { hasOption, parseOptions } from "../../shell/parse-options.js";
import type { RuleContext } from "../rule-context.js";
import { readClientInputs, type ClientInput } from "./database-clients.js";
import { findFrameworkReset } from "./framework-resets.js";
import { definePack } from "./rule-pack.js";
import { findSqlHazards } from "./sql-statements.js";

/**
 * Destroying data through database tools: SQL given to psql, mysql, sqlite3, clickhouse, cockroach,
 * sqlcmd or cqlsh (inline, in a heredoc, piped, or in a local script), MongoDB shells, redis-cli,
 * dropdb / mysqladmin drop, and frameworks' reset commands. A client's own input is only looked at
 * when the program is one of them, so `echo "DROP TABLE x"` and `git grep "DROP TABLE"` are data.
 */

type DbHazard = "drop" | "flush" | "delete-all" | "update-all" | "reset";

interface DbFinding {
  readonly hazard: DbHazard;
  readonly detail: string;
}

const PROGRAMS = new Set([
  "psql",
  "mysql",
  "mariadb",
  "sqlite3",
  "duckdb",
  "clickhouse",
  "clickhouse-client",
  "clickhouse-local",
  "cockroach",
  "sqlcmd",
  "cqlsh",
  "mongosh",
  "mongo",
  "redis-cli",
  "valkey-cli",
  "keydb-cli",
  "dropdb",
  "mysqladmin",
  "mariadb-admin",
  "pg_restore",
  "mongorestore",
  "rails",
  "rake",
  "prisma",
  "sequelize",
  "sequelize-cli",
  "typeorm",
  "supabase",
  "dotnet",
  "mix",
  "artisan",
  "php",
  "manage.py",
  "django-admin",
  "bundle",
  "poetry",
  "pipenv",
  "uv",
  "pdm",
  "pnpm",
  "yarn",
  "bun",
]);
const PYTHON = /^python[0-9.]*$/;
const MONGO: readonly (readonly [DbHazard, RegExp])[] = [
  ["drop", /\.\s*dropDatabase\s*\(|\bdropDatabase\s*:|\.\s*drop\s*\(\s*\)/],
  ["delete-all", /\.\s*(?:deleteMany|remove)\s*\(\s*(?:\{\s*\})?\s*[,)]/],
  ["update-all", /\.\s*updateMany\s*\(\s*\{\s*\}\s*,/],
];
const REDIS_FLUSH = new Set(["FLUSHALL", "FLUSHDB"]);
const SHOWN = 80;
const memo = new WeakMap<SimpleCommand, readonly DbFinding[]>();

/** Every hazard of one command, worked out once for all five rules. */
function findHazards(cmd: SimpleCommand, rc: RuleContext): readonly DbFinding[] {
  if (!PROGRAMS.has(cmd.name) && !PYTHON.test(cmd.name)) return [];
  const known = memo.get(cmd);
  if (known != null) return known;
  const out = [...findToolHazards(cmd)];
  const client = readClientInputs(cmd, rc);
  for (const input of client?.inputs ?? []) {
    if (client?.language === "sql")
      out.push(...findSqlHazards(input.text).map((f) => ({ hazard: f.hazard, detail: describeSource(f.statement, input) })));
    if (client?.language === "mongo") out.push(...findMongoHazards(input));
    if (client?.language === "redis") out.push(...findRedisHazards(input));
  }
  memo.set(cmd, out);
  return out;
}

function findToolHazards(cmd: SimpleCommand): DbFinding[] {
  const { name, args } = cmd;
  if (name === "dropdb") {
    const p = parseOptions(args, { value: "hpUd", valueLong: ["host", "port", "username", "maintenance-db"] });
    if (args.some((a) => a === "--help" || a === "-?" || a === "-V" || a === "--version")) return [];
    return [{ hazard: "drop", detail: `dropdb ${p.positionals.join(" ")}`.trim() }];
  }
  if (name === "mysqladmin" || name === "mariadb-admin") {
    const words = parseOptions(
      args.filter((a) => !a.startsWith("-p")),
      { value: "uhPSO", valueLong: ["user", "host", "port", "socket"] },
    ).positionals;
    const at = words.findIndex((w) => w.toLowerCase() === "drop");
    return at < 0 ? [] : [{ hazard: "drop", detail: `${name} drop ${words[at + 1] ?? ""}`.trim() }];
  }
  const reset = findFrameworkReset(cmd) ?? findRestoreOver(cmd);
  return reset == null ? [] : [{ hazard: "reset", detail: reset }];
}

/**
 * A restore that first drops what the database holds: `pg_restore --clean -d app dump`,
 * `mongorestore --drop`. Without `-d`, pg_restore only prints the script.
 */
function findRestoreOver(cmd: SimpleCommand): string | undefined {
  const { name, args } = cmd;
  if (name === "pg_restore") {
    const p = parseOptions(args, {
      value: "dfFIjLnNOPsStTU",
      valueLong: ["dbname", "file", "format", "host", "port", "username", "role", "jobs"],
    });
    const cleans = hasOption(p, "c", ["clean"]);
    return cleans && (p.short.has("d") || p.long.has("dbname")) ? "pg_restore --clean (drops the database's objects first)" : undefined;
  }
  if (name === "mongorestore" && args.some((a) => a === "--drop")) return "mongorestore --drop (drops each collection first)";
  return undefined;
}

function findMongoHazards(input: ClientInput): DbFinding[] {
  const out: DbFinding[] = [];
  for (const [hazard, pattern] of MONGO) {
    const match = pattern.exec(input.text);
    if (match != null) out.push({ hazard, detail: describeSource(quoteStatementAround(input.text, match.index), input) });
  }
  return out;
}

function findRedisHazards(input: ClientInput): DbFinding[] {
  const out: DbFinding[] = [];
  for (const line of input.text.split("\n")) {
    const command = line.trim().split(/\s+/)[0]?.toUpperCase() ?? "";
    if (REDIS_FLUSH.has(command)) out.push({ hazard: "flush", detail: describeSource(line.trim(), input) });
  }
  return out;
}

/** The line or `;`-separated statement around a match, to show in the finding. */
function quoteStatementAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf("\n", at), text.lastIndexOf(";", at)) + 1;
  const ends = [text.indexOf("\n", at), text.indexOf(";", at)].filter((k) => k >= 0);
  const statement = text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length).trim();
  return statement.length <= SHOWN ? statement : `${statement.slice(0, SHOWN - 1)}…`;
}

function describeSource(statement: string, input: ClientInput): string {
  return input.from === "the command line" ? statement : `${statement}, from ${input.from}`;
}

function hit(hazard: DbHazard): (cmd: SimpleCommand, rc: RuleContext) => RuleHit | undefined {
  return (cmd, rc) => {
    const found = findHazards(cmd, rc).find((f) => f.hazard === hazard);
    return found == null ? undefined : { detail: found.detail };
  };
}

export const databasePack = definePack("db", "databases: SQL clients, MongoDB shells, redis-cli, dropdb, framework resets", [
  {
    id: "db.drop",
    severity: "critical",
    action: "deny",
    category: "destructive-data",
    reason: "it drops a whole database, schema or table (or a MongoDB database or collection), destroying all the data in it",
    check: hit("drop"),
  },
  {
    id: "db.flush",
    severity: "critical",
    action: "deny",
    category: "destructive-data",
    reason: "it empties a whole Redis (Valkey, KeyDB) database with FLUSHALL or FLUSHDB",
    check: hit("flush"),
  },
  {
    id: "db.delete-all-rows",
    severity: "high",
    action: "ask",
    category: "destructive-data",
    reason: "it deletes every row of a table (TRUNCATE, or DELETE with no WHERE) or every document of a collection",
    check: hit("delete-all"),
  },
  {
    id: "db.update-all-rows",
    severity: "medium",
    action: "ask",
    category: "destructive-data",
    reason: "it updates every row of a table (UPDATE with no WHERE) or every document of a collection, overwriting what was there",
    check: hit("update-all"),
  },
  {
    id: "db.reset",
    severity: "high",
    action: "ask",
    category: "destructive-data",
    reason:
      "it drops and recreates (or empties) the application's database through its framework (rails db:reset, prisma migrate reset, manage.py flush…)",
    check: hit("reset"),
  },
]);
