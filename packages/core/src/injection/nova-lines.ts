import type { SourceLine } from "./nova-parser.js";
import { LineError, shown } from "./nova-syntax-error.js";
import { RegexTranslationError, translatePythonRegex } from "./python-regex.js";
import { regexShape } from "./regex-anchors.js";
import type { CompiledKeyword, CompiledPhrase } from "./rule-types.js";

/** The meaning of one line of a `meta:`, `keywords:`, `semantics:` or `llm:` section. */

const VARIABLE = /^\$([A-Za-z0-9_]+)\s*=\s*/;
const META = /^([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/;
const PHRASE = /^"(.*)"\s*(?:\(\s*([^)]*)\)\s*)?$/;
const REGEX_END = /\/(i?)\s*$/;
const FUZZY = /\s*(?:\((\d+)\)\s+)?fuzzy$/i;

export type Warn = (message: string) => void;

export function parseMeta(line: SourceLine): [string, string] {
  const m = META.exec(line.text);
  if (m == null) throw new LineError(`meta line ${shown(line.text)}`, 0, 'key = "value"');
  const value = (m[2] ?? "").trim();
  return [m[1] ?? "", value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value];
}

export function parsePhrase(line: SourceLine, defaultThreshold: number): CompiledPhrase {
  const v = VARIABLE.exec(line.text);
  if (v == null) throw new LineError(`${shown(line.text)} is not a variable definition`, 0, '$name = "phrase" (0.7)');
  const rest = line.text.slice(v[0].length);
  const m = PHRASE.exec(rest);
  if (m == null)
    throw new LineError(`phrase ${shown(rest)}`, v[0].length, "a double-quoted phrase, optionally followed by a threshold such as (0.7)");
  const threshold = m[2] == null ? defaultThreshold : Number(m[2]);
  if (!(threshold >= 0 && threshold <= 1) || (m[2] != null && m[2].trim() === "")) {
    throw new LineError(`threshold ${shown(m[2] ?? "")}`, v[0].length + rest.lastIndexOf("("), "a number between 0 and 1");
  }
  return { name: v[1] ?? "", text: m[1] ?? "", threshold, line: line.line };
}

export function parseKeyword(line: SourceLine, warn: Warn): CompiledKeyword {
  const v = VARIABLE.exec(line.text);
  if (v == null) throw new LineError(`${shown(line.text)} is not a variable definition`, 0, '$name = "literal" or $name = /regex/i');
  const name = v[1] ?? "";
  const at = v[0].length;
  let rest = line.text.slice(at);
  if (rest.startsWith("/")) return regexKeyword(name, rest, at, line.line, warn);
  let fuzzy = false;
  const f = FUZZY.exec(rest);
  if (f && /["']\s*(?:\(\d+\)\s+)?fuzzy$/i.test(rest)) {
    fuzzy = true;
    rest = rest.slice(0, f.index);
    warn(`$${name} is fuzzy: only exact matches are found here, so a miss counts as not evaluated`);
  }
  const quote = rest[0];
  if ((quote !== '"' && quote !== "'") || rest.length < 2 || !rest.endsWith(quote)) {
    throw new LineError(`keyword ${shown(rest)}`, at, 'a quoted "literal", /regex/ or /regex/i');
  }
  let literal = rest.slice(1, -1);
  let caseSensitive = false;
  if (literal.includes("case:true")) {
    literal = literal.replace("case:true", "").trim();
    caseSensitive = true;
  }
  if (literal === "") throw new LineError("an empty literal matches every text", at, "a non-empty literal");
  const source = literal.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
  const flags = (caseSensitive ? "" : "i") + (/[\u{10000}-\u{10FFFF}]/u.test(literal) ? "u" : "");
  return { name, source, flags, ...regexShape(source, flags), ...(fuzzy ? { fuzzy: true as const } : {}), line: line.line };
}

function regexKeyword(name: string, rest: string, at: number, line: number, warn: Warn): CompiledKeyword {
  const end = REGEX_END.exec(rest);
  if (end == null || end.index === 0) throw new LineError("the regex is not closed", at, "/regex/ or /regex/i");
  let body = rest.slice(1, end.index);
  let insensitive = end[1] === "i";
  if (body.includes("case:true")) {
    body = body.replace("case:true", "").trim();
    insensitive = false;
  }
  if (body === "") throw new LineError("an empty regex matches every text", at, "a non-empty regex");
  let translated;
  try {
    translated = translatePythonRegex(body, insensitive ? "i" : "");
  } catch (error) {
    if (error instanceof RegexTranslationError) throw new LineError(error.message, at + 1 + error.index, "a regex JavaScript can run");
    throw error;
  }
  for (const w of translated.warnings) warn(`$${name}: ${w}`);
  let compiled: RegExp;
  try {
    compiled = new RegExp(translated.source, translated.flags);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new LineError(`the regex does not compile in JavaScript: ${detail}`, at + 1, "a valid regular expression", { cause: error });
  }
  if (compiled.test("")) warn(`$${name} matches the empty string, so it matches every text`);
  const shape = regexShape(translated.source, translated.flags);
  return { name, source: translated.source, flags: translated.flags, ...shape, line };
}
