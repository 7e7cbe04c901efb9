import { deletionTargets } from "../shell/command-paths.js";
import type { RuleHit, SimpleCommand } from "../command-types.js";
import { hasOption, type ParsedOptions } from "../shell/parse-options.js";
import { gitOptions, parseGit, type GitCommand } from "../shell/parse-git.js";
import type { CommandRule } from "./rule-context.js";

/** Git commands that throw away work or history that cannot easily be got back. */

const EVERYTHING = new Set([".", "*", ":/", ":/*", "./", "./*"]);
/** A `.git` directory itself, everything in it, or its object and ref stores. */
const REPOSITORY_PARTS = /\/\.git(?:\/\*|\/objects|\/refs)?$/;

function git(sub: string, test: (g: GitCommand, p: ParsedOptions) => string | undefined, value = "", valueLong: readonly string[] = []) {
  return (cmd: SimpleCommand): RuleHit | undefined => {
    if (cmd.name !== "git") return undefined;
    const g = parseGit(cmd.args);
    if (g.sub !== sub) return undefined;
    const detail = test(g, gitOptions(g, value, valueLong));
    return detail == null ? undefined : { detail };
  };
}

const rule = (id: string, severity: CommandRule["severity"], action: CommandRule["action"], reason: string, check: CommandRule["check"]): CommandRule => ({
  id,
  severity,
  action,
  category: "destructive-git",
  reason,
  check,
});

export const gitRules: readonly CommandRule[] = [
  rule(
    "git.force-push",
    "high",
    "deny",
    "it force-pushes, overwriting the remote branch and anyone else's commits on it (use --force-with-lease to push safely)",
    git("push", (g, p) => {
      if (p.long.has("force-with-lease")) return undefined;
      if (hasOption(p, "f", ["force", "mirror"])) return "git push --force";
      const plus = p.positionals.find((w) => w.startsWith("+"));
      return plus == null ? undefined : `forced refspec ${plus}`;
    }, "oC", ["repo", "push-option", "receive-pack", "exec"]),
  ),
  rule(
    "git.reset-hard",
    "high",
    "deny",
    "it runs git reset --hard, discarding all uncommitted changes in the working tree",
    git("reset", (_g, p) => (p.long.has("hard") ? "git reset --hard" : undefined)),
  ),
  rule(
    "git.clean",
    "high",
    "deny",
    "it runs git clean with --force, permanently deleting untracked files",
    git("clean", (_g, p) => (hasOption(p, "f", ["force"]) && !hasOption(p, "n", ["dry-run"]) ? "git clean --force" : undefined), "e", ["exclude"]),
  ),
  {
    ...rule("git.discard-changes", "high", "deny", "it discards uncommitted changes to the whole working tree", () => undefined),
    check(cmd) {
      if (cmd.name !== "git") return undefined;
      const g = parseGit(cmd.args);
      const p = gitOptions(g, "bBs", ["source", "conflict"]);
      if (g.sub === "checkout" && (hasOption(p, "f", ["force"]) || p.positionals.some((w) => EVERYTHING.has(w)))) return { detail: "git checkout of the whole tree" };
      if (g.sub === "restore" && p.positionals.some((w) => EVERYTHING.has(w)) && (!hasOption(p, "S", ["staged"]) || hasOption(p, "W", ["worktree"]))) {
        return { detail: "git restore of the whole tree" };
      }
      if (g.sub === "switch" && hasOption(p, "f", ["force", "discard-changes"])) return { detail: "git switch --discard-changes" };
      if (g.sub === "stash" && g.args[0] === "clear") return { detail: "git stash clear" };
      return undefined;
    },
  },
  rule(
    "git.branch-force-delete",
    "medium",
    "ask",
    "it force-deletes a git branch, losing any commits not merged elsewhere",
    git("branch", (_g, p) => (p.short.has("D") || (hasOption(p, "d", ["delete"]) && hasOption(p, "f", ["force"])) ? "git branch -D" : undefined)),
  ),
  {
    ...rule("git.rewrite-history", "high", "deny", "it rewrites the repository's history (filter-branch / filter-repo), which cannot be undone once pushed", () => undefined),
    check(cmd) {
      if (cmd.name === "git-filter-repo") return { detail: "git filter-repo" };
      if (cmd.name !== "git") return undefined;
      const sub = parseGit(cmd.args).sub;
      return sub === "filter-branch" || sub === "filter-repo" ? { detail: `git ${sub}` } : undefined;
    },
  },
  {
    ...rule("git.delete-repository", "high", "deny", "it deletes the .git directory (or its objects or refs), destroying the repository's whole history", () => undefined),
    check(cmd, rc) {
      for (const target of deletionTargets(cmd)) {
        if (!target.recursive) continue;
        const abs = rc.resolve(target.word, cmd);
        if (abs != null && REPOSITORY_PARTS.test(abs)) return { detail: abs };
      }
      return undefined;
    },
  },
  rule(
    "git.reflog-expire",
    "high",
    "deny",
    "it expires or deletes reflog entries, the safety net that lets lost commits be recovered",
    git("reflog", (g) => (g.args[0] === "expire" || g.args[0] === "delete" ? `git reflog ${g.args[0]}` : undefined)),
  ),
];
