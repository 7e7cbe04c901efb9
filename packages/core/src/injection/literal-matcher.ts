/**
 * Finds every occurrence of many literals in one pass over a text (an Aho-Corasick automaton),
 * as the regex `\b?literal` with the `i` flag would find it at each position: case folded as a
 * non-Unicode case-insensitive regex folds it, a space standing for any run of whitespace (`\s+`),
 * and a `wordStart` literal found only where a word starts. A case-sensitive literal is found
 * folded and then compared exactly. One regex of a thousand alternatives is slower than this
 * (past 20 KB of source the regex engine stops optimizing it), and so is a regex call per hit.
 */
export interface MatcherLiteral {
  /** Non-empty, without spaces at either end or two in a row. */
  readonly literal: string;
  readonly caseSensitive: boolean;
  /** Found only where no ASCII word character precedes it (the literal starts with one). */
  readonly wordStart: boolean;
}

const OTHER = 0;
const SPACE = 1;
const UNKNOWN = 0xffff;
const SPACED = 1;
const WORD_START = 2;
const CASE_SENSITIVE = 4;

export class LiteralMatcher {
  /** Symbol of each UTF-16 code unit: OTHER, SPACE, or a folded character some literal has; filled as met. */
  private readonly symbolOf = new Uint16Array(65536).fill(UNKNOWN);
  private readonly symbols = new Map<number, number>();
  /**
   * The automaton: `width` symbols (OTHER, SPACE and the ASCII ones) have a table of next states;
   * other symbols, rare in most texts, follow the trie's `sparse` children and the failure links.
   */
  private readonly width: number;
  private readonly next: Int32Array;
  private readonly sparse = new Map<number, number>();
  private readonly fail: Int32Array;
  /** The literals ending in a state: the first in `head`, the rest chained by `nextLiteral`; -1 ends a chain. */
  private readonly head: Int32Array;
  private readonly nextLiteral: Int32Array;
  /** The nearest state along the failure links where some literal ends, or -1. */
  private readonly dictionary: Int32Array;
  /** 1 for a state where some literal ends (its own or its dictionary state's). */
  private readonly output: Uint8Array;
  /** Per literal, its length in symbols, and its flags (SPACED: its length in the text varies). */
  private readonly lengths: Int32Array;
  private readonly flags: Uint8Array;
  /** The occurrences of the last scan. */
  private found = new Int32Array(1024);

  constructor(private readonly literals: readonly MatcherLiteral[]) {
    const folded = literals.map((l) => l.literal.split("").map((ch) => (ch === " " ? -1 : fold(ch))));
    const codes = new Set<number>();
    for (const word of folded) for (const code of word) if (code >= 0) codes.add(code);
    // ASCII symbols first: they are the ones with a table.
    const sorted = [...codes].toSorted((a, b) => a - b);
    for (const code of sorted) this.symbols.set(code, this.symbols.size + 2);
    const width = 2 + sorted.filter((c) => c < 128).length;
    this.width = width;
    const words = folded.map((word) => word.map((c) => (c < 0 ? SPACE : (this.symbols.get(c) ?? OTHER))));
    this.lengths = new Int32Array(words.map((w) => w.length));
    this.flags = new Uint8Array(
      words.map(
        (w, i) =>
          (w.includes(SPACE) ? SPACED : 0) |
          (literals[i]?.wordStart === true ? WORD_START : 0) |
          (literals[i]?.caseSensitive === true ? CASE_SENSITIVE : 0),
      ),
    );
    // ASCII symbols are known now: the scan reads them without checking.
    for (let code = 0; code < 128; code++) this.learn(code);

    // The trie, in the table: a zero entry is no child (the root is nobody's child). Each state's
    // children are also chained (firstChild, sibling) for the breadth-first walk below.
    const states = trieSize(words);
    const next = new Int32Array(states * width);
    const head = new Int32Array(states).fill(-1);
    const firstChild = new Int32Array(states);
    const sibling = new Int32Array(states);
    const via = new Int32Array(states);
    this.nextLiteral = new Int32Array(words.length).fill(-1);
    let created = 1;
    for (let index = 0; index < words.length; index++) {
      let state = 0;
      for (const symbol of words[index] ?? []) {
        let child = symbol < width ? (next[state * width + symbol] ?? 0) : (this.sparse.get(state * 65536 + symbol) ?? 0);
        if (child === 0) {
          child = created++;
          if (symbol < width) next[state * width + symbol] = child;
          else this.sparse.set(state * 65536 + symbol, child);
          via[child] = symbol;
          sibling[child] = firstChild[state] ?? 0;
          firstChild[state] = child;
        }
        state = child;
      }
      this.nextLiteral[index] = head[state] ?? -1;
      head[state] = index;
    }
    this.next = next;
    this.head = head;
    this.fail = new Int32Array(states);
    this.dictionary = new Int32Array(states).fill(-1);
    this.output = new Uint8Array(states);
    // Breadth first, so a state's failure state (shallower) is complete before it: its row of the
    // table is the failure state's, with its own children over it.
    const order = new Int32Array(states);
    let queued = 0;
    for (let c = firstChild[0] ?? 0; c !== 0; c = sibling[c] ?? 0) order[queued++] = c;
    for (let i = 0; i < queued; i++) {
      const state = order[i] ?? 0;
      const f = this.fail[state] ?? 0;
      this.dictionary[state] = (head[f] ?? -1) >= 0 ? f : (this.dictionary[f] ?? -1);
      this.output[state] = (head[state] ?? -1) >= 0 || (this.dictionary[state] ?? -1) >= 0 ? 1 : 0;
      next.copyWithin(state * width, f * width, f * width + width);
      for (let c = firstChild[state] ?? 0; c !== 0; c = sibling[c] ?? 0) {
        const symbol = via[c] ?? 0;
        if (symbol < width) {
          this.fail[c] = next[f * width + symbol] ?? 0;
          next[state * width + symbol] = c;
        } else this.fail[c] = this.step(f, symbol);
        order[queued++] = c;
      }
    }
  }

