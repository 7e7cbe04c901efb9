/**
 * The statements of a SQL script that destroy data: `DROP DATABASE | SCHEMA | TABLE | KEYSPACE`,
 * `TRUNCATE`, and `DELETE` / `UPDATE` with no `WHERE` (or a `WHERE` that is always true). Read with
 * a small scanner, not regexes: string literals, quoted names, comments and `$$` bodies are data,
 * so `INSERT INTO notes VALUES ('DROP TABLE users')` drops nothing.
 */

export type SqlHazard = "drop" | "delete-all" | "update-all";

export interface SqlFinding {
  readonly hazard: SqlHazard;
  /** The statement's start, whitespace collapsed: `DROP TABLE users`. */
  readonly statement: string;
}

interface Token {
  /** A word upper-cased, or one punctuation character; a string literal or quoted name is `'`. */
  readonly text: string;
  readonly depth: number;
  readonly at: number;
}

const DROPPED = new Set(["DATABASE", "SCHEMA", "TABLE", "KEYSPACE"]);
const MAIN_VERBS = new Set(["SELECT", "INSERT", "UPDATE", "DELETE", "MERGE"]);
const ALWAYS_TRUE = new Set(["1", "TRUE", "1=1", "'='", "TRUE=TRUE"]);
const WHERE_END = new Set(["RETURNING", "LIMIT", "ORDER", "OUTPUT"]);
const SHOWN = 80;

export function sqlHazards(sql: string): SqlFinding[] {
  const out: SqlFinding[] = [];
  for (const { tokens, start, end } of statements(sql)) {
    const hazard = classify(tokens);
    if (hazard != null) out.push({ hazard, statement: shown(sql.slice(start, end)) });
  }
  return out;
}

function classify(all: readonly Token[]): SqlHazard | undefined {
  let tokens = all.filter((t) => t.depth === 0);
  const first = tokens[0]?.text;
  if (first === "EXPLAIN") {
    if (tokens[1]?.text !== "ANALYZE" && tokens[1]?.text !== "ANALYSE") return undefined;
    tokens = tokens.slice(2);
  } else if (first === "WITH") {
    tokens = tokens.slice(
      Math.max(
        0,
        tokens.findIndex((t) => MAIN_VERBS.has(t.text)),
      ),
    );
  }
  const verb = tokens[0]?.text;
  if (verb === "DROP") {
    const kind = tokens[1]?.text === "TEMPORARY" ? undefined : tokens[1]?.text;
    return kind != null && DROPPED.has(kind) ? "drop" : undefined;
  }
  if (verb === "TRUNCATE") return "delete-all";
  if (verb === "DELETE") return unfiltered(tokens) ? "delete-all" : undefined;
  if (verb === "UPDATE") return unfiltered(tokens) ? "update-all" : undefined;
  return undefined;
}

/** No WHERE, or one that is always true (`WHERE 1=1`, `WHERE true`). */
function unfiltered(tokens: readonly Token[]): boolean {
  const where = tokens.findIndex((t) => t.text === "WHERE");
  if (where < 0) return true;
  const rest = tokens.slice(where + 1);
  const stop = rest.findIndex((t) => WHERE_END.has(t.text));
  const condition = (stop < 0 ? rest : rest.slice(0, stop)).map((t) => t.text).join("");
  return ALWAYS_TRUE.has(condition);
}

function shown(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= SHOWN ? flat : `${flat.slice(0, SHOWN - 1)}…`;
}

/** Splits on `;` outside literals and comments, keeping each statement's tokens and span. */
function statements(sql: string): { tokens: Token[]; start: number; end: number }[] {
  const out: { tokens: Token[]; start: number; end: number }[] = [];
  let tokens: Token[] = [];
  let start = 0;
  let depth = 0;
  const finish = (end: number): void => {
    if (tokens.length > 0) out.push({ tokens, start: tokens[0]?.at ?? start, end });
    tokens = [];
    depth = 0;
  };
  let k = 0;
  while (k < sql.length) {
    const ch = sql[k] ?? "";
    const next = sql[k + 1] ?? "";
    if ((ch === "-" && next === "-") || (ch === "#" && tokens.length === 0)) k = lineEnd(sql, k);
    else if (ch === "/" && next === "*") k = blockEnd(sql, k);
    else if (ch === "'" || ch === '"' || ch === "`") {
      tokens.push({ text: "'", depth, at: k });
      k = quoteEnd(sql, k, ch);
    } else if (ch === "$" && dollarTag(sql, k) != null) {
      const tag = dollarTag(sql, k) ?? "$$";
      const close = sql.indexOf(tag, k + tag.length);
      tokens.push({ text: "'", depth, at: k });
      k = close < 0 ? sql.length : close + tag.length;
    } else if (ch === ";") {
      finish(k);
      start = k + 1;
      k += 1;
    } else if (isWordChar(ch)) {
      let j = k;
      while (j < sql.length && isWordChar(sql[j] ?? "")) j += 1;
      tokens.push({ text: sql.slice(k, j).toUpperCase(), depth, at: k });
      k = j;
    } else {
      if (ch === "(") depth += 1;
      if (ch === ")") depth = Math.max(0, depth - 1);
      if (ch.trim() !== "") tokens.push({ text: ch, depth: ch === "(" ? depth - 1 : depth, at: k });
      k += 1;
    }
  }
  finish(sql.length);
  return out;
}

function isWordChar(ch: string): boolean {
  return (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || (ch >= "0" && ch <= "9") || ch === "_" || ch === "." || ch > "\u007f";
}

function lineEnd(sql: string, k: number): number {
  const newline = sql.indexOf("\n", k);
  return newline < 0 ? sql.length : newline + 1;
}

function blockEnd(sql: string, k: number): number {
  const close = sql.indexOf("*/", k + 2);
  return close < 0 ? sql.length : close + 2;
}

/** The end of a quoted literal or name; a doubled quote (`'it''s'`) and a backslash escape stay inside. */
function quoteEnd(sql: string, k: number, quote: string): number {
  let j = k + 1;
  while (j < sql.length) {
    const ch = sql[j];
    if (ch === "\\" && quote !== "`") j += 2;
    else if (ch === quote && sql[j + 1] === quote) j += 2;
    else if (ch === quote) return j + 1;
    else j += 1;
  }
  return sql.length;
}

/** `$$` or `$tag$` opening a PostgreSQL dollar-quoted body. */
function dollarTag(sql: string, k: number): string | undefined {
  const close = sql.indexOf("$", k + 1);
  if (close < 0 || close - k > 32) return undefined;
  const tag = sql.slice(k, close + 1);
  return /^\$[A-Za-z_]*\$$/.test(tag) ? tag : undefined;
}
