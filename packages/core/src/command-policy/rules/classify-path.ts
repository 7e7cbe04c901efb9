import path from "node:path";
import type { CommandContext } from "../command-types.js";
import { isGlob, resolveWord } from "../shell/resolve-word.js";

/**
 * Where a command's target lands: resolved against the cwd (`~` and `$HOME` expanded, see
 * resolveWord), and sorted into the classes the deletion and permission rules care about.
 */

export type PathClass =
  | "root"
  /** A user's home: the current user's, or another's (`/home/alice`, `/Users/bob`, `~alice`). */
  | "home"
  /** A directory holding homes, like `/home` or `/Users`. */
  | "home-ancestor"
  | "system"
  /** A temp directory itself (`/tmp`, `/var/tmp`): other programs keep their files in it too. */
  | "temp-root"
  | "temp"
  /** The project directory itself, or a directory holding it. */
  | "project-root"
  | "project"
  /** Inside a home (the user's other projects, dotfiles, documents), outside the project. */
  | "home-subtree"
  /** Beside the project, in the directory that holds it (`../other`): most often the user's other projects. */
  | "project-sibling"
  /** A directory right under `/`, `/mnt`, `/media`, `/Volumes`, `/opt` or `/usr/local`: a disk, a volume or an installation. */
  | "mount"
  /** Anywhere else: deeper in `/opt`, `/srv`, `/data/…` and the like. */
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
/** Web servers' document roots: a site's files, deployed there on purpose, not the system's. */
export const WEB_ROOTS = ["/var/www", "/usr/share/nginx/html", "/srv/www", "/srv/http"];
const TEMP_ROOTS = ["/tmp", "/private/tmp", "/var/tmp", "/var/folders", "/private/var/folders", "/dev/shm"];

/** Directories whose children are homes, whatever the current user's home is. */
const HOME_PARENTS = ["/home", "/Users"];
/** Glob parts that match anything, not a kind of file: `*`, `**`, `.*`, `.[!.]*`. */
const ANY_NAME = /^[.*?[\]!^-]*$/;

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

/** True when a glob matches everything in its base (`./*`, `~/**`, `.*`), not a kind of file (`*.log`, `**\/node_modules`). */
export function matchesEverything(word: string): boolean {
  const base = globBase(word);
  const rest = word.startsWith(base) ? word.slice(base.length) : word;
  return rest.split("/").every((part) => ANY_NAME.test(part));
}

/**
 * Resolves a target word, then classifies it; a glob is classified by the directory it expands in,
 * except that a glob naming a kind of file in the project root (`*.log`) is inside the project,
 * and anything in a temp directory is temp.
 */
export function classifyTarget(word: string, cwd: string, ctx: CommandContext): { path: string; cls: PathClass } | undefined {
  const glob = isGlob(word);
  const resolved = resolveWord(glob ? globBase(word) : word, cwd, ctx.home);
  if (resolved == null) return undefined;
  const cls = classifyPath(resolved, ctx);
  if (glob && cls === "project-root" && !matchesEverything(word)) return { path: resolved, cls: "project" };
  // `/root/sync-*`, `~/*.log`: some files in a home, not the home.
  if (glob && cls === "home" && !matchesEverything(word)) return { path: resolved, cls: "home-subtree" };
  if (glob && cls === "temp-root") return { path: resolved, cls: "temp" };
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
  // A directory holding the project takes the project with it (a system directory stays system).
  if (isInside(abs, project) && !SYSTEM_ROOTS.includes(abs) && !USER_AREAS.includes(abs)) return "project-root";
  if (isInside(home, abs)) return "home-subtree";
  if (TEMP_ROOTS.includes(abs)) return "temp-root";
  if (isBesideProject(abs, project)) return "project-sibling";
  if (TEMP_ROOTS.some((root) => isInside(root, abs))) return "temp";
  const homeParents = home === "/" || path.posix.dirname(home) === "/" ? HOME_PARENTS : [...HOME_PARENTS, path.posix.dirname(home)];
  if (homeParents.includes(abs)) return "home-ancestor";
  if (homeParents.some((parent) => path.posix.dirname(abs) === parent)) return "home";
  if (homeParents.some((parent) => isInside(parent, abs))) return "home-subtree";
  // The superuser's home: `/root/.ssh` is one account's files, like `~/.ssh`.
  if (abs === "/root") return "home";
  if (isInside("/root", abs)) return "home-subtree";
  if (WEB_ROOTS.includes(abs)) return "mount";
  if (WEB_ROOTS.some((root) => isInside(root, abs))) return "outside";
  if (SYSTEM_ROOTS.includes(abs) || USER_AREAS.includes(abs)) return "system";
  if (USER_AREAS.some((area) => path.posix.dirname(abs) === area)) return "mount";
  if (USER_AREAS.some((area) => isInside(area, abs))) return "outside";
  if (SYSTEM_ROOTS.some((root) => isInside(root, abs))) return "system";
  if (path.posix.dirname(abs) === "/") return "mount";
  return "outside";
}

/** In the project's parent directory, unless that is `/`, a temp, system or shared directory (judged as such). */
function isBesideProject(abs: string, project: string): boolean {
  const parent = path.posix.dirname(project);
  if (parent === "/" || !isInside(parent, abs)) return false;
  const shared = [...TEMP_ROOTS, ...SYSTEM_ROOTS, ...USER_AREAS, ...HOME_PARENTS];
  return !shared.some((dir) => dir === parent || isInside(dir, parent));
}

/** True when `child` is strictly inside `parent`. */
export function isInside(parent: string, child: string): boolean {
  if (parent === "/") return child !== "/" && child.startsWith("/");
  return child.length > parent.length && child.startsWith(parent) && child[parent.length] === "/";
}

function trimSlash(p: string): string {
  return p.length > 1 && p.endsWith("/") ? p.slice(0, -1) : p;
}
