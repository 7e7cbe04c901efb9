import path from "node:path";
import type { CommandContext } from "./command-types.js";
import { DYNAMIC, SUB_OPEN } from "./markers.js";

/**
 * Where a command's target lands: resolved against the cwd, `~` and `$HOME` expanded, and sorted
 * into the classes the deletion and permission rules care about.
 */

export type PathClass =
  | "root"
  | "home"
  /** A directory holding the user's home, like `/home` or `/Users`. */
  | "home-ancestor"
  | "system"
  | "temp"
  /** The project directory itself. */
  | "project-root"
  | "project"
  | "outside";

const SYSTEM_ROOTS = [
  "/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/opt", "/proc", "/root", "/run",
  "/sbin", "/srv", "/sys", "/usr", "/var", "/snap", "/nix", "/mnt", "/media", "/Volumes", "/System",
  "/Library", "/Applications", "/private", "/cores",
];
/** Inside these, paths belong to the user again (but the directories themselves stay system). */
const USER_AREAS = ["/usr/local", "/opt", "/mnt", "/media", "/Volumes"];
const TEMP_ROOTS = ["/tmp", "/private/tmp", "/var/tmp", "/var/folders", "/private/var/folders", "/dev/shm"];

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

/** `~user/x`: root's home is /root, other users live beside the current one. */
function otherHome(word: string, home: string): string {
  const slash = word.indexOf("/");
  const user = slash < 0 ? word.slice(1) : word.slice(1, slash);
  const rest = slash < 0 ? "" : word.slice(slash);
  return `${user === "root" ? "/root" : `${path.posix.dirname(home)}/${user}`}${rest}`;
}

/** A glob's fixed directory part: `/tmp/*.log` is `/tmp`, `~/*` is `~`, `./*` is `.`. */
export function globBase(word: string): string {
  const parts = word.split("/");
  const fixed: string[] = [];
  for (const part of parts) {
    if (isGlob(part)) break;
    fixed.push(part);
  }
  if (fixed.length === 0) return ".";
  const base = fixed.join("/");
  return base === "" ? "/" : base;
}

/** Resolves a target word, then classifies it; a glob is classified by the directory it expands in. */
export function classifyTarget(word: string, cwd: string, ctx: CommandContext): { path: string; cls: PathClass } | undefined {
  const glob = isGlob(word);
  const resolved = resolveWord(glob ? globBase(word) : word, cwd, ctx.home);
  if (resolved == null) return undefined;
  const cls = classifyPath(resolved, ctx);
  if (glob && cls === "project-root") return { path: resolved, cls: "project" };
  if (glob && TEMP_ROOTS.includes(resolved)) return { path: resolved, cls: "temp" };
  return { path: resolved, cls };
}

export function classifyPath(abs: string, ctx: CommandContext): PathClass {
  if (abs === "/") return "root";
  const home = trimSlash(ctx.home);
  if (abs === home) return "home";
  if (isInside(abs, home)) return "home-ancestor";
  const project = trimSlash(ctx.projectDir);
  if (abs === project) return "project-root";
  if (isInside(project, abs)) return "project";
  if (TEMP_ROOTS.some((root) => isInside(root, abs))) return "temp";
  if (TEMP_ROOTS.includes(abs) || SYSTEM_ROOTS.includes(abs)) return "system";
  if (USER_AREAS.some((area) => abs === area)) return "system";
  if (USER_AREAS.some((area) => isInside(area, abs))) return "outside";
  if (SYSTEM_ROOTS.some((root) => isInside(root, abs))) return "system";
  return "outside";
}

/** True when `child` is strictly inside `parent`. */
export function isInside(parent: string, child: string): boolean {
  if (parent === "/") return child !== "/" && child.startsWith("/");
  return child.length > parent.length && child.startsWith(parent) && child[parent.length] === "/";
}

function trimSlash(p: string): string {
  return p.length > 1 && p.endsWith("/") ? p.slice(0, -1) : p;
}
