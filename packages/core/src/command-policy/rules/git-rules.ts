import type { RuleHit, SimpleCommand } from "../command-types.js";
import { hasOption } from "../shell/parse-options.js";
import { gitOptions, gitSubcommand, parseGit } from "../shell/parse-git.js";
import type { CommandRule } from "./rule-context.js";

/** Git commands that overwrite or delete what others share: remote branches, local branches, history. */

const PUSH_VALUES = ["repo", "push-option", "receive-pack", "exec"];
const BRANCH_VALUES = ["set-upstream-to", "contains", "no-contains", "merged", "no-merged", "points-at", "format", "sort"];
/** `:branch` (but not `:` alone, which pushes the matching branches) deletes the remote branch. */
const DELETING_REFSPEC = /^\+?:[^:]/;

/**
 * `--force`, `--mirror` and a `+refspec` overwrite the remote whatever `--force-with-lease` says:
 * git lets a forced update override the lease's check, and ignores `--force-if-includes` without
 * a lease. Only the lease alone (with or without --force-if-includes) is a checked push.
 */
function forcePushes(cmd: SimpleCommand): RuleHit | undefined {
  const g = gitSubcommand(cmd, "push");
  if (g == null) return undefined;
  const p = gitOptions(g, "o", PUSH_VALUES);
  if (p.long.has("mirror")) return { detail: "git push --mirror" };
  if (forcedLast(g.args))
    return { detail: p.long.has("force-with-lease") ? "git push --force overrides --force-with-lease" : "git push --force" };
  const plus = p.positionals.find((w) => w.startsWith("+") && !DELETING_REFSPEC.test(w));
  return plus == null ? undefined : { detail: `forced refspec ${plus}` };
}

/** True when `-f`/`--force` is given and not cancelled by a later `--no-force`. */
function forcedLast(args: readonly string[]): boolean {
  let forced = false;
  for (const word of args) {
    if (word === "--") break;
    if (word === "--force") forced = true;
    else if (word === "--no-force") forced = false;
    else if (/^-[^-]/.test(word) && shortFlags(word).includes("f")) forced = true;
  }
  return forced;
}

/** The flag letters of one cluster, stopping at `o` (push's `-o value`, whose value may hold an f). */
function shortFlags(word: string): string {
  const o = word.indexOf("o");
  return o < 0 ? word.slice(1) : word.slice(1, o);
}

function deletesRemoteBranch(cmd: SimpleCommand): RuleHit | undefined {
  const g = gitSubcommand(cmd, "push");
  if (g == null) return undefined;
  const p = gitOptions(g, "o", PUSH_VALUES);
  if (hasOption(p, "d", ["delete"])) return { detail: "git push --delete" };
  if (p.long.has("prune")) return { detail: "git push --prune" };
  const refspec = p.positionals.slice(1).find((w) => DELETING_REFSPEC.test(w));
  return refspec == null ? undefined : { detail: `deleting refspec ${refspec}` };
}

function forceDeletesBranch(cmd: SimpleCommand): RuleHit | undefined {
  const ref = gitSubcommand(cmd, "update-ref");
  if (ref != null) {
    const p = gitOptions(ref, "m");
    return hasOption(p, "d", ["delete"]) ? { detail: `git update-ref -d ${p.positionals[0] ?? ""}`.trim() } : undefined;
  }
  const g = gitSubcommand(cmd, "branch");
  if (g == null) return undefined;
  const p = gitOptions(g, "u", BRANCH_VALUES);
  return p.short.has("D") || (hasOption(p, "d", ["delete"]) && hasOption(p, "f", ["force"])) ? { detail: "git branch -D" } : undefined;
}

/**
 * `git branch -f name [start]` and `git update-ref ref value` make an existing branch point elsewhere.
 * `git branch -M main` is left alone: it is the rename-to-main step of every new repository, and
 * only overwrites a branch when one of that name already exists.
 */
function movesBranch(cmd: SimpleCommand): RuleHit | undefined {
  const ref = gitSubcommand(cmd, "update-ref");
  if (ref != null) {
    const p = gitOptions(ref, "m");
    const moves = !hasOption(p, "d", ["delete", "stdin"]) && p.positionals.length >= 2;
    return moves ? { detail: `git update-ref ${p.positionals[0]}` } : undefined;
  }
  const g = gitSubcommand(cmd, "branch");
  if (g == null) return undefined;
  const p = gitOptions(g, "u", BRANCH_VALUES);
  const name = p.positionals[0];
  if (name == null || !hasOption(p, "f", ["force"]) || hasOption(p, "dDmMcC", ["delete", "move", "copy"])) return undefined;
  return { detail: `git branch -f ${name}` };
}

function rewritesHistory(cmd: SimpleCommand): RuleHit | undefined {
  if (cmd.name === "git-filter-repo") return { detail: "git filter-repo" };
  if (cmd.name !== "git") return undefined;
  const sub = parseGit(cmd.args).sub;
  return sub === "filter-branch" || sub === "filter-repo" ? { detail: `git ${sub}` } : undefined;
}

export const gitRules: readonly CommandRule[] = [
  {
    id: "git.force-push",
    severity: "high",
    action: "deny",
    category: "destructive-git",
    reason: "it force-pushes, overwriting the remote branch and anyone else's commits on it (use --force-with-lease to push safely)",
    check: forcePushes,
  },
  {
    id: "git.push-delete",
    severity: "medium",
    action: "ask",
    category: "destructive-git",
    reason: "it deletes a branch or tag on the remote (push --delete, :branch, --prune), which others may still use",
    check: deletesRemoteBranch,
  },
  {
    id: "git.branch-force-delete",
    severity: "medium",
    action: "ask",
    category: "destructive-git",
    reason: "it force-deletes a git branch (or any ref), losing any commits not merged elsewhere",
    check: forceDeletesBranch,
  },
  {
    id: "git.branch-move",
    severity: "medium",
    action: "ask",
    category: "destructive-git",
    reason: "it moves an existing branch to another commit (branch -f, update-ref), leaving the commits only it held to the reflog",
    check: movesBranch,
  },
  {
    id: "git.rewrite-history",
    severity: "high",
    action: "deny",
    category: "destructive-git",
    reason: "it rewrites the repository's history (filter-branch / filter-repo), which cannot be undone once pushed",
    check: rewritesHistory,
  },
];
