import path from "node:path";
import micromatch from "micromatch";
import type { RuleInfo } from "../command-types.js";

/**
 * Paths that must not be read (credentials) or written (the guard's own switches), as micromatch
 * globs with allow exceptions. A pattern starting with `~/` is in the home directory, one starting
 * with `/` is absolute, any other matches at any depth (`.env` is `**\/.env`), like `.gitignore`.
 * The same rules answer for the Read/Write/Edit tools and for the files a Bash command touches.
 */

export type PathAccess = "read" | "write";

export interface PathRule extends RuleInfo {
  readonly access: PathAccess | "any";
  readonly paths: readonly string[];
  /** Files protected only when they hold a private key (`*.pem`: a certificate chain is public); see key-files.ts. */
  readonly keyFiles?: readonly string[];
  readonly except: readonly string[];
}

/** Whether the file at an absolute path holds a private key. */
export type HoldsPrivateKey = (abs: string) => boolean;

interface CompiledRule {
  readonly rule: PathRule;
  readonly matches: (p: string) => boolean;
  readonly keyFile: (p: string) => boolean;
  readonly excepted: (p: string) => boolean;
  /** Fixed leading parts of the rule's absolute patterns, e.g. `/home/dev/.ssh` for `~/.ssh/id_*`. */
  readonly anchors: readonly string[];
}

