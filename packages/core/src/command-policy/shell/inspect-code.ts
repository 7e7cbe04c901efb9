/**
 * A light look into interpreter one-liners (`python -c`, `node -e`, `perl -e`, `ruby -e`, `php -r`):
 * not a parser of those languages, but enough for the obvious: shell commands they run
 * (`os.system("…")`, `execSync("…")`, backticks), trees they delete (`shutil.rmtree(Path.home())`),
 * string literals that name files, and fork loops. What it finds goes through the same rules.
 */

import { chainsOf, joinRuns, type Piece } from "./literal-chains.js";

export type Language = "python" | "node" | "perl" | "ruby" | "php";

export interface CodeInsight {
  readonly shellCalls: readonly { readonly fn: string; readonly command: string }[];
  readonly deletions: readonly { readonly fn: string; readonly target: string; readonly recursive: boolean }[];
  /** String literals that could be paths, and the strings concatenating and joining them builds. */
  readonly literals: readonly string[];
  /** The code looks like it writes, moves or deletes files. */
  readonly writes: boolean;
  readonly forkBomb: boolean;
}

interface Literal {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly backtick: boolean;
}

interface LanguageSyntax {
  readonly exec: RegExp;
  readonly deleteTree: RegExp;
  readonly deleteFile: RegExp;
  /** Backticks run a shell command (Perl, Ruby, PHP), rather than being template strings (JS). */
  readonly backtickExec: boolean;
}

const SYNTAX: Readonly<Record<Language, LanguageSyntax>> = {
  python: {
    exec: /\b(?:os\.system|os\.popen|os\.exec[lv]p?e?|os\.spawn[lv]p?e?|subprocess\.(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput)|pty\.spawn|commands\.getoutput)\b/g,
    deleteTree: /\b(?:shutil\.rmtree|os\.removedirs|rmtree)\b/g,
    deleteFile: /\b(?:os\.remove|os\.unlink|unlink)\b/g,
    backtickExec: false,
  },
  node: {
    exec: /\b(?:execSync|execFileSync|spawnSync|execFile|exec|spawn|execa(?:Sync)?|Deno\.run|Bun\.spawn(?:Sync)?)\b/g,
    deleteTree: /\b(?:rmSync|rmdirSync|rimraf(?:\.sync)?|removeSync|emptyDirSync|Deno\.remove|rm|rmdir)\b/g,
    deleteFile: /\b(?:unlinkSync|unlink)\b/g,
    backtickExec: false,
  },
  perl: { exec: /\b(?:system|exec|qx)\b/g, deleteTree: /\b(?:rmtree|remove_tree)\b/g, deleteFile: /\bunlink\b/g, backtickExec: true },
  ruby: {
    exec: /(?:\b(?:system|exec|spawn|IO\.popen|Open3\.\w+)\b|%x)/g,
    deleteTree: /\b(?:rm_rf|rm_r|remove_dir|remove_entry(?:_secure)?|rmtree)\b/g,
    deleteFile: /\b(?:File\.delete|File\.unlink|FileUtils\.rm)\b/g,
    backtickExec: true,
  },
  php: {
    exec: /\b(?:system|exec|shell_exec|passthru|proc_open|popen)\b/g,
    deleteTree: /$^/g,
    deleteFile: /\bunlink\b/g,
    backtickExec: true,
  },
};

