import { deletionTargets } from "../shell/command-paths.js";
import type { RuleHit, SimpleCommand } from "../command-types.js";
import { hasOption } from "../shell/parse-options.js";
import { gitOptions, parseGit, type GitCommand } from "../shell/parse-git.js";
import type { CommandRule, RuleContext } from "./rule-context.js";

/** Git commands that throw away work or history that cannot easily be got back. */

const EVERYTHING = new Set([".", "*", ":/", ":/*", "./", "./*"]);
/** A `.git` directory itself, everything in it, or its object and ref stores. */
const REPOSITORY_PARTS = /\/\.git(?:\/\*|\/objects|\/refs)?$/;

const VALUE_OPTIONS: Readonly<Record<string, string>> = { checkout: "bB", switch: "cC", restore: "s" };

/** The git command when `cmd` is `git <sub> …`; undefined for any other command or subcommand. */
function gitSubcommand(cmd: SimpleCommand, sub: string): GitCommand | undefined {
  if (cmd.name !== "git") return undefined;
  const g = parseGit(cmd.args);
  return g.sub === sub ? g : undefined;
}

function forcePushes(cmd: SimpleCommand): RuleHit | undefined {
  const g = gitSubcommand(cmd, "push");
  if (g == null) return undefined;
  const p = gitOptions(g, "oC", ["repo", "push-option", "receive-pack", "exec"]);
  if (p.long.has("force-with-lease")) return undefined;
  if (hasOption(p, "f", ["force", "mirror"])) return { detail: "git push --force" };
  const plus = p.positionals.find((w) => w.startsWith("+"));
  return plus == null ? undefined : { detail: `forced refspec ${plus}` };
}

function resetsHard(cmd: SimpleCommand): RuleHit | undefined {
  const g = gitSubcommand(cmd, "reset");
  return g != null && gitOptions(g).long.has("hard") ? { detail: "git reset --hard" } : undefined;
}

function cleansForcibly(cmd: SimpleCommand): RuleHit | undefined {
  const g = gitSubcommand(cmd, "clean");
  if (g == null) return undefined;
  const p = gitOptions(g, "e", ["exclude"]);
  return hasOption(p, "f", ["force"]) && !hasOption(p, "n", ["dry-run"]) ? { detail: "git clean --force" } : undefined;
}

function discardsChanges(cmd: SimpleCommand): RuleHit | undefined {
  if (cmd.name !== "git") return undefined;
  const g = parseGit(cmd.args);
  // Each subcommand's own value-taking options: `switch -cfeature` creates "feature", it is not `-c -f -e …`.
  const p = gitOptions(g, VALUE_OPTIONS[g.sub] ?? "", ["source", "conflict", "create", "force-create", "orphan", "pathspec-from-file"]);
  if (g.sub === "checkout" && (hasOption(p, "f", ["force"]) || p.positionals.some((w) => EVERYTHING.has(w))))
    return { detail: "git checkout of the whole tree" };
  if (
    g.sub === "restore" &&
    p.positionals.some((w) => EVERYTHING.has(w)) &&
    (!hasOption(p, "S", ["staged"]) || hasOption(p, "W", ["worktree"]))
  ) {
    return { detail: "git restore of the whole tree" };
  }
  if (g.sub === "switch" && hasOption(p, "f", ["force", "discard-changes"])) return { detail: "git switch --discard-changes" };
  if (g.sub === "stash" && g.args[0] === "clear") return { detail: "git stash clear" };
  return undefined;
}

function forceDeletesBranch(cmd: SimpleCommand): RuleHit | undefined {
  const g = gitSubcommand(cmd, "branch");
  if (g == null) return undefined;
  const p = gitOptions(g);
  return p.short.has("D") || (hasOption(p, "d", ["delete"]) && hasOption(p, "f", ["force"])) ? { detail: "git branch -D" } : undefined;
}

function rewritesHistory(cmd: SimpleCommand): RuleHit | undefined {
  if (cmd.name === "git-filter-repo") return { detail: "git filter-repo" };
  if (cmd.name !== "git") return undefined;
  const sub = parseGit(cmd.args).sub;
  return sub === "filter-branch" || sub === "filter-repo" ? { detail: `git ${sub}` } : undefined;
}

function deletesRepository(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined {
  for (const target of deletionTargets(cmd)) {
    if (!target.recursive) continue;
    const abs = rc.resolve(target.word, cmd);
    if (abs != null && REPOSITORY_PARTS.test(abs)) return { detail: abs };
  }
  return undefined;
}

function expiresReflog(cmd: SimpleCommand): RuleHit | undefined {
  const action = gitSubcommand(cmd, "reflog")?.args[0];
  return action === "expire" || action === "delete" ? { detail: `git reflog ${action}` } : undefined;
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
    id: "git.reset-hard",
    severity: "high",
    action: "deny",
    category: "destructive-git",
    reason: "it runs git reset --hard, discarding all uncommitted changes in the working tree",
    check: resetsHard,
  },
  {
    id: "git.clean",
    severity: "high",
    action: "deny",
    category: "destructive-git",
    reason: "it runs git clean with --force, permanently deleting untracked files",
    check: cleansForcibly,
  },
  {
    id: "git.discard-changes",
    severity: "high",
    action: "deny",
    category: "destructive-git",
    reason: "it discards uncommitted changes to the whole working tree",
    check: discardsChanges,
  },
  {
    id: "git.branch-force-delete",
    severity: "medium",
    action: "ask",
    category: "destructive-git",
    reason: "it force-deletes a git branch, losing any commits not merged elsewhere",
    check: forceDeletesBranch,
  },
  {
    id: "git.rewrite-history",
    severity: "high",
    action: "deny",
    category: "destructive-git",
    reason: "it rewrites the repository's history (filter-branch / filter-repo), which cannot be undone once pushed",
    check: rewritesHistory,
  },
  {
    id: "git.delete-repository",
    severity: "high",
    action: "deny",
    category: "destructive-git",
    reason: "it deletes the .git directory (or its objects or refs), destroying the repository's whole history",
    check: deletesRepository,
  },
  {
    id: "git.reflog-expire",
    severity: "high",
    action: "deny",
    category: "destructive-git",
    reason: "it expires or deletes reflog entries, the safety net that lets lost commits be recovered",
    check: expiresReflog,
  },
];
