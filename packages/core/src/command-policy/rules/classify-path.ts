import type { CommandContext } from "../command-types.js";
import { isGlob, resolveWord } from "../shell/resolve-word.js";

/**
 * Where a command's target lands: resolved against the cwd (`~` and `$HOME` expanded, see
 * resolveWord), and sorted into the classes the deletion and permission rules care about.
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
  "/bin",
  "/boot",
  "/dev",
  "/etc",
  "/lib",
  "/lib32",
  "/lib64",
  "/libx32",
  "/opt",
  "/proc",
  "/root",
  "/run",
  "/sbin",
  "/srv",
  "/sys",
  "/usr",
  "/var",
  "/snap",
  "/nix",
  "/mnt",
  "/media",
  "/Volumes",
  "/System",
  "/Library",
  "/Applications",
  "/private",
  "/cores",
];
/** Inside these, paths belong to the user again (but the directories themselves stay system). */
const USER_AREAS = ["/usr/local", "/opt", "/mnt", "/media", "/Volumes"];
const TEMP_ROOTS = ["/tmp", "/private/tmp", "/var/tmp", "/var/folders", "/private/var/folders", "/dev/shm"];

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
