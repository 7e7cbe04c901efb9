import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ToolCall } from "../guard-policy.js";
import type { CommandPolicy } from "./create-command-policy.js";
import { explainCommand } from "./explain-command.js";

/**
 * Real git repositories for the tests that ask git what a command would lose: files committed,
 * then changed, staged, left untracked or ignored, exactly as a test describes them.
 */

export interface RepoFiles {
  /** Committed in the first (and only) commit, with their contents. */
  readonly committed: Readonly<Record<string, string>>;
  /** Changed after the commit, not staged. */
  readonly modified?: readonly string[];
  /** Changed after the commit and staged. */
  readonly staged?: readonly string[];
  /** Created after the commit, never added (ignored when the committed `.gitignore` says so). */
  readonly untracked?: readonly string[];
  /** A linked worktree at `<root>/<name>`, on a branch of that name, holding these untracked files. */
  readonly worktree?: { readonly name: string; readonly untracked: readonly string[] };
}

export interface TempRepo {
  /** The directory holding the repository and whatever a test puts beside it. */
  readonly root: string;
  /** The repository's work tree: `<root>/repo`. */
  readonly dir: string;
  readonly remove: () => void;
}

/** Without a user, a system config or hooks of the machine running the tests. */
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.com",
};

export function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: dir, env: GIT_ENV, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export function makeRepo(files: RepoFiles): TempRepo {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "warden-repo-")));
  const dir = path.join(root, "repo");
  fs.mkdirSync(dir);
  git(dir, "init", "-q", "-b", "main");
  for (const [file, text] of Object.entries(files.committed)) write(dir, file, text);
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "initial");
  for (const file of files.staged ?? []) {
    write(dir, file, "staged change\n");
    git(dir, "add", file);
  }
  for (const file of files.modified ?? []) write(dir, file, "unstaged change\n");
  for (const file of files.untracked ?? []) write(dir, file, "untracked\n");
  if (files.worktree != null) {
    const linked = path.join(root, files.worktree.name);
    git(dir, "worktree", "add", "-q", "-b", files.worktree.name, linked);
    for (const file of files.worktree.untracked) write(linked, file, "untracked\n");
  }
  return { root, dir, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

export function write(dir: string, file: string, text: string): void {
  const target = path.join(dir, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
}

/** A Bash call run in `dir` as the project, with its parent as the home. */
export const bashIn = (command: string, dir: string): ToolCall => ({
  toolName: "Bash",
  toolInput: { command },
  cwd: dir,
  projectDir: dir,
  home: path.dirname(dir),
});

/** What `warden explain` says git could give back of what `command`, run in `dir`, discards. */
export const recoveryNotes = (policy: CommandPolicy, command: string, dir: string): string[] =>
  explainCommand(command, { cwd: dir, projectDir: dir, home: path.dirname(dir), policy }).commands.flatMap((c) => c.recoverability);