const HOME_EXPR =
  /os\.path\.expanduser\(\s*['"]~['"]\s*\)|os\.environ\[\s*['"]HOME['"]\s*\]|os\.(?:environ\.get|getenv)\(\s*['"]HOME['"]\s*\)|Path\.home\(\)|process\.env\.HOME|process\.env\[\s*['"]HOME['"]\s*\]|\bhomedir\(\)|ENV\[\s*['"]HOME['"]\s*\]|\$ENV\{\s*['"]?HOME['"]?\s*\}|Dir\.home|getenv\(\s*['"]HOME['"]\s*\)|Deno\.env\.get\(\s*['"]HOME['"]\s*\)/g;
const FORK = /\bfork\b/;
const LOOP = /\b(?:while|loop|for|until)\b/;
/** Calls that write, move or delete, looked for in the code outside its string literals. */
const WRITE_HINT =
  /\b(?<!(?:stdout|stderr)\.)write\w*|\b(?:fwrite|fputs|createWriteStream|file_put_contents|appendFile\w*|unlink\w*|remove\w*|rename\w*|rmtree|rm_rf|rmSync|rmdir\w*|truncate\w*|copy\w*|cpSync|move|chmod\w*|dump|symlink\w*|os\.replace)\b|\bPath\([^()]*\)\.replace\b|\bFileUtils\.(?:mv|cp\w*|ln\w*|install|touch)\b/;
const OPEN_CALL = /\b(?:f?open|openSync)\s*\(/g;
/** A mode that opens a file for writing: Python/C `w`, `a`, `x`, `r+`; Perl `>`, `>>`, `+<`. */
const WRITE_MODE = /^(?:[rbtU]{0,2}[wax+][rbtU+]{0,2}|>.*|\+[<>].*)$/;
/** A literal is a whole argument when one of these ends the code before it and one starts the code after it. */
const ARGUMENT_START = /[(,=]$/;
const ARGUMENT_END = /^[,)]/;
/** Strings built from literals that become candidates too; a long script joins many. */
const MAX_JOINED = 32;
const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", "0": "\0" };

export function inspectCode(language: Language, code: string): CodeInsight {
  const syntax = SYNTAX[language];
  const lits = literalsOf(code);
  const chains = chainsOf(language, code, lits);
  const shellCalls = calls(code, syntax.exec, lits, chains).map((c) => ({ fn: c.fn, command: c.pieces.join(c.argvForm ? " " : "") }));
  if (syntax.backtickExec) {
    for (const lit of lits) if (lit.backtick) shellCalls.push({ fn: "`…`", command: lit.value });
  }
  const deletions = [
    ...calls(code, syntax.deleteTree, lits, chains, true).map((c) => ({ fn: c.fn, target: pathOf(c), recursive: true })),
    ...calls(code, syntax.deleteFile, lits, chains, true).map((c) => ({ fn: c.fn, target: pathOf(c), recursive: false })),
  ].filter((d) => d.target !== "");
  return {
    shellCalls: shellCalls.filter((c) => c.command.trim() !== ""),
    deletions,
    literals: pathCandidates(code, lits, chains),
    writes: WRITE_HINT.test(withoutLiterals(code, lits)) || opensForWriting(code, lits),
    forkBomb: FORK.test(code) && LOOP.test(code),
  };
}

interface Call {
  readonly fn: string;
  readonly pieces: string[];
  /** Pieces were separate arguments (`["rm", "-rf", "/"]`, `os.path.join(a, b)`), not concatenated. */
  readonly argvForm: boolean;
}

/** A deleted path from its pieces: what comes before a `$HOME` piece is `require("os")`-like noise. */
function pathOf(call: Call): string {
  const home = call.pieces.indexOf("~");
  const pieces = home > 0 ? call.pieces.slice(home) : call.pieces;
  return pieces.join(call.argvForm ? "/" : "");
}

/**
 * Each call of `pattern` with the literal (and `$HOME`) pieces of its arguments (or first argument),
 * concatenated literals as one piece.
 */
function calls(code: string, pattern: RegExp, lits: readonly Literal[], chains: readonly Piece[], firstArgument = false): Call[] {
  const out: Call[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(code); m != null; m = pattern.exec(code)) {
    if (lits.some((l) => m != null && m.index >= l.start && m.index < l.end)) continue;
    const open = skipSpaces(code, m.index + m[0].length);
    const end = code[open] === "(" ? closeParen(code, open, lits) : statementEnd(code, open, lits);
    out.push({ fn: m[0], ...argumentPieces(code, open, firstArgument ? firstComma(code, open, end, lits) : end, chains) });
    if (m[0] === "") pattern.lastIndex += 1;
  }
  return out;
}

function argumentPieces(code: string, from: number, to: number, chains: readonly Piece[]): { pieces: string[]; argvForm: boolean } {
  const items: { value: string; start: number; end: number }[] = [];
  HOME_EXPR.lastIndex = 0;
  const region = code.slice(from, to);
  for (let m = HOME_EXPR.exec(region); m != null; m = HOME_EXPR.exec(region)) {
    items.push({ value: "~", start: from + m.index, end: from + m.index + m[0].length });
  }
  for (const chain of chains) {
    if (chain.start >= from && chain.end <= to && !items.some((i) => chain.start >= i.start && chain.end <= i.end)) items.push(chain);
  }
  items.sort((a, b) => a.start - b.start);
  let argvForm = false;
  for (let k = 1; k < items.length; k += 1) {
    const gap = code.slice(items[k - 1]?.end ?? 0, items[k]?.start ?? 0);
    if (gap.includes(",")) argvForm = true;
  }
  return { pieces: items.map((i) => i.value), argvForm };
}

/** The literals, then what concatenating and joining them builds (at most MAX_JOINED of those). */
function pathCandidates(code: string, lits: readonly Literal[], chains: readonly Piece[]): string[] {
  const ends = new Map(lits.map((l) => [l.start, l.end]));
  const built = chains.filter((c) => ends.get(c.start) !== c.end).map((c) => c.value);
  const all = [...lits.map((l) => l.value), ...[...built, ...joinRuns(code, chains, MAX_JOINED)].slice(0, MAX_JOINED)];
  return [...new Set(all)].filter((v) => v !== "" && v.length < 300 && !v.includes("\n"));
}

/** The code with every literal emptied, so a word inside a string (`print("rename")`) is not taken for a call. */
function withoutLiterals(code: string, lits: readonly Literal[]): string {
  let out = "";
  let at = 0;
  for (const lit of lits) {
    out += `${code.slice(at, lit.start)}""`;
    at = lit.end;
  }
  return out + code.slice(at);
}

/** An `open(…)` (`fopen`, `fs.openSync`, `Path(…).open`) given a writing mode as one of its arguments. */
function opensForWriting(code: string, lits: readonly Literal[]): boolean {
  OPEN_CALL.lastIndex = 0;
  for (let m = OPEN_CALL.exec(code); m != null; m = OPEN_CALL.exec(code)) {
    const open = m.index + m[0].length - 1;
    const close = closeParen(code, open, lits);
    for (const lit of lits) {
      if (lit.start <= open || lit.end > close || !WRITE_MODE.test(lit.value)) continue;
      const before = code.slice(open, lit.start).trimEnd();
      const after = code.slice(lit.end, close + 1).trimStart();
      if (ARGUMENT_START.test(before) && ARGUMENT_END.test(after) && depthAt(code, open, lit.start, lits) === 1) return true;
    }
  }
  return false;
}

/** How many brackets are open at `at`, counting from `from`, literals skipped. */
function depthAt(code: string, from: number, at: number, lits: readonly Literal[]): number {
  let depth = 0;
  for (let k = from; k < at; k += 1) {
    const lit = lits.find((l) => l.start === k);
    if (lit != null) k = lit.end - 1;
    else if (code[k] === "(" || code[k] === "[" || code[k] === "{") depth += 1;
    else if (code[k] === ")" || code[k] === "]" || code[k] === "}") depth -= 1;
  }
  return depth;
}

function literalsOf(code: string): Literal[] {
  const out: Literal[] = [];
  for (let k = 0; k < code.length; k += 1) {
    const quote = code[k];
    if (quote !== "'" && quote !== '"' && quote !== "`") continue;
    const triple = quote !== "`" && code.startsWith(quote.repeat(3), k);
    const delimiter = triple ? quote.repeat(3) : quote;
    let value = "";
    let j = k + delimiter.length;
    while (j < code.length && !code.startsWith(delimiter, j)) {
      const ch = code[j] ?? "";
      if (ch === "\\" && j + 1 < code.length) {
        const next = code[j + 1] ?? "";
        value += ESCAPES[next] ?? next;
        j += 2;
      } else {
        value += ch;
        j += 1;
      }
    }
    const end = Math.min(code.length, j + delimiter.length);
    out.push({ value, start: k, end, backtick: quote === "`" });
    k = end - 1;
  }
  return out;
}

function skipSpaces(code: string, k: number): number {
  while (code[k] === " " || code[k] === "\t") k += 1;
  return k;
}

function closeParen(code: string, open: number, lits: readonly Literal[]): number {
  let depth = 0;
  for (let k = open; k < code.length; k += 1) {
    const lit = lits.find((l) => l.start === k);
    if (lit != null) {
      k = lit.end - 1;
      continue;
    }
    if (code[k] === "(") depth += 1;
    else if (code[k] === ")" && --depth === 0) return k;
  }
  return code.length;
}

/** The end of the first argument between `from` (an opening parenthesis or the first word) and `to`. */
function firstComma(code: string, from: number, to: number, lits: readonly Literal[]): number {
  let depth = 0;
  for (let k = code[from] === "(" ? from + 1 : from; k < to; k += 1) {
    const lit = lits.find((l) => l.start === k);
    if (lit != null) k = lit.end - 1;
    else if (code[k] === "(" || code[k] === "[" || code[k] === "{") depth += 1;
    else if (code[k] === ")" || code[k] === "]" || code[k] === "}") depth -= 1;
    else if (code[k] === "," && depth === 0) return k;
  }
  return to;
}

function statementEnd(code: string, from: number, lits: readonly Literal[]): number {
  for (let k = from; k < code.length; k += 1) {
    const lit = lits.find((l) => l.start === k);
    if (lit != null) k = lit.end - 1;
    else if (code[k] === ";" || code[k] === "\n" || code[k] === "}") return k;
  }
  return code.length;
}
