/**
 * The literals a regex's matches start with: `\b(?:reveal|print)\s+your` gives "reveal your" and
 * "print your", each at a word start. When every match starts with one of a few literals, the
 * matches are exactly the positions where a literal occurs and a sticky match succeeds there, so
 * a keyword can be searched by trying those positions instead of running its regex over the
 * whole text, with the same results (see searchStarts). Lowercase for a case-insensitive
 * regex; a space stands for any run of whitespace, as in the anchors (see regexShape).
 */
import type { Prefixes } from "./rule-types.js";

/** A way a regex part can begin: its text, whether it is all of the part, whether `\b` precedes it. */
interface Lead {
  readonly text: string;
  readonly done: boolean;
  readonly boundary: boolean;
}

/** Beyond this many alternatives a part is not expanded further: its leads so far are kept. */
const MAX_LEADS = 32;
/** The alternatives of `|` are kept up to this many (each is needed: none covers another). */
const MAX_OPTIONS = 256;
/** Prefixes are cut to this length: their first characters find the same starts, with few more (the regex confirms). */
const MAX_LENGTH = 12;
/** A lead of words this long is selective enough: it is not extended (which would only make more leads). */
const LONG_ENOUGH = 10;
const EMPTY: readonly Lead[] = [{ text: "", done: true, boundary: false }];
const OPEN: readonly Lead[] = [{ text: "", done: false, boundary: false }];
const BOUNDARY: readonly Lead[] = [{ text: "", done: true, boundary: true }];

/** Null when some match may start with something other than a literal (or the flags are not supported). */
export function regexPrefixes(source: string, flags: string): Prefixes | null {
  // With `u` or `v`, `\b`, case folding and positions inside surrogate pairs follow other rules.
  if (/[^ims]/.test(flags)) return null;
  const parser = new LeadParser(source, flags.includes("i"));
  const leads = parser.alternation();
  if (parser.failed || parser.at < source.length) return null;
  const kept: { literal: string; wordStart: boolean }[] = [];
  // Shortest first: a literal that starts with a kept one adds no start the kept one does not find.
  const byLength = leads
    .map((l) => ({ ...l, text: l.text.slice(0, MAX_LENGTH).trimEnd() }))
    .toSorted((a, b) => a.text.length - b.text.length);
  for (const lead of byLength) {
    if (lead.text === "" || lead.text.startsWith(" ")) return null;
    const wordStart = lead.boundary && /^\w/.test(lead.text);
    if (!kept.some((k) => lead.text.startsWith(k.literal) && (wordStart || !k.wordStart))) kept.push({ literal: lead.text, wordStart });
  }
  const list = (wordStart: boolean): string =>
    kept
      .filter((k) => k.wordStart === wordStart)
      .map((k) => k.literal)
      .join("\n");
  return { atWordStart: list(true), anywhere: list(false) };
}

/** The literals of one list of Prefixes. */
export function prefixLiterals(list: string): string[] {
  return list === "" ? [] : list.split("\n");
}

/**
 * Appends `right` to every lead of `left` that is not finished; null when that would make more
 * leads than MAX_LEADS and than either side has (an alternation's own leads pass through). Leads
 * of a character or two (`//`, `#`) occur almost everywhere: making them longer is worth more.
 */
function cross(left: readonly Lead[], right: readonly Lead[]): Lead[] | null {
  const short = left.some((l) => l.done && l.text.trim().length < 3);
  const most = Math.max(short ? 4 * MAX_LEADS : MAX_LEADS, left.length, right.length);
  const out = new Map<string, Lead>();
  for (const l of left) {
    if (!l.done) add(out, l);
    else if (l.text.endsWith(" ") && l.text.length > LONG_ENOUGH) add(out, { ...l, done: false });
    else
      for (const r of right) {
        const text = l.text.endsWith(" ") && r.text.startsWith(" ") ? l.text + r.text.slice(1) : l.text + r.text;
        add(out, { text, done: r.done, boundary: l.text === "" ? l.boundary || r.boundary : l.boundary });
      }
    if (out.size > most) return null;
  }
  return [...out.values()];
}

