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

/**
 * Names of build output and caches that a build, an install or a test run makes again: deleting
 * them in a project git does not hold loses nothing.
 */
const REGENERABLE_DIRS = new Set([
  "node_modules",
  "dist",
  "build",
  "out",
  "target",
  "coverage",
  ".next",
  ".nuxt",
  ".svelte-kit",
  ".angular",
  ".turbo",
  ".cache",
  ".parcel-cache",
  "__pycache__",
  ".pytest_cache",
  ".mypy_cache",
  ".ruff_cache",
  ".tox",
  ".venv",
  "venv",
  ".gradle",
  "obj",
  "tmp",
  "temp",
  ".tmp",
]);
const REGENERABLE_FILES = /(?:\.(?:log|pyc|pyo|o|obj|class|tmp|swp|swo|orig|rej)|\.DS_Store)$/;

function deletesUnrecoverably(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined {
  const pathspecs = new Set<string>();
  const lasting: string[] = [];
  for (const { word, recursive } of deletedWords(cmd)) {
    if (rc.classify(word, cmd)?.cls !== "project") continue;
    const abs = rc.resolve(word, cmd);
    if (abs == null || IN_GIT_DIR.test(abs)) continue;
    // Relative to the project, where git runs: an absolute path through a symlinked directory
    // (macOS's /tmp, a linked home) would be "outside the repository" to git.
    const relative = path.posix.relative(rc.ctx.projectDir, abs);
    pathspecs.add(relative);
    if (recursive && !isRegenerable(relative)) lasting.push(relative);
  }
  if (pathspecs.size === 0) return undefined;
  const answer = rc.recoverability(cmd, { dir: rc.ctx.projectDir, pathspecs: [...pathspecs] }, RM_LOSES);
  if (answer.state === "unrecoverable") return { detail: answer.note };
  // No repository: a whole directory of the user's own files has no copy anywhere.
  if (answer.state === "unknown" && answer.noRepository === true && lasting.length > 0)
    return {
      detail: `no git repository holds ${lasting.slice(0, 3).join(", ")}${lasting.length > 3 ? ", …" : ""}: nothing can give it back`,
    };
  return undefined;
}

function isRegenerable(relative: string): boolean {
  return relative.split("/").some((part) => REGENERABLE_DIRS.has(part)) || REGENERABLE_FILES.test(relative);
}

/**
 * The words naming what goes, as git pathspecs (whose `*` also matches across `/`): a `find`
 * that deletes only what its name tests match is asked about those names, not its whole tree.
 */
function deletedWords(cmd: SimpleCommand): { word: string; recursive: boolean }[] {
  const targets = deletionTargets(cmd);
  if (cmd.name !== "find" || targets.length === 0) return targets;
  const named = parseFind(cmd.args).named;
  return named.length > 0 ? named.map((word) => ({ word, recursive: true })) : targets;
}

export const projectDeletionRules: readonly CommandRule[] = [
  {
    id: "fs.rm-unrecoverable",
    severity: "medium",
    action: "ask",
    category: "destructive",
    reason:
      "it deletes files in the project that git cannot give back: uncommitted changes, untracked files or ignored secrets, or a whole directory of a project no git repository holds",
    check: deletesUnrecoverably,
  },
];
