import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { vi } from "vitest";

/**
 * Real git repositories for provenance's tests, in a temp folder with its own home. The code under
 * test runs git with the process's environment, so the environment itself is made hermetic for the
 * test (no global or system config, no notes or editor variables of the machine, a fixed author):
 * call `remove` after each test, which also restores the environment.
 */

export interface TempRepo {
  /** The work tree. */
  readonly dir: string;
  /** The folder holding the work tree and the temp home: a test may put files there too. */
  readonly root: string;
  readonly gitDir: string;
  /** Runs git in the work tree; returns stdout. */
  readonly git: (...args: string[]) => string;
  /** Writes a file of the work tree (folders created). */
  readonly write: (file: string, text: string | Buffer) => void;
  /** Stages everything and commits; returns the new HEAD. */
  readonly commit: (message: string, ...extra: string[]) => string;
  readonly head: () => string;
  readonly remove: () => void;
}

/** Variables of the machine that would change what git does in a test. */
const CLEARED = [
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_OBJECT_DIRECTORY",
  "GIT_ALTERNATE_OBJECT_DIRECTORIES",
  "GIT_COMMON_DIR",
  "GIT_CEILING_DIRECTORIES",
  "GIT_NOTES_REF",
  "GIT_NOTES_DISPLAY_REF",
  "GIT_NOTES_REWRITE_REF",
  "GIT_NOTES_REWRITE_MODE",
  "GIT_AUTHOR_DATE",
  "GIT_COMMITTER_DATE",
  "GIT_CONFIG",
  "GIT_CONFIG_PARAMETERS",
  "GIT_CONFIG_COUNT",
];

export function makeRepo(): TempRepo {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "warden-provenance-")));
  const home = path.join(root, "home");
  const dir = path.join(root, "repo");
  fs.mkdirSync(home);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(home, ".gitconfig"), "");
  for (const name of CLEARED) vi.stubEnv(name, undefined);
  const env: Record<string, string> = {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, ".config"),
    GIT_CONFIG_GLOBAL: path.join(home, ".gitconfig"),
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "Test Person",
    GIT_AUTHOR_EMAIL: "person@example.com",
    GIT_COMMITTER_NAME: "Test Person",
    GIT_COMMITTER_EMAIL: "person@example.com",
    GIT_EDITOR: "true",
    GIT_SEQUENCE_EDITOR: "true",
    GIT_MERGE_AUTOEDIT: "no",
    TZ: "UTC",
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: dir, env: process.env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  git("init", "-q", "-b", "main");
  const write = (file: string, text: string | Buffer) => {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  };
  const head = () => git("rev-parse", "HEAD").trim();
  return {
    dir,
    root,
    gitDir: path.join(dir, ".git"),
    git,
    write,
    commit: (message, ...extra) => {
      git("add", "-A");
      git("commit", "-q", "--allow-empty", "-m", message, ...extra);
      return head();
    },
    head,
    remove: () => {
      vi.unstubAllEnvs();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
