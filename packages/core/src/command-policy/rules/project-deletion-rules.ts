import path from "node:path";
import type { RuleHit, SimpleCommand } from "../command-types.js";
import { deletionTargets } from "../shell/command-paths.js";
import { parseFind } from "../shell/parse-find.js";
import type { Discard } from "./recoverability.js";
import type { CommandRule, RuleContext } from "./rule-context.js";

/**
 * Deleting inside the project: harmless when git holds what goes (tracked, unchanged, or ignored
 * build output), a question for the user when it does not. Deletions elsewhere are the other
 * deletion rules' concern.
 */

/** `rm` loses the working tree's copy: staged content stays in the index, untracked and ignored files go. */
const RM_LOSES: Discard = { changes: "unstaged", untracked: true, ignored: true };
/** Inside `.git`, git status says nothing: deleting there is git.delete-repository's concern. */
const IN_GIT_DIR = /\/\.git(?:\/|$)/;

function deletesUnrecoverably(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined {
  const pathspecs = new Set<string>();
  for (const word of deletedWords(cmd)) {
    if (rc.classify(word, cmd)?.cls !== "project") continue;
    const abs = rc.resolve(word, cmd);
    // Relative to the project, where git runs: an absolute path through a symlinked directory
    // (macOS's /tmp, a linked home) would be "outside the repository" to git.
    if (abs != null && !IN_GIT_DIR.test(abs)) pathspecs.add(path.posix.relative(rc.ctx.projectDir, abs));
  }
  if (pathspecs.size === 0) return undefined;
  const answer = rc.recoverability(cmd, { dir: rc.ctx.projectDir, pathspecs: [...pathspecs] }, RM_LOSES);
  return answer.state === "unrecoverable" ? { detail: answer.note } : undefined;
}

/**
 * The words naming what goes, as git pathspecs (whose `*` also matches across `/`): a `find`
 * that deletes only what its name tests match is asked about those names, not its whole tree.
 */
function deletedWords(cmd: SimpleCommand): string[] {
  const targets = deletionTargets(cmd).map((t) => t.word);
  if (cmd.name !== "find" || targets.length === 0) return targets;
  const named = parseFind(cmd.args).named;
  return named.length > 0 ? [...named] : targets;
}

export const projectDeletionRules: readonly CommandRule[] = [
  {
    id: "fs.rm-unrecoverable",
    severity: "medium",
    action: "ask",
    category: "destructive",
    reason: "it deletes files in the project that git cannot give back: uncommitted changes, untracked files or ignored secrets",
    check: deletesUnrecoverably,
  },
];
