import { parse } from "shell-quote";
import type { Redirect } from "../command-types.js";
import { DYNAMIC } from "./markers.js";

/**
 * Words and redirections of one segment, by shell-quote's tokenizer: quotes removed, escapes applied,
 * known variables expanded. An unknown variable stays as a marker (`\u0001{NAME}`), so a target
 * like `"$DIR/"` is known to be dynamic instead of being mistaken for a relative path.
 */

export interface SegmentTokens {
  readonly words: string[];
  readonly redirects: Redirect[];
}

const REDIRECT_OPS = new Set([">", ">>", "<", ">&", "<&", "&>", "&>>", ">|", "<>", "<<", "<<-", "<<<"]);
const DEFAULT_FORMS = [":-", ":=", "-", "="] as const;
const REQUIRED_FORMS = [":?", "?"] as const;

/** Looks a variable up: known values first, then `${NAME:-default}` defaults, else a dynamic marker. */
export function makeLookup(vars: ReadonlyMap<string, string>): (key: string) => string {
  return (key) => {
    if (key === "") return "$";
    const known = vars.get(key);
    if (known != null) return known;
    for (const form of REQUIRED_FORMS) {
      const at = key.indexOf(form);
      const value = at > 0 ? vars.get(key.slice(0, at)) : undefined;
      if (value != null) return value;
    }
    for (const form of DEFAULT_FORMS) {
      const at = key.indexOf(form);
      if (at > 0 && isName(key.slice(0, at))) {
        return vars.get(key.slice(0, at)) ?? key.slice(at + form.length);
      }
    }
    return `${DYNAMIC}{${key}}`;
  };
}

/**
 * Tokenises a segment. Returns more than one command only if shell-quote found an operator the
 * scanner did not split on, which it should not; the split keeps the analysis safe regardless.
 */
export function tokenizeSegment(text: string, lookup: (key: string) => string): SegmentTokens[] {
  // shell-quote reads `env[key]`; a proxy answers every key without the per-word work a function costs.
  const env = new Proxy({} as Record<string, string>, { get: (_target, key) => lookup(String(key)) });
  const entries = parse(text, env);
  const out: SegmentTokens[] = [];
  let current: SegmentTokens = { words: [], redirects: [] };
  let pendingOp: string | undefined;
  let pendingFd: string | undefined;
  for (const [k, entry] of entries.entries()) {
    if (typeof entry !== "string" && "comment" in entry) continue;
    const word = typeof entry === "string" ? entry : "pattern" in entry ? entry.pattern : undefined;
    if (word != null) {
      if (pendingOp != null) {
        current.redirects.push(pendingFd == null ? { op: pendingOp, target: word } : { op: pendingOp, fd: pendingFd, target: word });
        pendingOp = undefined;
        pendingFd = undefined;
      } else current.words.push(word);
      continue;
    }
    if (typeof entry === "string" || "pattern" in entry) continue;
    if (REDIRECT_OPS.has(entry.op)) {
      const last = current.words[current.words.length - 1];
      if (last != null && isDigits(last) && typeof entries[k - 1] === "string") pendingFd = current.words.pop();
      pendingOp = entry.op;
      continue;
    }
    if (current.words.length > 0 || current.redirects.length > 0) out.push(current);
    current = { words: [], redirects: [] };
  }
  if (current.words.length > 0 || current.redirects.length > 0) out.push(current);
  return out;
}

function isDigits(word: string): boolean {
  if (word === "") return false;
  for (const ch of word) if (ch < "0" || ch > "9") return false;
  return true;
}

export function isName(word: string): boolean {
  if (word === "") return false;
  for (let k = 0; k < word.length; k += 1) {
    const ch = word[k] ?? "";
    const ok = ch === "_" || (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || (k > 0 && ch >= "0" && ch <= "9");
    if (!ok) return false;
  }
  return true;
}
