import type { RuleHit, SimpleCommand } from "../command-types.js";
import { gitDiscard, type GitDiscard } from "./git-discards.js";
import type { CommandRule, RuleContext } from "./rule-context.js";

/**
 * Git commands that throw away uncommitted work: each stops a command only when git says there is
 * work to lose (the finding names it), and lets it run when everything it discards is committed.
 * When git cannot tell (no repository, git missing or too slow), the command is stopped all the
 * same, and the finding says why nothing was known; except `git checkout <one word>`, which most
 * often switches branches.
 */

function discards(scope: GitDiscard["scope"]) {
  return (cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined => {
    const found = gitDiscard(cmd, rc.ctx.home);
    if (found?.scope !== scope) return undefined;
    const answer = rc.recoverability(cmd, found.where, found.discard);
    if (answer.state === "unrecoverable") return { detail: answer.note };
    return answer.state === "unknown" && found.maybeBranch !== true ? { detail: `${found.detail}; ${answer.note}` } : undefined;
  };
}

export const gitDiscardRules: readonly CommandRule[] = [
  {
    id: "git.reset-hard",
    severity: "high",
    action: "deny",
    category: "destructive-git",
    reason: "it runs git reset --hard, discarding uncommitted changes that git has no copy of",
    check: discards("reset-hard"),
  },
  {
    id: "git.clean",
    severity: "high",
    action: "deny",
    category: "destructive-git",
    reason: "it runs git clean with --force, permanently deleting untracked files, and with -x ignored ones too",
    check: discards("clean"),
  },
  {
    id: "git.discard-changes",
    severity: "high",
    action: "deny",
    category: "destructive-git",
    reason: "it discards uncommitted changes to the whole working tree",
    check: discards("tree"),
  },
  {
    id: "git.discard-files",
    severity: "medium",
    action: "ask",
    category: "destructive-git",
    reason:
      "it overwrites or removes files that have uncommitted changes, which git cannot give back: checkout or restore of paths, git rm -f, git reset --merge",
    check: discards("paths"),
  },
  {
    id: "git.worktree-remove-force",
    severity: "medium",
    action: "ask",
    category: "destructive-git",
    reason: "it force-removes a linked worktree, deleting its uncommitted changes and untracked files",
    check: discards("worktree"),
  },
];