/** Without the leads an unfinished shorter one already covers (every text they start with, it starts with). */
function minimized(leads: readonly Lead[]): Lead[] {
  const kept: Lead[] = [];
  for (const lead of leads.toSorted((a, b) => a.text.length - b.text.length)) {
    if (!kept.some((k) => !k.done && lead.text.startsWith(k.text) && (lead.boundary || !k.boundary))) kept.push(lead);
  }
  return kept;
}

/** Keeps one lead per text and state; a lead without a `\b` is the weaker, so it wins a tie. */
function add(out: Map<string, Lead>, lead: Lead): void {
  const key = `${lead.done ? 1 : 0}${lead.text}`;
  const prior = out.get(key);
  out.set(key, prior == null ? lead : { ...lead, boundary: lead.boundary && prior.boundary });
}

class LeadParser {
  at = 0;
  failed = false;
  constructor(
    private readonly src: string,
    private readonly insensitive: boolean,
  ) {}

  alternation(): readonly Lead[] {
    const options = [this.sequence()];
    while (this.src[this.at] === "|") {
      this.at++;
      options.push(this.sequence());
    }
    if (options.length === 1) return options[0] ?? OPEN;
    const all = new Map<string, Lead>();
    for (const leads of options) for (const lead of leads) add(all, lead);
    if (all.size <= MAX_LEADS) return [...all.values()];
    const fewer = minimized([...all.values()]);
    return fewer.length > MAX_OPTIONS ? OPEN : fewer;
  }

  private sequence(): readonly Lead[] {
    let leads: readonly Lead[] = EMPTY;
    // Every element is parsed (to find the end), but leads stop growing once none is finished.
    while (this.at < this.src.length && this.src[this.at] !== "|" && this.src[this.at] !== ")") {
      const atom = this.repeated(this.atom());
      if (!leads.some((l) => l.done)) continue;
      leads = cross(leads, atom) ?? minimized(leads.map((l) => ({ ...l, done: false })));
    }
    return leads;
  }

  /** The atom's leads under the quantifier that follows it. */
  private repeated(atom: readonly Lead[]): readonly Lead[] {
    const { min, max } = this.quantifier();
    if (min === 1 && max === 1) return atom;
    const space = atom.length === 1 && atom[0]?.text === " ";
    if (space && min <= 1) return min === 0 ? [...EMPTY, ...atom] : atom;
    if (min === 0 && max === 1) return [...EMPTY, ...atom];
    // Repeated: a match starts with `min` occurrences of a single literal, one occurrence of others, or anything (min 0).
    if (min === 0) return OPEN;
    const only = atom.length === 1 ? atom[0] : undefined;
    if (only?.done === true && min <= 4) return [{ ...only, text: only.text.repeat(min).replace(/ {2,}/g, " "), done: false }];
    return atom.map((l) => ({ ...l, done: false }));
  }

  private quantifier(): { min: number; max: number } {
    const c = this.src[this.at];
    let result: { min: number; max: number };
    if (c === "*") result = { min: 0, max: Infinity };
    else if (c === "+") result = { min: 1, max: Infinity };
    else if (c === "?") result = { min: 0, max: 1 };
    else if (c === "{") {
      const m = /^\{(\d+)(,?)(\d*)\}/.exec(this.src.slice(this.at));
      if (m == null) return { min: 1, max: 1 };
      const min = Number(m[1]);
      result = { min, max: m[2] ? (m[3] ? Number(m[3]) : Infinity) : min };
      this.at += m[0].length - 1;
    } else return { min: 1, max: 1 };
    this.at++;
    if (this.src[this.at] === "?") this.at++;
    return result;
  }

