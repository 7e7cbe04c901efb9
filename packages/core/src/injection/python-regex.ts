/**
 * Translates a NOVA keyword regex, written in Python `re` syntax, into JavaScript source and flags:
 * inline flags become JS flags, `(?P<n>…)` named groups, `\A` `\Z` anchors, `\UXXXXXXXX`,
 * lone braces, verbose mode; escapes JavaScript's `u` mode would reject are simplified. What
 * JavaScript cannot express (atomic groups, possessive quantifiers, conditionals) is refused.
 */
export interface TranslatedRegex {
  readonly source: string;
  readonly flags: string;
  readonly warnings: readonly string[];
}

export class RegexTranslationError extends Error {
  override readonly name = "RegexTranslationError";
  constructor(
    message: string,
    /** Index in the Python source. */
    readonly index: number,
  ) {
    super(message);
  }
}

const SYNTAX = new Set("^$\\.*+?()[]{}|/");
const CONTROL_ESCAPES: Record<string, string> = { a: "\\x07", f: "\\f", n: "\\n", r: "\\r", t: "\\t", v: "\\v" };
const KEEP_ESCAPES = new Set("bBdDsSwW0123456789xu");
const WORD = "[\\p{L}\\p{N}_]";
/** With non-ASCII letters in a pattern, `\\b` and `\\w` must know them as Python does (JS's are ASCII-only). */
const UNICODE_WORD_ESCAPES: Record<string, string> = {
  b: `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`,
  B: `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`,
  w: WORD,
  W: "[^\\p{L}\\p{N}_]",
};
const INLINE_FLAGS = /^\(\?([aiLmsux]+)\)/;
const SCOPED_FLAGS = /^\(\?([aiLmsux]*)(?:-([imsx]+))?:/;

export function translatePythonRegex(python: string, initialFlags: string): TranslatedRegex {
  const warnings: string[] = [];
  const flags = new Set(initialFlags.split(""));
  let body = extractGlobalFlags(python, flags);
  if (flags.has("x")) body = stripVerbose(body);
  let out = "";
  let inClass = false;
  let classStart = false;
  let needsUnicode = false;
  const unicodeWords = /[\u0080-\uffff]/.test(body);
  const dotAllScopes: boolean[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? "";
    if (c === "\\") {
      const next = body[i + 1];
      if (next == null) throw new RegexTranslationError("the pattern ends with a lone backslash", i);
      i++;
      if (next === "A" && !inClass) out += "(?<![\\s\\S])";
      else if ((next === "Z" || next === "z") && !inClass) out += "(?![\\s\\S])";
      else if (next === "U") {
        const hex = body.slice(i + 1, i + 9);
        if (!/^[0-9a-fA-F]{8}$/.test(hex)) throw new RegexTranslationError("\\U needs 8 hex digits", i - 1);
        out += `\\u{${hex.replace(/^0+(?=.)/, "")}}`;
        needsUnicode = true;
        i += 8;
      } else if (next === "N") throw new RegexTranslationError("named Unicode escapes (\\N{...}) are not supported", i - 1);
      else if (unicodeWords && !inClass && next in UNICODE_WORD_ESCAPES) {
        out += UNICODE_WORD_ESCAPES[next];
        needsUnicode = true;
      } else if (unicodeWords && inClass && next === "w") {
        out += "\\p{L}\\p{N}_";
        needsUnicode = true;
      } else if (next in CONTROL_ESCAPES) out += CONTROL_ESCAPES[next];
      else if (KEEP_ESCAPES.has(next)) {
        out += `\\${next}`;
        if (next === "u") needsUnicode = true;
      } else if (/[A-Za-z]/.test(next)) throw new RegexTranslationError(`unknown escape \\${next}`, i - 1);
      else if (SYNTAX.has(next) || (inClass && next === "-")) out += `\\${next}`;
      else out += next;
      classStart = false;
      continue;
    }
    if (inClass) {
      if (c === "]" && !classStart) inClass = false;
      out += c === "]" && classStart ? "\\]" : c === "[" ? "\\[" : c;
      classStart = false;
      continue;
    }
    if (c === "[") {
      inClass = true;
      classStart = true;
      out += c;
      if (body[i + 1] === "^") {
        out += "^";
        i++;
      }
      continue;
    }
    if (c === "(") {
      const rest = body.slice(i);
      const scoped = SCOPED_FLAGS.exec(rest);
      if (rest.startsWith("(?P<")) {
        out += "(?<";
        i += 3;
        dotAllScopes.push(dotAllScopes.at(-1) ?? false);
      } else if (rest.startsWith("(?P=")) {
        const end = body.indexOf(")", i);
        if (end < 0) throw new RegexTranslationError("unterminated (?P=name)", i);
        out += `\\k<${body.slice(i + 4, end)}>`;
        i = end;
      } else if (rest.startsWith("(?#")) {
        const end = body.indexOf(")", i);
        if (end < 0) throw new RegexTranslationError("unterminated comment group", i);
        i = end;
      } else if (rest.startsWith("(?>")) throw new RegexTranslationError("atomic groups (?>...) are not supported", i);
      else if (rest.startsWith("(?(")) throw new RegexTranslationError("conditional groups (?(...)...) are not supported", i);
      else if (scoped && (scoped[1] || scoped[2])) {
        const on = scoped[1] ?? "";
        if (on.includes("x")) throw new RegexTranslationError("a scoped verbose flag (?x:...) is not supported", i);
        if (on.includes("i") && !flags.has("i")) {
          flags.add("i");
          warnings.push("the scoped flag (?i:...) is applied to the whole pattern");
        }
        if (on.includes("m")) flags.add("m");
        if (scoped[2]) warnings.push(`the flags turned off by (?-${scoped[2]}:...) stay on`);
        dotAllScopes.push(on.includes("s") || (dotAllScopes.at(-1) ?? false));
        out += "(?:";
        i += scoped[0].length - 1;
      } else {
        dotAllScopes.push(dotAllScopes.at(-1) ?? false);
        out += c;
      }
      continue;
    }
    if (c === ")") dotAllScopes.pop();
    if (c === "." && (dotAllScopes.at(-1) ?? false) && !flags.has("s")) {
      out += "[\\s\\S]";
      continue;
    }
    if (c === "{" || c === "}") {
      const quantifier = c === "{" ? /^\{(\d*)(,?)(\d*)\}/.exec(body.slice(i)) : null;
      if (quantifier && (quantifier[1] || quantifier[3])) {
        out += `{${quantifier[1] || "0"}${quantifier[2]}${quantifier[3]}}`;
        i += quantifier[0].length - 1;
        if (body[i + 1] === "+") throw new RegexTranslationError("possessive quantifiers are not supported", i + 1);
      } else out += `\\${c}`;
      continue;
    }
    if ((c === "*" || c === "+" || c === "?") && body[i + 1] === "+" && !isEscapedOrGroupStart(body, i)) {
      throw new RegexTranslationError("possessive quantifiers are not supported", i + 1);
    }
    if (c.codePointAt(0)! > 0xffff) needsUnicode = true;
    out += c;
  }
  if (inClass) throw new RegexTranslationError("unterminated character class", python.length);
  const finalFlags: string[] = [...flags].filter((f) => f === "i" || f === "m" || f === "s");
  if (needsUnicode) finalFlags.push("u");
  return { source: out, flags: finalFlags.toSorted().join(""), warnings };
}

function extractGlobalFlags(source: string, flags: Set<string>): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") {
      const match = INLINE_FLAGS.exec(source.slice(i));
      if (match) {
        for (const flag of match[1] ?? "") flags.add(flag);
        i += match[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/** Verbose mode: whitespace and `#` comments outside classes are not part of the pattern. */
function stripVerbose(source: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? "";
    if (c === "\\") {
      out += source.slice(i, i + 2);
      i++;
    } else if (inClass) {
      inClass = c !== "]";
      out += c;
    } else if (c === "[") {
      inClass = true;
      out += c;
    } else if (c === "#") {
      const end = source.indexOf("\n", i);
      i = end < 0 ? source.length : end;
    } else if (!/\s/.test(c)) out += c;
  }
  return out;
}

/** `(?+` cannot occur; a `+` after `*`, `+`, `?` that is itself a quantifier is possessive. */
function isEscapedOrGroupStart(source: string, i: number): boolean {
  return source[i - 1] === "(" || (source[i - 1] === "\\" && source[i - 2] !== "\\");
}