  /** The next state on a symbol without a table entry, by the failure links. */
  private step(state: number, symbol: number): number {
    for (let s = state; ; s = this.fail[s] ?? 0) {
      const child = this.sparse.get(s * 65536 + symbol);
      if (child != null) return child;
      if (s === 0) return 0;
    }
  }

  /**
   * Every occurrence, as pairs of the literal's index and its start (in the order the occurrences
   * end). The array is reused by the next scan.
   */
  scan(text: string): Int32Array {
    const { next, width, head, nextLiteral, dictionary, output, lengths, flags } = this;
    const ascii = this.symbolOf.subarray(0, 128);
    let found = this.found;
    let count = 0;
    let state = 0;
    let inSpace = false;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const symbol = code < 128 ? (ascii[code] ?? OTHER) : this.symbolOfWide(code);
      if (symbol === SPACE) {
        // A run of whitespace is one space.
        if (inSpace) continue;
        inSpace = true;
      } else inSpace = false;
      state = symbol < width ? (next[state * width + symbol] ?? 0) : this.step(state, symbol);
      if (output[state] === 0) continue;
      for (let s = state; s >= 0; s = dictionary[s] ?? -1) {
        for (let literal = head[s] ?? -1; literal >= 0; literal = nextLiteral[literal] ?? -1) {
          const length = lengths[literal] ?? 0;
          const flag = flags[literal] ?? 0;
          const start = (flag & SPACED) !== 0 ? this.startOf(text, i, length) : i + 1 - length;
          if ((flag & WORD_START) !== 0 && start > 0 && isWordCode(text.charCodeAt(start - 1))) continue;
          if ((flag & CASE_SENSITIVE) !== 0 && !this.sameCase(literal, text, start)) continue;
          if (count + 2 > found.length) {
            const grown = new Int32Array(found.length * 2);
            grown.set(found);
            found = grown;
            this.found = grown;
          }
          found[count++] = literal;
          found[count++] = start;
        }
      }
    }
    return found.subarray(0, count);
  }

  /** Where a literal of `length` symbols ending at `end` starts: back over its symbols, a whitespace run counting one. */
  private startOf(text: string, end: number, length: number): number {
    let at = end;
    for (let n = 1; n < length; n++) {
      at--;
      if (this.isSpace(text.charCodeAt(at))) while (at > 0 && this.isSpace(text.charCodeAt(at - 1))) at--;
    }
    return at;
  }

  /** A case-sensitive literal, found folded, is there exactly. */
  private sameCase(index: number, text: string, start: number): boolean {
    let at = start;
    for (const ch of this.literals[index]?.literal ?? "") {
      if (ch !== " ") {
        if (text[at++] !== ch) return false;
      } else while (at < text.length && this.isSpace(text.charCodeAt(at))) at++;
    }
    return true;
  }

  private symbolOfWide(code: number): number {
    const symbol = this.symbolOf[code] ?? UNKNOWN;
    return symbol === UNKNOWN ? this.learn(code) : symbol;
  }

  private isSpace(code: number): boolean {
    return this.symbolOfWide(code) === SPACE;
  }

  private learn(code: number): number {
    const ch = String.fromCharCode(code);
    const symbol = /\s/.test(ch) ? SPACE : (this.symbols.get(fold(ch)) ?? OTHER);
    this.symbolOf[code] = symbol;
    return symbol;
  }
}

/** The number of states of the trie of the words: one per distinct prefix, the empty one included. */
function trieSize(words: readonly (readonly number[])[]): number {
  const sorted = words.toSorted(compareWords);
  let states = 1;
  for (let i = 0; i < sorted.length; i++) {
    const word = sorted[i] ?? [];
    const prior = sorted[i - 1] ?? [];
    let shared = 0;
    while (shared < word.length && word[shared] === prior[shared]) shared++;
    states += word.length - shared;
  }
  return states;
}

function compareWords(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

/**
 * A character as a case-insensitive non-Unicode regex compares it: its uppercase when that is
 * one character and does not turn a non-ASCII character into an ASCII one.
 */
function fold(ch: string): number {
  const code = ch.charCodeAt(0);
  const upper = ch.toUpperCase();
  if (upper.length !== 1) return code;
  const folded = upper.charCodeAt(0);
  return code >= 128 && folded < 128 ? code : folded;
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
