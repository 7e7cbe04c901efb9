import { subMarker } from "./markers.js";
import { ShellSyntaxError, backtickBody, endOfBacktick, endOfDouble, endOfSingle, findClose } from "./shell-spans.js";
import type { Substitution } from "./substitution.js";

/**
 * Heredocs: `<<EOF` / `<<-EOF` / `<<'EOF'` starts one; its body is the lines after the end of the
 * command line, up to the delimiter. A quoted delimiter keeps the body literal; otherwise `$( … )`
 * and backticks in it run, so they are lifted out as substitutions like anywhere else.
 */

export interface HeredocStart {
  readonly delimiter: string;
  readonly stripTabs: boolean;
  /** The body expands substitutions (the delimiter was not quoted). */
  readonly expands: boolean;
  /** Index just past the delimiter word. */
  readonly end: number;
}

const DELIMITER_END = " \t\n;&|()<>";

/** Reads `<<[-]WORD` starting at the first `<` of `at`. */
export function readHeredocStart(s: string, at: number): HeredocStart {
  let k = at + 2;
  const stripTabs = s[k] === "-";
  if (stripTabs) k += 1;
  while (s[k] === " " || s[k] === "\t") k += 1;
  let delimiter = "";
  let expands = true;
  while (k < s.length && !DELIMITER_END.includes(s[k] ?? " ")) {
    const ch = s[k];
    if (ch === "'" || ch === '"') {
      const close = ch === "'" ? endOfSingle(s, k) : endOfDouble(s, k);
      delimiter += s.slice(k + 1, close);
      expands = false;
      k = close + 1;
    } else if (ch === "\\") {
      delimiter += s[k + 1] ?? "";
      expands = false;
      k += 2;
    } else {
      delimiter += ch;
      k += 1;
    }
  }
  if (delimiter === "") throw new ShellSyntaxError("'<<' without a heredoc delimiter", at);
  return { delimiter, stripTabs, expands, end: k };
}

/** The body starting at `from` (the line after the command), and where the text goes on after it. */
export function readHeredocBody(s: string, from: number, doc: HeredocStart): { body: string; next: number } {
  let k = from;
  while (k < s.length) {
    const newline = s.indexOf("\n", k);
    const lineEnd = newline < 0 ? s.length : newline;
    let line = s.slice(k, lineEnd);
    if (doc.stripTabs) line = line.slice(leadingTabs(line));
    const next = newline < 0 ? s.length : newline + 1;
    if (line === doc.delimiter) return { body: s.slice(from, k), next };
    k = next;
  }
  return { body: s.slice(from), next: s.length };
}

/** Replaces each `$( … )` and backtick command of an expanding body by a substitution marker. */
export function liftSubstitutions(body: string, subs: Substitution[]): string {
  let out = "";
  for (let k = 0; k < body.length; k += 1) {
    const ch = body[k];
    if (ch === "\\") {
      out += body.slice(k, k + 2);
      k += 1;
    } else if ((ch === "$" && body[k + 1] === "(" && body[k + 2] !== "(") || ch === "`") {
      const close = ch === "`" ? endOfBacktick(body, k) : findClose(body, k + 1);
      const inner = ch === "`" ? backtickBody(body, k, close) : body.slice(k + 2, close);
      out += subMarker(subs.length);
      subs.push({ kind: ch === "`" ? "`…`" : "$(…)", body: inner });
      k = close;
    } else out += ch;
  }
  return out;
}

function leadingTabs(line: string): number {
  let n = 0;
  while (line[n] === "\t") n += 1;
  return n;
}
