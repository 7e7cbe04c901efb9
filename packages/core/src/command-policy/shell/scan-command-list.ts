import { DYNAMIC, SUB_CLOSE, SUB_OPEN, subMarker } from "./markers.js";
import { liftSubstitutions, readHeredocBody, readHeredocStart, type HeredocStart } from "./read-heredoc.js";
import { ShellSyntaxError, backtickBody, endOfAnsiC, endOfBacktick, endOfDouble, endOfSingle, findClose } from "./shell-spans.js";
import type { Substitution, SubstitutionContext, SubstitutionKind } from "./substitution.js";

/**
 * The structural pass over a command line, before shell-quote tokenises the words of each segment:
 * splits on `;` `&&` `||` `|` `|&` `&` `(` `)` and newlines outside quotes, drops comments, joins
 * continued lines, reads heredoc bodies, and lifts every `$( … )`, `` `…` ``, `<( … )` and `>( … )`
 * out into a substitution (leaving a marker word) so it can be analysed as a command in its own right,
 * also inside `$(( ))` and `${ }`. Single-quoted text is never looked into: it is data.
 */

export interface RawSegment {
  /** The segment's text for the tokenizer: substitutions replaced by markers, comments dropped. */
  readonly text: string;
  /** Where the segment is in the scanned string. */
  readonly start: number;
  readonly end: number;
  /** The operator after it ("" at the end). */
  readonly op: string;
  /** Heredoc bodies feeding it, markers in place of their substitutions. */
  readonly heredocs: string[];
}

export interface ScanResult {
  readonly segments: readonly RawSegment[];
  /** Set when the text is not valid shell; `segments` then holds what came before the error. */
  readonly error?: ShellSyntaxError;
}

const SPECIAL_PARAMS = "#?$!@*-0123456789";
const MARKER = new RegExp(`${SUB_OPEN}\\d+${SUB_CLOSE}`, "g");

/** Scans `source`; substitutions are appended to `subs`, whose indices the markers carry. */
export function scanCommandList(source: string, subs: Substitution[]): ScanResult {
  const scanner = new Scanner(source, subs);
  try {
    scanner.run();
    return { segments: scanner.segments };
  } catch (error) {
    if (!(error instanceof ShellSyntaxError)) throw error;
    return { segments: scanner.segments, error };
  }
}

interface PendingHeredoc extends HeredocStart {
  /** Index of the segment the heredoc feeds. */
  readonly owner: number;
}

class Scanner {
  readonly segments: RawSegment[] = [];
  private i = 0;
  private buf = "";
  private segStart = 0;
  private wordStart = true;
  private pending: PendingHeredoc[] = [];

  constructor(
    private readonly s: string,
    private readonly subs: Substitution[],
  ) {}

