/**
 * Quote-aware span finders shared by the scanner: where a `$( … )`, a `` `…` `` or a `"…"` ends.
 * They understand quoting and nesting, so a `)` inside `"…"` or `'…'` does not close anything.
 */

export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = "ShellSyntaxError";
  }
}

/** Index of the `)` (or `}`) closing the bracket at `open`. */
export function findClose(s: string, open: number): number {
  const opener = s[open];
  const closer = opener === "{" ? "}" : ")";
  let depth = 0;
  let k = open;
  while (k < s.length) {
    const ch = s[k];
    if (ch === "\\") k += 2;
    else if (ch === "'") k = endOfSingle(s, k) + 1;
    else if (ch === '"') k = endOfDouble(s, k) + 1;
    else if (ch === "`") k = endOfBacktick(s, k) + 1;
    else {
      if (ch === opener) depth += 1;
      else if (ch === closer) {
        depth -= 1;
        if (depth === 0) return k;
      }
      k += 1;
    }
  }
  throw new ShellSyntaxError(`unterminated '${opener === "{" ? "${" : "("}': no matching '${closer}'`, open);
}

/** Index of the `'` closing the single-quoted string opening at `open`. */
export function endOfSingle(s: string, open: number): number {
  const end = s.indexOf("'", open + 1);
  if (end < 0) throw new ShellSyntaxError("unterminated single quote", open);
  return end;
}

/** Index of the `"` closing the double-quoted string opening at `open` (nested `$( … )` included). */
export function endOfDouble(s: string, open: number): number {
  let k = open + 1;
  while (k < s.length) {
    const ch = s[k];
    if (ch === '"') return k;
    if (ch === "\\") k += 2;
    else if (ch === "$" && s[k + 1] === "(") k = findClose(s, k + 1) + 1;
    else if (ch === "`") k = endOfBacktick(s, k) + 1;
    else k += 1;
  }
  throw new ShellSyntaxError("unterminated double quote", open);
}

/** Index of the backtick closing the one at `open`. */
export function endOfBacktick(s: string, open: number): number {
  let k = open + 1;
  while (k < s.length) {
    const ch = s[k];
    if (ch === "`") return k;
    k += ch === "\\" ? 2 : 1;
  }
  throw new ShellSyntaxError("unterminated backquote", open);
}

/** The command inside backticks, with the backslash escapes that backticks remove removed. */
export function backtickBody(s: string, open: number, close: number): string {
  let body = "";
  for (let k = open + 1; k < close; k += 1) {
    const ch = s[k];
    const next = s[k + 1];
    if (ch === "\\" && (next === "`" || next === "\\" || next === "$")) {
      body += next;
      k += 1;
    } else body += ch;
  }
  return body;
}

/** Index of the `'` ending an ANSI-C `$'…'` string whose `$` is at `open`. */
export function endOfAnsiC(s: string, open: number): number {
  let k = open + 2;
  while (k < s.length) {
    if (s[k] === "'") return k;
    k += s[k] === "\\" ? 2 : 1;
  }
  throw new ShellSyntaxError("unterminated $'…' string", open);
}