const GLOB_CACHE_SIZE = 64;
const GLOB_CHARS = /\*\*?|\?/g;
const WILDCARDS = /[*?[\]]/g;
const LEADING_DOT_SLASH = /^\.\//;
const WILDCARD_RUN = /[*?]+/;
const GLOB_START = /[*?[{]/;

export class ProtectedPaths {
  private compiledFor: string | undefined;
  private compiled: CompiledRule[] = [];
  private readonly samples: { readonly name: string; readonly anchored: boolean }[];
  private readonly globs = new Map<string, (p: string) => boolean>();

  constructor(
    readonly rules: readonly PathRule[],
    private readonly holdsPrivateKey: HoldsPrivateKey,
  ) {
    const names = new Map<string, boolean>();
    for (const rule of rules) {
      for (const p of [...rule.paths, ...(rule.keyFiles ?? [])]) {
        const name = path.posix.basename(p).replace(GLOB_CHARS, "x");
        names.set(name, (names.get(name) ?? false) || p.replace(LEADING_DOT_SLASH, "").includes("/"));
      }
    }
    this.samples = [...names].map(([name, anchored]) => ({ name, anchored }));
  }

  /** The rules protecting `abs` against this access. */
  match(abs: string, access: PathAccess, home: string): PathRule[] {
    const target = normalise(abs);
    return this.compile(home)
      .filter(
        (c) =>
          (c.rule.access === "any" || c.rule.access === access) &&
          (c.matches(target) || (c.keyFile(target) && this.holdsPrivateKey(target))) &&
          !c.excepted(target),
      )
      .map((c) => c.rule);
  }

  /**
   * The rules protecting something inside the directory `abs`: `tar czf x.tgz ~/.ssh` and
   * `cp -r ~/.aws /tmp` take the keys with them. Only patterns tied to a place count (`~/.ssh/id_*`,
   * not `.env`), so `tar czf src.tgz src` is fine.
   */
  matchInside(abs: string, access: PathAccess, home: string): PathRule[] {
    const dir = normalise(abs);
    const prefix = dir === "/" ? "/" : `${dir}/`;
    return this.compile(home)
      .filter(
        (c) =>
          (c.rule.access === "any" || c.rule.access === access) && c.anchors.some((a) => a.startsWith(prefix) && a !== prefix.slice(0, -1)),
      )
      .map((c) => c.rule);
  }

  /**
   * The rules a glob word could hit once the shell expands it: `cat ~/.ssh/*` reads `id_rsa`,
   * `cat .env*` reads `.env`. Tried on one sample name per protected pattern; a bare `*` is only
   * tried against patterns tied to a directory, so `grep x *` is not taken for reading `id_rsa`.
   */
  matchGlob(absGlob: string, access: PathAccess, home: string): PathRule[] {
    const glob = normalise(absGlob);
    let matcher = this.globs.get(glob);
    if (matcher == null) {
      matcher = micromatch.matcher(glob, { dot: false });
      if (this.globs.size >= GLOB_CACHE_SIZE) this.globs.clear();
      this.globs.set(glob, matcher);
    }
    const dir = path.posix.dirname(glob);
    const literal = path.posix.basename(glob).replace(WILDCARDS, "") !== "";
    const found = new Set<PathRule>();
    for (const sample of this.samples) {
      if (!literal && !sample.anchored) continue;
      const candidate = `${dir === "/" ? "" : dir}/${sample.name}`;
      if (matcher(candidate)) for (const rule of this.match(candidate, access, home)) found.add(rule);
    }
    return [...found];
  }

  private compile(home: string): CompiledRule[] {
    if (this.compiledFor === home) return this.compiled;
    const homeDir = normalise(home);
    this.compiled = this.rules.map((rule) => ({
      rule,
      matches: matcherFor(rule.paths, homeDir),
      keyFile: matcherFor(rule.keyFiles ?? [], homeDir),
      excepted: matcherFor(rule.except, homeDir),
      anchors: rule.paths
        .map((p) => anchor(p, homeDir))
        .filter((p) => p.startsWith("/"))
        .map(literalPart),
    }));
    this.compiledFor = home;
    return this.compiled;
  }
}

function matcherFor(patterns: readonly string[], home: string): (p: string) => boolean {
  const matchers = patterns.map((p) => lazyMatcher(anchor(p, home)));
  return (p) => matchers.some((m) => m(p));
}

/**
 * A micromatch matcher compiled on first need: a path must first pass a cheap literal check (the
 * pattern's fixed leading directory, the fixed parts of its last segment). Most paths never do,
 * so a hook process rarely pays for compiling the globs at all.
 */
function lazyMatcher(glob: string): (p: string) => boolean {
  const prefix = glob.slice(0, firstGlobChar(glob));
  const dirPrefix = prefix.slice(0, prefix.lastIndexOf("/") + 1);
  const last = path.posix.basename(glob);
  const parts = last.includes("[") || last.includes("{") || last.includes("**") ? undefined : last.split(WILDCARD_RUN);
  const segments = glob.split("/").filter((seg) => seg !== "" && !GLOB_START.test(seg));
  let compiled: ((p: string) => boolean) | undefined;
  return (p) => {
    if (!p.startsWith(dirPrefix) || !segments.every((seg) => p.includes(seg))) return false;
    if (parts != null && !fitsParts(path.posix.basename(p), parts)) return false;
    compiled ??= micromatch.matcher(glob, { dot: true });
    return compiled(p);
  };
}

/** True when `name` starts with the first part, ends with the last, and holds the others in order. */
function fitsParts(name: string, parts: readonly string[]): boolean {
  const first = parts[0] ?? "";
  const lastPart = parts[parts.length - 1] ?? "";
  if (!name.startsWith(first)) return false;
  if (parts.length === 1) return name === first;
  if (!name.endsWith(lastPart) || name.length < first.length + lastPart.length) return false;
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    at = name.indexOf(part, at);
    if (at < 0) return false;
    at += part.length;
  }
  return at <= name.length - lastPart.length;
}

/** The fixed part of an absolute glob: all of it without wildcards, else the directory (with `/`) before them. */
function literalPart(glob: string): string {
  const at = firstGlobChar(glob);
  return at === glob.length ? glob : glob.slice(0, glob.lastIndexOf("/", at) + 1);
}

function firstGlobChar(glob: string): number {
  const at = glob.search(GLOB_START);
  return at < 0 ? glob.length : at;
}

function anchor(pattern: string, home: string): string {
  const p = normalise(pattern);
  if (p === "~") return home;
  if (p.startsWith("~/")) return `${home === "/" ? "" : home}${p.slice(1)}`;
  if (p.startsWith("/")) return p;
  return `**/${p.startsWith("./") ? p.slice(2) : p}`;
}

/** Windows separators to POSIX, no trailing slash. */
export function normalise(p: string): string {
  const forward = p.includes("\\") ? p.split("\\").join("/") : p;
  return forward.length > 1 && forward.endsWith("/") ? forward.slice(0, -1) : forward;
}