  run(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i] ?? "";
      const wasWordStart = this.wordStart;
      this.wordStart = false;
      if (c === "\\") this.escape();
      else if (c === "'") this.copyTo(endOfSingle(s, this.i));
      else if (c === '"') this.doubleQuoted();
      else if (c === "$") this.dollar();
      else if (c === "`") this.backtick();
      else if (c === "#") this.hash(wasWordStart);
      else if (c === "\n") this.newline();
      else if (c === ";" || c === "&" || c === "|" || c === "(" || c === ")") this.operator(c);
      else if (c === "<" || c === ">") this.angle(c);
      else {
        this.buf += c;
        this.i += 1;
        this.wordStart = c === " " || c === "\t";
      }
    }
    this.endSegment("", s.length, s.length);
  }

  private copyTo(end: number): void {
    this.buf += this.s.slice(this.i, end + 1);
    this.i = end + 1;
  }

  private escape(): void {
    const next = this.s[this.i + 1];
    if (next === "\n") this.i += 2;
    else this.copyTo(Math.min(this.i + 1, this.s.length - 1));
  }

  private doubleQuoted(): void {
    const end = endOfDouble(this.s, this.i);
    this.buf += '"';
    this.i += 1;
    while (this.i < end) {
      const c = this.s[this.i];
      if (c === "\\" && this.s[this.i + 1] === "\n") this.i += 2;
      else if (c === "\\" && this.s[this.i + 1] === "`") {
        // shell-quote keeps the backslash of `\``; the shell drops it, leaving a literal backquote.
        this.buf += "`";
        this.i += 2;
      } else if (c === "\\") this.copyTo(this.i + 1);
      else if (c === "$") this.dollar(true);
      else if (c === "`") this.backtick(true);
      else this.copyTo(this.i);
    }
    this.copyTo(end);
  }

  private dollar(inDouble = false): void {
    const s = this.s;
    const next = s[this.i + 1] ?? "";
    if (next === "'" && !inDouble) this.copyTo(endOfAnsiC(s, this.i));
    else if (next === "(" && s[this.i + 2] === "(") {
      // Arithmetic: its value is unknown, but the commands substituted in it run (`$(( $(rm -rf ~) + 1 ))`).
      const close = findClose(s, this.i + 1);
      const markers = liftSubstitutions(s.slice(this.i + 3, close - 1), this.subs).match(MARKER) ?? [];
      this.buf += `${DYNAMIC}{arithmetic}${markers.join("")}`;
      this.i = close + 1;
    } else if (next === "(") {
      const close = findClose(s, this.i + 1);
      this.addSub("$(…)", s.slice(this.i + 2, close), inDouble ? "double-quoted" : "unquoted");
      this.i = close + 1;
    } else if (next === "{") {
      const close = findClose(s, this.i + 1);
      this.buf += liftSubstitutions(s.slice(this.i, close + 1), this.subs);
      this.i = close + 1;
    } else if (next !== "" && SPECIAL_PARAMS.includes(next)) this.copyTo(this.i + 1);
    else this.copyTo(this.i);
  }

  private backtick(inDouble = false): void {
    const close = endOfBacktick(this.s, this.i);
    this.addSub("`…`", backtickBody(this.s, this.i, close), inDouble ? "double-quoted" : "unquoted");
    this.i = close + 1;
  }

  private addSub(kind: SubstitutionKind, body: string, context?: SubstitutionContext): void {
    this.buf += subMarker(this.subs.length);
    this.subs.push(context == null ? { kind, body } : { kind, body, context });
  }

  private hash(atWordStart: boolean): void {
    if (!atWordStart) {
      this.buf += "\\#";
      this.i += 1;
      return;
    }
    const newline = this.s.indexOf("\n", this.i);
    this.i = newline < 0 ? this.s.length : newline;
  }

  private newline(): void {
    this.endSegment("\n", this.i, this.i + 1);
    this.i += 1;
    if (this.pending.length > 0) this.readHeredocs();
    this.segStart = this.i;
  }

  private operator(c: string): void {
    const s = this.s;
    const next = s[this.i + 1];
    const prev = s[this.i - 1];
    let op = c;
    if (c === ";") op = next === ";" ? (s[this.i + 2] === "&" ? ";;&" : ";;") : next === "&" ? ";&" : ";";
    else if (c === "&") {
      if (next === "&") op = "&&";
      else if (next === ">" || prev === ">" || prev === "<") return this.redirectChar();
    } else if (c === "|") {
      if (next === "|" || next === "&") op = c + next;
      else if (prev === ">") return this.redirectChar();
    } else if (c === "(" && prev === "=") {
      this.i = findClose(s, this.i) + 1;
      this.buf += `${DYNAMIC}{array}`;
      return;
    }
    this.endSegment(op, this.i, this.i + op.length);
    this.i += op.length;
  }

  private redirectChar(): void {
    this.copyTo(this.i);
    this.wordStart = true;
  }

  private angle(c: string): void {
    const s = this.s;
    const next = s[this.i + 1];
    if (next === "(") {
      const close = findClose(s, this.i + 1);
      this.addSub(c === "<" ? "<(…)" : ">(…)", s.slice(this.i + 2, close));
      this.i = close + 1;
      return;
    }
    if (c === "<" && next === "<" && s[this.i + 2] !== "<") return this.heredocStart();
    this.copyTo(this.i);
    if (c === "<" && next === "<") this.copyTo(this.i + 1);
    this.wordStart = true;
  }

  private heredocStart(): void {
    const doc = readHeredocStart(this.s, this.i);
    this.copyTo(doc.end - 1);
    this.pending.push({ ...doc, owner: this.segments.length });
  }

  private readHeredocs(): void {
    for (const doc of this.pending) {
      const { body, next } = readHeredocBody(this.s, this.i, doc);
      this.i = next;
      this.segments[doc.owner]?.heredocs.push(doc.expands ? liftSubstitutions(body, this.subs) : body);
    }
    this.pending = [];
  }

  private endSegment(op: string, end: number, next: number): void {
    if (this.buf.trim() !== "") {
      let start = this.segStart;
      while (isBlank(this.s[start])) start += 1;
      let stop = end;
      while (stop > start && isBlank(this.s[stop - 1])) stop -= 1;
      this.segments.push({ text: this.buf, start, end: stop, op, heredocs: [] });
    }
    this.buf = "";
    this.segStart = next;
    this.wordStart = true;
  }
}

function isBlank(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n";
}
