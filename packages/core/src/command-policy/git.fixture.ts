import type { DangerousCase } from "./dangerous-commands.fixture.js";
import type { LookalikeCase } from "./lookalike-commands.fixture.js";
import type { RepoFiles } from "./temp-repo.fixture.js";

/**
 * Git commands by what git would do with them, run in GIT_TABLE_REPO: a repository where `f`,
 * `src/a.ts` and `README.md` have uncommitted changes, `src/new.ts` and `notes.txt` are untracked
 * and `.env` is ignored. A dangerous case must be stopped there; a look-alike must be allowed with
 * no finding even there. Context: cwd = project = the repository.
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
};

export const GIT_DANGEROUS: readonly DangerousCase[] = [
  // git.discard-changes: switching or checking out by force discards every uncommitted change
  ["git switch --discard-changes main", "deny", "git.discard-changes"],
  ["git switch -f main", "deny", "git.discard-changes"],
  ["git checkout -f main", "deny", "git.discard-changes"],
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
];