  private atom(): readonly Lead[] {
    const c = this.src[this.at] ?? "";
    if (c === "(") return this.group();
    if (c === "[") return this.characterClass();
    if (c === "\\") return this.escape();
    this.at++;
    if (c === "^" || c === "$") return EMPTY;
    if (c === ".") return OPEN;
    return this.literal(c);
  }

  private literal(ch: string): readonly Lead[] {
    if (/\s/.test(ch)) return [{ text: " ", done: true, boundary: false }];
    const text = this.insensitive ? ch.toLowerCase() : ch;
    // A character whose lowercase is longer ("İ") is not looked up reliably: no literal.
    return text.length === 1 ? [{ text, done: true, boundary: false }] : OPEN;
  }

  private group(): readonly Lead[] {
    const rest = this.src.slice(this.at);
    const lookaround = /^\(\?(?:=|!|<=|<!)/.exec(rest)?.[0];
    const prefix = lookaround ?? /^\(\?(?::|<[A-Za-z_$][\w$]*>)/.exec(rest)?.[0] ?? (rest.startsWith("(?") ? null : "(");
    if (prefix == null) {
      // An unknown group syntax (modifiers): give up on the whole regex.
      this.failed = true;
      this.at = this.src.length;
      return OPEN;
    }
    this.at += prefix.length;
    const inner = this.alternation();
    if (this.src[this.at] !== ")") this.failed = true;
    this.at++;
    // A lookaround matches no text: it only narrows where the match is.
    return lookaround ? EMPTY : inner;
  }

  private characterClass(): readonly Lead[] {
    this.at++;
    const negated = this.src[this.at] === "^";
    const members: string[] = [];
    let simple = !negated;
    while (this.at < this.src.length && this.src[this.at] !== "]") {
      const c = this.src[this.at] ?? "";
      if (c === "\\") {
        const code = /^\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2})/.exec(this.src.slice(this.at))?.[0];
        const next = this.src[this.at + 1] ?? "";
        if (code) members.push(String.fromCharCode(Number.parseInt(code.slice(2), 16)));
        else if (next === "s") members.push(" ");
        else if (/[\\/.\-[\]^$*+?(){}|]/.test(next)) members.push(next);
        else simple = false;
        this.at += code?.length ?? 2;
        continue;
      }
      if (c === "-" && members.length > 0 && this.src[this.at + 1] !== "]") simple = false;
      members.push(c);
      this.at++;
    }
    this.at++;
    if (!simple || members.length === 0 || members.length > 8) return OPEN;
    const leads = new Map<string, Lead>();
    for (const m of members) for (const lead of this.literal(m)) add(leads, lead);
    return [...leads.values()].some((l) => !l.done) ? OPEN : [...leads.values()];
  }

  private escape(): readonly Lead[] {
    const rest = this.src.slice(this.at);
    const code = /^\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2})/.exec(rest)?.[0];
    if (code) {
      this.at += code.length;
      return this.literal(String.fromCharCode(Number.parseInt(code.slice(2), 16)));
    }
    const long = /^\\(?:[pP]\{[^}]*\}|k<[^>]*>|c[A-Za-z]|u\{[0-9a-fA-F]+\}|[1-9]\d*)/.exec(rest)?.[0];
    if (long) {
      this.at += long.length;
      return OPEN;
    }
    const c = rest[1] ?? "";
    this.at += 2;
    if (c === "b") return BOUNDARY;
    if (c === "B") return EMPTY;
    if (c === "s" || c === "n" || c === "r" || c === "t" || c === "f" || c === "v") return [{ text: " ", done: true, boundary: false }];
    if (/[dDwWS]/.test(c)) return OPEN;
    // `\0` before a digit is an octal escape outside `u` mode.
    if (c === "0") return /\d/.test(rest[2] ?? "") ? OPEN : this.literal("\0");
    return this.literal(c);
  }
}
