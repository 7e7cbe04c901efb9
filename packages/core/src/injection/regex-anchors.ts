import { anchorScore, ENOUGH } from "./anchor-score.js";
import { regexPrefixes } from "./regex-prefixes.js";
import type { Anchor, Prefixes } from "./rule-types.js";

export { anchorScore, MIN_ANCHOR_SCORE } from "./anchor-score.js";

/**
 * Reads a JavaScript regex far enough to know (a) a set of anchors, literals or rare character
 * classes, one of which every match must contain, and (b) the longest a match can be. The scanner
 * searches all anchors of all rules in one pass and runs each regex only around anchor hits, which
 * is what makes scanning a megabyte take milliseconds rather than one pass per regex. A space in a
 * literal anchor stands for any run of whitespace (`\s+`), so phrases make selective anchors.
 */
export interface RegexShape {
  readonly anchors: readonly Anchor[] | null;
  readonly maxLength: number | null;
  readonly prefixes?: Prefixes;
}

interface Info {
  /** Alternatives one of which every match contains; null when nothing is required. */
  readonly req: readonly Anchor[] | null;
  /** Every exact text the node can match, when that is a small finite set. */
  readonly literals: readonly string[] | null;
  readonly max: number;
  /** A whitespace atom: unbounded repeats of it count as SPACE_RUN characters. */
  readonly space?: boolean;
  /** Whatever the node matches ends with a non-word character (or is empty after one). */
  readonly endsNonWord?: boolean;
}

/**
 * Longest run of whitespace an unbounded `\s+` is assumed to span when bounding a match's length.
 * The scanner searches this far around an anchor; padding beyond it is not bridged (a known limit).
 */
const SPACE_RUN = 64;
const MAX_SET = 32;
const MAX_ANCHORS = 64;
const NONE: Info = { req: null, literals: null, max: 0 };
export function regexShape(source: string, flags: string): RegexShape {
  const caseSensitive = !flags.includes("i");
  const info = new ShapeParser(source, flags.includes("u"), caseSensitive).alternation();
  const anchors = info.req != null && anchorScore(info.req) >= 2 ? dedupe(info.req, caseSensitive) : null;
  const prefixes = regexPrefixes(source, flags);
  return { anchors, maxLength: Number.isFinite(info.max) ? info.max : null, ...(prefixes ? { prefixes } : {}) };
}

function dedupe(anchors: readonly Anchor[], caseSensitive: boolean): Anchor[] {
  const seen = new Map<string, Anchor>();
  for (const anchor of anchors) {
    if ("class" in anchor) seen.set(`c:${anchor.class}`, anchor);
    else {
      const spaced = anchor.literal.replace(/\s+/g, " ").trim();
      const literal = caseSensitive ? spaced : spaced.toLowerCase();
      const key = `l:${literal}`;
      // The same literal with and without a required word boundary: keep the weaker (no boundary).
      const prior = seen.get(key);
      const wordStart = anchor.wordStart === true && (prior == null || ("literal" in prior && prior.wordStart === true));
      seen.set(key, {
        literal,
        ...(caseSensitive ? { caseSensitive: true as const } : {}),
        ...(wordStart ? { wordStart: true as const } : {}),
      });
    }
  }
  return [...seen.values()];
}

function better(a: readonly Anchor[] | null, b: readonly Anchor[] | null): readonly Anchor[] | null {
  if (a == null) return b;
  if (b == null) return a;
  const sa = anchorScore(a);
  const sb = anchorScore(b);
  return sb > sa || (sb === sa && b.length < a.length) ? b : a;
}

function cross(left: readonly string[], right: readonly string[]): string[] | null {
  if (left.length * right.length > MAX_SET) return null;
  const out = new Set<string>();
  for (const l of left) for (const r of right) out.add(`${l}${r}`.replace(/ {2,}/g, " "));
  return [...out];
}

