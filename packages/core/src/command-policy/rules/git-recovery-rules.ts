import { deletionTargets } from "../shell/command-paths.js";
import type { RuleHit, SimpleCommand } from "../command-types.js";
import { hasOption } from "../shell/parse-options.js";
import { gitOptions, gitSubcommand } from "../shell/parse-git.js";
import type { CommandRule, RuleContext } from "./rule-context.js";

/**
 * Git's safety nets: the repository itself, the reflog, the unreachable objects a lost commit or a
 * dropped stash can still be dug out of, and the stashes.
 */

/** A `.git` directory itself, everything in it, or its object and ref stores. */
const REPOSITORY_PARTS = /\/\.git(?:\/\*|\/objects|\/refs)?$/;
/** `--prune=now` / `--expire=now`: what git keeps for two weeks by default goes at once. */
const IMMEDIATELY = new Set(["now", "all"]);

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

/** `git gc --prune=now`, and `git prune`, which without `--expire` prunes every unreachable object whatever its age. */
function prunesUnreachable(cmd: SimpleCommand): RuleHit | undefined {
  const gc = gitSubcommand(cmd, "gc");
  if (gc != null) {
    const prune = gitOptions(gc).long.get("prune");
    return typeof prune === "string" && IMMEDIATELY.has(prune) ? { detail: `git gc --prune=${prune}` } : undefined;
  }
  const prune = gitSubcommand(cmd, "prune");
  if (prune == null) return undefined;
  const p = gitOptions(prune, "", ["expire"]);
  if (hasOption(p, "n", ["dry-run"])) return undefined;
  const expire = p.long.get("expire");
  return expire == null || (typeof expire === "string" && IMMEDIATELY.has(expire)) ? { detail: "git prune" } : undefined;
}

function stashAction(cmd: SimpleCommand): string | undefined {
  return gitSubcommand(cmd, "stash")?.args[0];
}

export const gitRecoveryRules: readonly CommandRule[] = [
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
  {
    id: "git.prune-unreachable",
    severity: "medium",
    action: "ask",
    category: "destructive-git",
    reason:
      "it deletes unreachable objects at once (git gc --prune=now, git prune), so dropped stashes and the commits of deleted branches can no longer be recovered",
    check: prunesUnreachable,
  },
  {
    id: "git.stash-drop",
    severity: "medium",
    action: "ask",
    category: "destructive-git",
    reason: "it drops a stash, work set aside that exists nowhere else (only its printed hash can bring it back, until git prunes it)",
    check: (cmd) => (stashAction(cmd) === "drop" ? { detail: "git stash drop" } : undefined),
  },
  {
    // Denied rather than asked: every stash goes at once, the user's own parked work from before
    // the session included, and git prints no hashes to get them back with.
    id: "git.stash-clear",
    severity: "high",
    action: "deny",
    category: "destructive-git",
    reason: "it deletes every stash at once, with no record of what they held",
    check: (cmd) => (stashAction(cmd) === "clear" ? { detail: "git stash clear" } : undefined),
  },
];
