import type { DangerousCase } from "./dangerous-commands.fixture.js";
import type { LookalikeCase } from "./lookalike-commands.fixture.js";
import type { RepoFiles } from "./temp-repo.fixture.js";

/**
 * Git commands by what git would do with them, run in GIT_TABLE_REPO: a repository where `f` and
 * `src/a.ts` have unstaged changes, `README.md` a staged one, `src/new.ts` and `notes.txt` are
 * untracked, `.env` is ignored (and irreplaceable), `node_modules/` and `dist/` are ignored build
 * output, `docs/` and `src/b.ts` are clean, and `../wt` is a linked worktree with an untracked file.
 * A dangerous case must be stopped there; a look-alike must be allowed with no finding even there.
 * Context: cwd = project = the repository.
 */

export const GIT_TABLE_REPO: RepoFiles = {
  committed: {
    ".gitignore": "node_modules/\ndist/\n.env\n",
    "README.md": "# app\n",
    f: "f\n",
    "src/a.ts": "export const a = 1;\n",
    "src/b.ts": "export const b = 2;\n",
    "docs/guide.md": "# guide\n",
  },
  modified: ["f", "src/a.ts"],
  staged: ["README.md"],
  untracked: ["src/new.ts", "notes.txt", "node_modules/pkg/index.js", "dist/app.js", ".env"],
  worktree: { name: "wt", untracked: ["scratch.md"] },
};

export const GIT_DANGEROUS: readonly DangerousCase[] = [
  // git.discard-files: checkout and restore of paths overwrite the changes in them
  ["git checkout -- f", "ask", "git.discard-files"],
  ["git checkout src/a.ts", "ask", "git.discard-files"],
  ["git checkout HEAD~1 src/a.ts", "ask", "git.discard-files"],
  ["git checkout main -- f", "ask", "git.discard-files"],
  ["git checkout HEAD -- README.md", "ask", "git.discard-files"],
  ["git checkout -- src", "ask", "git.discard-files"],
  ["git checkout --pathspec-from-file=paths.txt", "ask", "git.discard-files"],
  ["git restore f", "ask", "git.discard-files"],
  ["git restore -W f", "ask", "git.discard-files"],
  ["git restore --worktree src/", "ask", "git.discard-files"],
  ["git restore --source=HEAD~3 f", "ask", "git.discard-files"],
  ["git restore -s main src", "ask", "git.discard-files"],
  ["git restore --staged --worktree README.md", "ask", "git.discard-files"],
  ["git restore -SW README.md", "ask", "git.discard-files"],
  ["git restore --pathspec-from-file=paths.txt", "ask", "git.discard-files"],
  ["git rm -f src/a.ts", "ask", "git.discard-files"],
  ["git rm -rf src", "ask", "git.discard-files"],
  ["git reset --merge", "ask", "git.discard-files"],
  ["cd src && git checkout -- a.ts", "ask", "git.discard-files"],
  ["git -C src restore a.ts", "ask", "git.discard-files"],
  ['bash -c "git checkout -- f"', "ask", "git.discard-files"],
  // git.discard-changes: the whole tree, or switching by force
  ["git checkout .", "deny", "git.discard-changes"],
  ["git checkout -- .", "deny", "git.discard-changes"],
  ["git checkout HEAD .", "deny", "git.discard-changes"],
  ["git restore .", "deny", "git.discard-changes"],
  ["git restore -s main .", "deny", "git.discard-changes"],
  ["git restore :/", "deny", "git.discard-changes"],
  ["git checkout -f", "deny", "git.discard-changes"],
  ["git switch --discard-changes main", "deny", "git.discard-changes"],
  ["git switch -f main", "deny", "git.discard-changes"],
  ["git checkout -f main", "deny", "git.discard-changes"],
  // git.reset-hard, git.clean, git.worktree-remove-force
  ["git reset --hard", "deny", "git.reset-hard"],
  ["git reset --hard HEAD~1", "deny", "git.reset-hard"],
  ["git reset --hard origin/main", "deny", "git.reset-hard"],
  ["git clean -f", "deny", "git.clean"],
  ["git clean -fd", "deny", "git.clean"],
  ["git clean -fdx", "deny", "git.clean"],
  ["git clean -fX", "deny", "git.clean"],
  ["git clean -f src", "deny", "git.clean"],
  ["git worktree remove --force ../wt", "ask", "git.worktree-remove-force"],
  ["git worktree remove -f ../wt", "ask", "git.worktree-remove-force"],
  // git.force-push: --force and a + refspec override --force-with-lease; --force-if-includes alone changes nothing
  ["git push --force --force-if-includes origin main", "deny", "git.force-push"],
  ["git push --force-with-lease --force origin main", "deny", "git.force-push"],
  ["git push --force-with-lease origin +main", "deny", "git.force-push"],
  ["git push --no-force --force origin main", "deny", "git.force-push"],
  ["git push origin +main:main", "deny", "git.force-push"],
  ["git push --mirror git@example.com:o/r.git", "deny", "git.force-push"],
  // git.push-delete
  ["git push --delete origin old-feature", "ask", "git.push-delete"],
  ["git push -d origin v1.0", "ask", "git.push-delete"],
  ["git push origin :old-feature", "ask", "git.push-delete"],
  ["git push origin main :old-feature", "ask", "git.push-delete"],
  ["git push --prune origin refs/heads/*:refs/heads/*", "ask", "git.push-delete"],
  // git.branch-move, git.branch-force-delete
  ["git branch -f main HEAD~3", "ask", "git.branch-move"],
  ["git branch --force release origin/main", "ask", "git.branch-move"],
  ["git update-ref refs/heads/main HEAD~1", "ask", "git.branch-move"],
  ["git branch -D spike", "ask", "git.branch-force-delete"],
  ["git update-ref -d refs/heads/spike", "ask", "git.branch-force-delete"],
  // the safety nets
  ["git stash drop", "ask", "git.stash-drop"],
  ["git stash drop stash@{2}", "ask", "git.stash-drop"],
  ["git stash clear", "deny", "git.stash-clear"],
  ["git gc --prune=now", "ask", "git.prune-unreachable"],
  ["git gc --aggressive --prune=all", "ask", "git.prune-unreachable"],
  ["git prune", "ask", "git.prune-unreachable"],
  ["git prune --expire=now", "ask", "git.prune-unreachable"],
  ["git reflog expire --expire=now --all && git gc --prune=now", "deny", "git.reflog-expire"],
  ["git filter-branch --index-filter 'git rm --cached secrets.txt' HEAD", "deny", "git.rewrite-history"],
  ["git filter-repo --invert-paths --path secrets.txt", "deny", "git.rewrite-history"],
];

