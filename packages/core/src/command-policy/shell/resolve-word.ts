import path from "node:path";
import { DYNAMIC, SUB_OPEN } from "./markers.js";

/**
 * Words as the shell expands them before a command runs: brace expansion, `~` and the cwd, and
 * whether a variable or substitution leaves a word unknown until then.
 */

const MAX_BRACE_WORDS = 16;

/** Brace expansion, as the shell does before running: `/{etc,usr}` is `/etc` and `/usr`. */
export function expandBraces(word: string): string[] {
  const open = findBraceOpen(word);
  if (open < 0) return [word];
  let depth = 0;
  const commas: number[] = [];
  for (let k = open; k < word.length; k += 1) {
    const ch = word[k];
    if (ch === "{") depth += 1;
    else if (ch === "," && depth === 1) commas.push(k);
    else if (ch === "}" && --depth === 0) {
      if (commas.length === 0) return [word];
      const bounds = [open, ...commas, k];
      const head = word.slice(0, open);
      const tail = word.slice(k + 1);
      const out: string[] = [];
      for (let j = 0; j + 1 < bounds.length && out.length < MAX_BRACE_WORDS; j += 1) {
        out.push(...expandBraces(head + word.slice((bounds[j] ?? 0) + 1, bounds[j + 1]) + tail));
      }
      return out.slice(0, MAX_BRACE_WORDS);
    }
  }
  return [word];
}

function findBraceOpen(word: string): number {
  for (let k = word.indexOf("{"); k >= 0; k = word.indexOf("{", k + 1)) {
    const before = word[k - 1];
    if (before !== "$" && before !== DYNAMIC) return k;
  }
  return -1;
}

/** True when the word holds an unresolved variable or a command substitution. */
export function isDynamic(word: string): boolean {
  return word.includes(DYNAMIC) || word.includes(SUB_OPEN);
}

/** True when the word is a glob pattern (or holds glob characters, quoted or not). */
export function isGlob(word: string): boolean {
  return word.includes("*") || word.includes("?") || word.includes("[");
}

/** The absolute path a word names, `~` expanded; undefined when it is dynamic or `~user`. */
export function resolveWord(word: string, cwd: string, home: string): string | undefined {
  if (word === "" || isDynamic(word)) return undefined;
  let target = word;
  if (target === "~" || target.startsWith("~/")) target = home + target.slice(1);
  else if (target.startsWith("~")) target = otherHome(target, home);
  return path.posix.resolve(cwd, target);
}

/** `~user/x`: root's home is /root, other users live beside the current one (in /home when that is root, in /root). */
function otherHome(word: string, home: string): string {
  const slash = word.indexOf("/");
  const user = slash < 0 ? word.slice(1) : word.slice(1, slash);
  const rest = slash < 0 ? "" : word.slice(slash);
  const parent = path.posix.dirname(home);
  return `${user === "root" ? "/root" : `${parent === "/" ? "/home" : parent}/${user}`}${rest}`;
}
