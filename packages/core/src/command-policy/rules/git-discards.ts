import type { SimpleCommand } from "../command-types.js";
import { gitOptions, parseGit, type GitCommand } from "../shell/parse-git.js";
import { hasOption } from "../shell/parse-options.js";
import type { StatusQuery } from "../read-git-status.js";
import { isDynamic, resolveWord } from "../shell/resolve-word.js";
import type { Discard } from "./recoverability.js";

/**
 * What a git command throws away from the working tree, read from its arguments as git reads
 * them: which files (the pathspecs it is given, in the directory it runs in), and which of their
 * changes. Whether anything is actually lost is git's to say (see recoverability.ts).
 */

export interface GitDiscard {
  /** The rule that judges it: the whole tree, named paths, a hard reset, a clean, another worktree. */
  readonly scope: "tree" | "paths" | "reset-hard" | "clean" | "worktree";
  /** The form, for a finding when recoverability is unknown: `git checkout -- <paths>`. */
  readonly detail: string;
  readonly where: StatusQuery | { readonly unknown: string };
  readonly discard: Discard;
  /** `git checkout main`: one word that names a branch far more often than a file; git status tells which. */
  readonly maybeBranch?: true;
}

/** Pathspecs that name the whole tree (or the whole of the directory git runs in). */
const EVERYTHING = new Set([".", "*", ":/", ":/*", "./", "./*"]);
const FROM_INDEX: Discard = { changes: "unstaged", untracked: false, ignored: false };
const FROM_COMMIT: Discard = { changes: "uncommitted", untracked: false, ignored: false };
const REDIRECTING_VARIABLES = /^GIT_(?:DIR|WORK_TREE)=/;

export function gitDiscard(cmd: SimpleCommand, home: string): GitDiscard | undefined {
  if (cmd.name !== "git") return undefined;
  const g = parseGit(cmd.args);
  const found = DISCARDS[g.sub]?.(g);
  if (found == null) return undefined;
  const everything = found.scope === "paths" && found.pathspecs.some((p) => EVERYTHING.has(p));
  const detail = everything ? `${found.form} of the whole tree` : found.form;
  const discard: GitDiscard = {
    scope: everything ? "tree" : found.scope,
    detail,
    where: locate(cmd, g, found, home),
    discard: found.discard,
  };
  return found.maybeBranch === true && !everything ? { ...discard, maybeBranch: true } : discard;
}

interface Found {
  readonly scope: GitDiscard["scope"];
  /** The command as git reads it: `git checkout`, `git reset --hard`. */
  readonly form: string;
  /** Relative to the directory git runs in; none for the whole work tree. */
  readonly pathspecs: readonly string[];
  readonly discard: Discard;
  readonly maybeBranch?: true;
  /** Where git runs instead of its own directory: the worktree being removed. */
  readonly dir?: string;
}

const DISCARDS: Readonly<Record<string, (g: GitCommand) => Found | undefined>> = {
  checkout,
  switch: (g) => {
    const p = gitOptions(g, "cC", ["create", "force-create", "orphan", "conflict"]);
    return hasOption(p, "f", ["force", "discard-changes"]) ? whole("git switch --discard-changes") : undefined;
  },
  restore(g) {
    const p = gitOptions(g, "s", ["source", "conflict", "pathspec-from-file"]);
    const staged = hasOption(p, "S", ["staged"]);
    // --staged alone only unstages; with no paths (and no list of them) git refuses to run.
    if ((staged && !hasOption(p, "W", ["worktree"])) || (p.positionals.length === 0 && !p.long.has("pathspec-from-file"))) return undefined;
    return { scope: "paths", form: "git restore", pathspecs: p.positionals, discard: staged ? FROM_COMMIT : FROM_INDEX };
  },
  rm(g) {
    const p = gitOptions(g, "", ["pathspec-from-file"]);
    if (!hasOption(p, "f", ["force"]) || hasOption(p, "n", ["cached", "dry-run"])) return undefined;
    return { scope: "paths", form: "git rm --force", pathspecs: p.positionals, discard: FROM_COMMIT };
  },
  reset(g) {
    const p = gitOptions(g);
    if (p.long.has("hard")) return { scope: "reset-hard", form: "git reset --hard", pathspecs: [], discard: FROM_COMMIT };
    const staged: Discard = { changes: "staged", untracked: false, ignored: false };
    return p.long.has("merge") ? { scope: "paths", form: "git reset --merge", pathspecs: [], discard: staged } : undefined;
  },
  clean(g) {
    const p = gitOptions(g, "e", ["exclude"]);
    if (!hasOption(p, "f", ["force"]) || hasOption(p, "n", ["dry-run"])) return undefined;
    const discard: Discard = { changes: "none", untracked: !p.short.has("X"), ignored: p.short.has("x") || p.short.has("X") };
    return { scope: "clean", form: "git clean --force", pathspecs: p.positionals, discard };
  },
  worktree(g) {
    if (g.args[0] !== "remove") return undefined;
    const p = gitOptions({ ...g, args: g.args.slice(1) });
    const dir = p.positionals[0];
    if (!hasOption(p, "f", ["force"]) || dir == null) return undefined;
    const discard: Discard = { changes: "uncommitted", untracked: true, ignored: true };
    return { scope: "worktree", form: "git worktree remove --force", pathspecs: [], discard, dir };
  },
};

/**
 * `git checkout [<tree-ish>] [--] <paths>` overwrites the paths (from the index, or from the
 * tree-ish and the index too); `git checkout <branch>` switches, keeping local changes, unless
 * forced. A single word without `--` may be either: git status of it says nothing for a branch.
 */
function checkout(g: GitCommand): Found | undefined {
  const spec = ["conflict", "pathspec-from-file", "orphan"];
  const p = gitOptions(g, "bB", spec);
  const force = hasOption(p, "f", ["force"]);
  if (hasOption(p, "bB", ["orphan"])) return force ? whole("git checkout --force") : undefined;
  const split = g.args.indexOf("--");
  const before = split < 0 ? p.positionals : gitOptions({ ...g, args: g.args.slice(0, split) }, "bB", spec).positionals;
  const after = split < 0 ? [] : g.args.slice(split + 1);
  if (after.length > 0 || p.long.has("pathspec-from-file")) {
    const discard = before.length > 0 ? FROM_COMMIT : FROM_INDEX;
    return { scope: "paths", form: "git checkout", pathspecs: after, discard };
  }
  if (force) return whole("git checkout --force");
  if (before.length === 0) return undefined;
  if (before.length > 1) return { scope: "paths", form: "git checkout", pathspecs: before.slice(1), discard: FROM_COMMIT };
  return { scope: "paths", form: "git checkout", pathspecs: before, discard: FROM_INDEX, maybeBranch: true };
}

function whole(form: string): Found {
  return { scope: "tree", form, pathspecs: [], discard: FROM_COMMIT };
}

function locate(cmd: SimpleCommand, g: GitCommand, found: Found, home: string): GitDiscard["where"] {
  if (g.elsewhere === true || cmd.assignments.some((a) => REDIRECTING_VARIABLES.test(a)))
    return { unknown: "git is pointed at another repository (--git-dir, --work-tree)" };
  const words = [g.dir ?? ".", found.dir ?? ".", ...found.pathspecs];
  if (words.some(isDynamic)) return { unknown: "a path in it is only known when it runs" };
  const gitDir = resolveWord(g.dir ?? ".", cmd.cwd, home) ?? cmd.cwd;
  const dir = found.dir == null ? gitDir : (resolveWord(found.dir, gitDir, home) ?? gitDir);
  return { dir, pathspecs: found.pathspecs };
}