export const GIT_LOOKALIKES: readonly LookalikeCase[] = [
  // creating a branch keeps the working tree as it is
  ["git switch -cfeature", "git.discard-changes"],
  ["git switch -c feature", "git.discard-changes"],
  ["git switch --create=feature", "git.discard-changes"],
  ["git switch --create feature", "git.discard-changes"],
  ["git checkout -b feature", "git.discard-changes"],
  ["git checkout -bfeature", "git.discard-changes"],
  ["git checkout --orphan gh-pages", "git.discard-changes"],
  ["git checkout main", "git.discard-changes"],
  ["git switch main", "git.discard-changes"],
  // discards of files that hold nothing uncommitted, and forms that discard nothing
  ["git checkout -- docs/guide.md", "git.discard-files"],
  ["git checkout HEAD~1 src/b.ts", "git.discard-files"],
  ["git restore docs", "git.discard-files"],
  ["git restore --staged f", "git.discard-files"],
  ["git restore --staged .", "git.discard-changes"],
  ["git restore --worktree", "git.discard-files"],
  ["git rm --cached src/a.ts", "git.discard-files"],
  ["git rm docs/guide.md", "git.discard-files"],
  ["git rm -f docs/guide.md", "git.discard-files"],
  ["git -C docs checkout -- .", "git.discard-changes"],
  ["git reset --keep HEAD~1", "git.reset-hard"],
  ["git reset --soft HEAD~1", "git.reset-hard"],
  ["git reset src/a.ts", "git.reset-hard"],
  ["git clean -n", "git.clean"],
  ["git clean -fdn", "git.clean"],
  ["git clean -f docs", "git.clean"],
  ["git worktree remove ../wt", "git.worktree-remove-force"],
  ["git worktree list", "git.worktree-remove-force"],
  // reading, and commands that only mention destructive ones
  ["git log --oneline -20", "git.reset-hard"],
  ["git diff HEAD~1 -- src/a.ts", "git.discard-changes"],
  ["git status --short", "git.clean"],
  ['git grep "reset --hard"', "git.reset-hard"],
  ['git log -S "git clean -fdx"', "git.clean"],
  ['echo "git reset --hard"', "git.reset-hard"],
  ['git commit -m "stop using git push --force"', "git.force-push"],
  // pushes that cannot overwrite or delete anything
  ["git push", "git.force-push"],
  ["git push -u origin feature", "git.force-push"],
  ["git push --force-with-lease", "git.force-push"],
  ["git push --force-with-lease=main:abc123 origin main", "git.force-push"],
  ["git push --force-if-includes origin main", "git.force-push"],
  ["git push --force-with-lease --force-if-includes origin feature", "git.force-push"],
  ["git push -o ci.skip origin main", "git.force-push"],
  ["git push origin :", "git.push-delete"],
  ["git push origin main:main", "git.push-delete"],
  ["git push --tags", "git.push-delete"],
  // branches: created, renamed, deleted only when merged
  ["git branch feature HEAD~3", "git.branch-move"],
  ["git branch -m old-name new-name", "git.branch-move"],
  ["git branch -M main", "git.branch-move"],
  ["git branch -u origin/main", "git.branch-move"],
  ["git branch -d merged-feature", "git.branch-force-delete"],
  ["git show-ref --heads", "git.branch-force-delete"],
  ["git rebase main", "git.rewrite-history"],
  ["git rebase -i HEAD~3", "git.rewrite-history"],
  ["git commit --amend --no-edit", "git.rewrite-history"],
  // the safety nets left in place
  ["git stash", "git.stash-drop"],
  ["git stash list", "git.stash-drop"],
  ["git stash pop", "git.stash-drop"],
  ["git stash show -p stash@{0}", "git.stash-clear"],
  ["git gc", "git.prune-unreachable"],
  ["git gc --prune=2.weeks.ago", "git.prune-unreachable"],
  ["git prune -n", "git.prune-unreachable"],
  ["git prune --expire=2.weeks.ago", "git.prune-unreachable"],
  ["git reflog show --date=iso", "git.reflog-expire"],
];