class ShapeParser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
    private readonly caseSensitive: boolean,
  ) {}

  alternation(atBoundary = false): Info {
    const options: Info[] = [this.sequence(atBoundary)];
    while (this.src[this.i] === "|") {
      this.i++;
      options.push(this.sequence(atBoundary));
    }
    if (options.length === 1) return options[0] ?? NONE;
    const union = options.every((o) => o.req != null) ? options.flatMap((o) => o.req ?? []) : null;
    const req = union != null && union.length <= MAX_ANCHORS ? union : null;
    const all = options.every((o) => o.literals != null) ? [...new Set(options.flatMap((o) => o.literals ?? []))] : null;
    const endsNonWord = options.every((o) => o.endsNonWord === true);
    return { req, literals: all != null && all.length <= MAX_SET ? all : null, max: Math.max(...options.map((o) => o.max)), endsNonWord };
  }

  /** Set while an atom is parsed right after `\b`, so a group's own runs know a boundary precedes them. */
  private boundaryBefore = false;

  private sequence(atBoundary = false): Info {
    let best: readonly Anchor[] | null = null;
    let run: string[] = [""];
    let runAtBoundary = false;
    // Whether the text matched so far ends at a word boundary: after `\b` or a non-word character.
    let boundary = atBoundary;
    let whole: string[] | null = [""];
    let max = 0;
    const flush = (): void => {
      if (run.every((s) => s.trim() !== ""))
        best = better(
          best,
          run.map((literal) => this.anchor(literal, runAtBoundary)),
        );
      run = [""];
    };
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") {
      const before = this.i;
      this.boundaryBefore = boundary;
      const atom = this.atom();
      const { min, maxCount } = this.quantifier();
      max += maxCount === Infinity ? (atom.max === 0 ? 0 : atom.space ? SPACE_RUN : Infinity) : atom.max * maxCount;
      if (atom.max === 0 && atom.literals == null && atom.req == null) {
        if (this.src.startsWith("\\b", before)) boundary = true; // zero-width: \b, ^, lookarounds
        continue;
      }
      const ends = atom.endsNonWord === true || (atom.literals != null && atom.literals.every((l) => l !== "" && !/\w$/.test(l)));
      const after = min === 0 ? ends && boundary : ends;
      const options =
        atom.literals == null
          ? null
          : min === 1 && maxCount === 1
            ? atom.literals
            : min === 0 && maxCount === 1
              ? ["", ...atom.literals]
              : atom.space && min <= 1
                ? min === 0
                  ? ["", " "]
                  : [" "]
                : null;
      // A run already selective enough is not extended: shorter anchors, fewer of them.
      // Checked only between words, so anchors are whole words and phrases, not "secre" or "ur reply".
      const midWord = options != null && options.every((o) => /^\w/.test(o)) && run.every((r) => /\w$/.test(r));
      const enough = !midWord && run.every((r) => r.trim() !== "") && anchorScore(run.map((literal) => ({ literal }))) >= ENOUGH;
      const extended = options == null || enough ? null : cross(run, options);
      whole = options == null || whole == null ? null : cross(whole, options);
      if (extended != null) {
        if (run.length === 1 && run[0] === "") runAtBoundary = boundary;
        run = extended;
      } else {
        flush();
        if (options != null) {
          run = [...options];
          runAtBoundary = boundary;
        }
        if (min >= 1) best = better(best, atom.req);
      }
      boundary = after;
    }
    flush();
    return { req: best, literals: whole, max, endsNonWord: boundary };
  }

  private anchor(literal: string, atBoundary: boolean): Anchor {
    const text = literal.trim();
    // After `\b`, or after whitespace the run itself begins with, a word character starts a word.
    const wordStart = /^\w/.test(text) && (atBoundary || literal !== literal.trimStart());
    return {
      literal: text,
      ...(this.caseSensitive ? { caseSensitive: true as const } : {}),
      ...(wordStart ? { wordStart: true as const } : {}),
    };
  }

  private quantifier(): { min: number; maxCount: number } {
    const c = this.src[this.i];
    let result = { min: 1, maxCount: 1 };
    if (c === "*") result = { min: 0, maxCount: Infinity };
    else if (c === "+") result = { min: 1, maxCount: Infinity };
    else if (c === "?") result = { min: 0, maxCount: 1 };
    else if (c === "{") {
      const m = /^\{(\d+)(,?)(\d*)\}/.exec(this.src.slice(this.i));
      if (m == null) return result;
      const min = Number(m[1]);
      const maxCount = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      this.i += m[0].length;
      if (this.src[this.i] === "?") this.i++;
      return { min, maxCount };
    } else return result;
    this.i++;
    if (this.src[this.i] === "?") this.i++;
    return result;
  }

  private atom(): Info {
    const c = this.src[this.i] ?? "";
    if (c === "(") return this.group();
    if (c === "[") return this.characterClass();
    if (c === "\\") return this.escape();
    this.i++;
    if (c === "^" || c === "$") return NONE;
    if (c === ".") return { req: null, literals: null, max: this.unicode ? 2 : 1 };
    const cp = c.codePointAt(0) ?? 0;
    if (cp >= 0xd800 && cp <= 0xdbff && this.unicode) {
      const pair = c + (this.src[this.i] ?? "");
      this.i++;
      return { req: null, literals: [pair], max: 2 };
    }
    return { req: null, literals: [c === " " ? " " : c], max: 1 };
  }

  private group(): Info {
    const rest = this.src.slice(this.i, this.i + 4);
    const lookaround = /^\(\?(?:=|!|<=|<!)/.exec(rest);
    const prefix = lookaround?.[0] ?? /^\(\?(?::|<[A-Za-z_$][\w$]*>)/.exec(this.src.slice(this.i))?.[0] ?? "(";
    this.i += prefix.length;
    const inner = this.alternation(this.boundaryBefore && !lookaround);
    this.i++; // ")"
    return lookaround ? NONE : inner;
  }

  private characterClass(): Info {
    const start = this.i;
    this.i++;
    const negated = this.src[this.i] === "^";
    let rare = !negated;
    const members: string[] = [];
    let simple = !negated;
    while (this.i < this.src.length && this.src[this.i] !== "]") {
      if (this.src[this.i] === "\\") {
        const escape = /^\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2})/.exec(this.src.slice(this.i));
        if (escape == null || codePointOf(escape[0]) <= 0x7f) rare = false;
        if (escape) members.push(String.fromCodePoint(codePointOf(escape[0])));
        else simple = false;
        this.i += escape?.[0].length ?? 2;
        continue;
      }
      const cp = this.src.codePointAt(this.i) ?? 0;
      if (this.src[this.i] === "-") simple = false;
      else if (cp <= 0x7f) rare = false;
      members.push(String.fromCodePoint(cp));
      this.i += cp > 0xffff ? 2 : 1;
    }
    this.i++;
    const source = this.src.slice(start, this.i);
    const literals = simple && members.length > 0 && members.length <= 6 ? members.map((m) => (/\s/.test(m) ? " " : m)) : null;
    return { req: rare ? [{ class: source }] : null, literals, max: this.unicode ? 2 : 1 };
  }

  private escape(): Info {
    const rest = this.src.slice(this.i);
    const code = /^\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2})/.exec(rest);
    if (code) {
      this.i += code[0].length;
      const text = String.fromCodePoint(codePointOf(code[0]));
      return { req: null, literals: [text], max: text.length };
    }
    const property = /^\\[pP]\{[^}]*\}|^\\k<[^>]*>|^\\c[A-Za-z]/.exec(rest);
    if (property) {
      this.i += property[0].length;
      return { req: null, literals: null, max: property[0].startsWith("\\k") ? Infinity : 2 };
    }
    const c = rest[1] ?? "";
    this.i += 2;
    if (c === "b" || c === "B") return NONE;
    if (c === "s") return { req: null, literals: [" "], max: 1, space: true, endsNonWord: true };
    if (c === "W") return { req: null, literals: null, max: this.unicode ? 2 : 1, endsNonWord: true };
    if (/[dDSw]/.test(c)) return { req: null, literals: null, max: this.unicode ? 2 : 1 };
    if (/[1-9]/.test(c)) return { req: null, literals: null, max: Infinity };
    const controls: Record<string, string> = { n: " ", r: " ", t: " ", f: " ", v: " ", "0": "\0" };
    return { req: null, literals: [controls[c] ?? c], max: 1 };
  }
}

function codePointOf(escape: string): number {
  return Number.parseInt(escape.replace(/^\\[ux]\{?/, "").replace(/\}$/, ""), 16);
}
