/**
 * The statements of a SQL script that destroy data: `DROP DATABASE | SCHEMA | TABLE | KEYSPACE`,
 * `TRUNCATE`, and `DELETE` / `UPDATE` with no `WHERE` (or a `WHERE` that is always true). Read
 * token by token, not with a regex over the statement: string literals, quoted names, comments
 * (`--`, `/* *\/`, and MySQL's `#` before a statement) and `$$` bodies are data, so
 * `INSERT INTO notes VALUES ('DROP TABLE users')` drops nothing. Only what is outside
 * parentheses counts: a `WHERE` in a subquery filters nothing of the statement.
 */

export type SqlHazard = "drop" | "delete-all" | "update-all";

export interface SqlFinding {
  readonly hazard: SqlHazard;
  /** The statement's start, whitespace collapsed: `DROP TABLE users`. */
  readonly statement: string;
}

/** What is kept of a statement while it is read: enough to classify it, not every token. */
interface Reading {
  start: number;
  /** Its first tokens outside parentheses (after a `WITH …` clause, from the main verb on). */
  head: string[];
  /** The tokens after its `WHERE`, once there is one; a few are enough to tell `WHERE 1=1`. */
  where?: string[];
  depth: number;
}

const DROPPED = new Set(["DATABASE", "SCHEMA", "TABLE", "KEYSPACE"]);
const MAIN_VERBS = new Set(["SELECT", "INSERT", "UPDATE", "DELETE", "MERGE"]);
/** The first words of the statements looked at. */
const STARTS = new Set(["DROP", "TRUNCATE", "DELETE", "UPDATE", "WITH", "EXPLAIN"]);
const ALWAYS_TRUE = new Set(["1", "TRUE", "1=1", "'='", "TRUE=TRUE"]);
const WHERE_END = new Set(["RETURNING", "LIMIT", "ORDER", "OUTPUT"]);
const HEAD = 4;
const AFTER_WHERE = 6;
const SHOWN = 80;
/** The words the statements looked for start with; a script without any is not tokenised. */
const HAZARD_WORDS = /\b(?:drop|truncate|delete|update)\b/i;
/** One token: blanks, a comment, a literal or quoted name (`'…'`, `"…"`, `` `…` ``, `$tag$…$tag$`), a word, or one character. */
const TOKEN =
  /\s+|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^'\\]|\\[\s\S]|'')*(?:'|$)|"(?:[^"\\]|\\[\s\S]|"")*(?:"|$)|`[^`]*(?:`|$)|\$([A-Za-z_]*)\$[\s\S]*?(?:\$\1\$|$)|[A-Za-z0-9_.\u0080-\uffff]+|[\s\S]/y;
const QUOTES = "'\"`$";

export function findSqlHazards(sql: string): SqlFinding[] {
  if (!HAZARD_WORDS.test(sql)) return [];
  const out: SqlFinding[] = [];
  let reading: Reading | undefined;
  const finish = (end: number): void => {
    const hazard = reading == null ? undefined : classify(reading);
    if (reading != null && hazard != null) out.push({ hazard, statement: abbreviate(sql.slice(reading.start, end)) });
    reading = undefined;
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(sql); m != null; m = TOKEN.exec(sql)) {
    const text = m[0];
    if (text.charCodeAt(0) <= 32 || text.startsWith("--") || text.startsWith("/*")) continue;
    if (text === ";") finish(m.index);
    else if (text === "#" && reading == null) {
      const newline = sql.indexOf("\n", m.index);
      TOKEN.lastIndex = newline < 0 ? sql.length : newline;
    } else if (reading == null) reading = { start: m.index, head: [toToken(text)], depth: 0 };
    else if (STARTS.has(reading.head[0] ?? "")) read(reading, text);
  }
  finish(sql.length);
  return out;
}

function read(r: Reading, text: string): void {
  if (text === ")") r.depth = Math.max(0, r.depth - 1);
  if (r.depth === 0) {
    const t = toToken(text);
    if (r.where != null) {
      if (r.where.length < AFTER_WHERE) r.where.push(t);
    } else if (t === "WHERE") r.where = [];
    else if (r.head[0] === "WITH" && MAIN_VERBS.has(t)) r.head = [t];
    else if (r.head.length < HEAD) r.head.push(t);
  }
  if (text === "(") r.depth += 1;
}

function classify({ head, where }: Reading): SqlHazard | undefined {
  let tokens = head;
  if (tokens[0] === "EXPLAIN") {
    if (tokens[1] !== "ANALYZE" && tokens[1] !== "ANALYSE") return undefined;
    tokens = tokens.slice(2);
  }
  const verb = tokens[0];
  if (verb === "DROP") return tokens[1] != null && DROPPED.has(tokens[1]) ? "drop" : undefined;
  if (verb === "TRUNCATE") return "delete-all";
  if (verb !== "DELETE" && verb !== "UPDATE") return undefined;
  return unfiltered(where) ? (verb === "DELETE" ? "delete-all" : "update-all") : undefined;
}

/** No WHERE, or one that is always true (`WHERE 1=1`, `WHERE true`). */
function unfiltered(where: readonly string[] | undefined): boolean {
  if (where == null) return true;
  const stop = where.findIndex((t) => WHERE_END.has(t));
  return ALWAYS_TRUE.has((stop < 0 ? where : where.slice(0, stop)).join(""));
}

/** A literal or quoted name is `'`; a word is upper-cased when it could be a keyword (none is longer than 9 letters). */
function toToken(text: string): string {
  if (text.length > 1 && QUOTES.includes(text[0] ?? "")) return "'";
  return text.length <= 9 ? text.toUpperCase() : text;
}

function abbreviate(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= SHOWN ? flat : `${flat.slice(0, SHOWN - 1)}…`;
}
