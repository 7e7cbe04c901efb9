import type { Language } from "./inspect-code.js";

/**
 * The strings interpreter code builds out of literals, so a name split to slip past the guard is
 * still seen whole: `'.war' + 'den'` (`.` in Perl and PHP, plain adjacency in Python and Ruby),
 * `os.path.join('.warden', 'sessions')`, `''.join(['.war', 'den'])`, `['.war', 'den'].join('')`,
 * and a name assigned a literal once (`d = '.war'`) where it is used (`d + 'den'`).
 * Only literals count: a chain with a call or any other variable in it ends there.
 */

export interface Piece {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** What may stand between two literals that are concatenated. */
const CONCATENATION: Readonly<Record<Language, RegExp>> = {
  python: /^(?:[ \t]*|\s*\+\s*)$/,
  ruby: /^(?:[ \t]*|\s*\+\s*)$/,
  node: /^\s*\+\s*$/,
  perl: /^\s*\.\s*$/,
  php: /^\s*\.\s*$/,
};
/** What stands between the items of an argument list or an array: `'a', 'b'`, `'', ['a'`. */
const LIST_GAP = /^\s*,\s*[[(]?\s*$/;
/** Items of one run that are joined; a longer list is not a path. */
const MAX_RUN = 8;
/** `name =` (or `$name =` in Perl and PHP) right before a chain; not `obj.name =`, and `==`, `+=`, `<=` are not assignments. */
const ASSIGNED = /(?:^|[^\w$.])([$]?[A-Za-z_]\w*)\s*=\s*$/;
const STATEMENT_END = /^[ \t]*(?:[;\n]|$)/;
const NAME_CHAR = /[\w$.]/;
const ASSIGNMENT_AFTER = /^\s*(?:[-+*/.|&]{0,2})=(?!=)/;
const MAX_NAMES = 16;
const MAX_USES = 64;

/** The chains of the code, names assigned a chain once standing for it where they are used. */
export function chainsOf(language: Language, code: string, literals: readonly Piece[]): Piece[] {
  const chains = concatenate(language, code, literals);
  const uses = usesOfNames(code, chains);
  if (uses.length === 0) return chains;
  return concatenate(
    language,
    code,
    [...literals, ...uses].toSorted((a, b) => a.start - b.start),
  );
}

/** Literals joined by concatenation, each chain as one piece spanning its literals; a lone literal is its own chain. */
export function concatenate(language: Language, code: string, literals: readonly Piece[]): Piece[] {
  const gap = CONCATENATION[language];
  const out: Piece[] = [];
  for (const lit of literals) {
    const last = out[out.length - 1];
    if (last != null && gap.test(code.slice(last.end, lit.start))) {
      out[out.length - 1] = { value: last.value + lit.value, start: last.start, end: lit.end };
    } else out.push({ value: lit.value, start: lit.start, end: lit.end });
  }
  return out;
}

/**
 * Each run of comma-separated chains joined as a path (`os.path.join`, `path.join`, `File.join`)
 * and as one string (`''.join([…])`, `[…].join('')`, Perl's `join('', …)`): which join the code
 * means is not worth guessing, both are candidates. At most `max` values.
 */
export function joinRuns(code: string, chains: readonly Piece[], max: number): string[] {
  const out = new Set<string>();
  let run: Piece[] = [];
  const flush = (): void => {
    const values = run.slice(0, MAX_RUN).map((p) => p.value);
    if (values.length > 1) {
      out.add(values.filter((v) => v !== "").join("/"));
      out.add(values.join(""));
    }
    run = [];
  };
  for (const chain of chains) {
    if (out.size >= max) break;
    const last = run[run.length - 1];
    if (last != null && !LIST_GAP.test(code.slice(last.end, chain.start))) flush();
    run.push(chain);
  }
  flush();
  return [...out].slice(0, max);
}

/** Where the names assigned exactly one chain (`p = '.war' + 'den'`) are used, as pieces holding the chain's value. */
function usesOfNames(code: string, chains: readonly Piece[]): Piece[] {
  const values = new Map<string, string>();
  chains.forEach((chain, k) => {
    const name = ASSIGNED.exec(code.slice(chains[k - 1]?.end ?? 0, chain.start))?.[1];
    if (name == null || values.size >= MAX_NAMES || !STATEMENT_END.test(code.slice(chain.end, chains[k + 1]?.start ?? code.length))) return;
    values.set(name, values.has(name) ? "" : chain.value);
  });
  const uses: Piece[] = [];
  for (const [name, value] of values) {
    if (value === "") continue;
    const found: Piece[] = [];
    let assignments = 0;
    for (let at = code.indexOf(name); at >= 0 && found.length < MAX_USES; at = code.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if (NAME_CHAR.test(code[at - 1] ?? "") || NAME_CHAR.test(code[end] ?? "") || code[end] === "(") continue;
      if (isInside(chains, at)) continue;
      if (ASSIGNMENT_AFTER.test(code.slice(end))) assignments += 1;
      else found.push({ value, start: at, end });
    }
    if (assignments === 1) uses.push(...found);
  }
  return uses;
}

/** True when `at` falls in one of the pieces (sorted, not overlapping). */
function isInside(pieces: readonly Piece[], at: number): boolean {
  let low = 0;
  let high = pieces.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const piece = pieces[mid];
    if (piece == null) return false;
    if (at < piece.start) high = mid - 1;
    else if (at >= piece.end) low = mid + 1;
    else return true;
  }
  return false;
}
