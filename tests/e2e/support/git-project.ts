import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { CLI, runProcess, type ProcessResult } from "../../support/hook-process.js";
import { preview } from "./json-guards.js";
import type { TempWorld } from "./temp-world.js";

/**
 * The temp world's project as a git repository, with a hermetic identity and global config: the
 * same git environment for Claude Code's Bash (pass `env` to runClaude), Warden's hooks (they
 * inherit it) and the person's own commands run here.
 */
export interface GitProject {
  /** For runClaude's `env`: identity, a temp global config, no system config. */
  readonly env: Readonly<Record<string, string>>;
  /** Runs git in the project as the person; its stdout. Throws, with git's words, when git fails. */
  git(...args: string[]): string;
  /** Runs git in the project; its exit status and stdout, never throwing. */
  tryGit(...args: string[]): { readonly status: number | null; readonly stdout: string };
  /** Runs the built `warden` CLI in the project as the person would. */
  warden(...args: string[]): Promise<ProcessResult>;
}

export const GIT_IDENTITY = { name: "Dana Developer", email: "dana@example.com" } as const;

/** `git init` in the world's project (branch main), before `warden install` wires it. */
export function initGitProject(world: TempWorld): GitProject {
  const globalConfig = world.file("gitconfig");
  fs.writeFileSync(globalConfig, "[init]\n\tdefaultBranch = main\n");
  const env = {
    GIT_AUTHOR_NAME: GIT_IDENTITY.name,
    GIT_AUTHOR_EMAIL: GIT_IDENTITY.email,
    GIT_COMMITTER_NAME: GIT_IDENTITY.name,
    GIT_COMMITTER_EMAIL: GIT_IDENTITY.email,
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_CONFIG_NOSYSTEM: "1",
  };
  const personEnv = { PATH: process.env["PATH"] ?? "/usr/bin:/bin", HOME: world.home, TZ: "UTC", NO_COLOR: "1", LANG: "C.UTF-8", ...env };
  const tryGit = (...args: string[]) => {
    const result = spawnSync("git", args, { cwd: world.projectDir, env: personEnv, encoding: "utf8" });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const project: GitProject = {
    env,
    git: (...args) => {
      const result = tryGit(...args);
      if (result.status !== 0) throw new Error(`git ${args.join(" ")} exited ${result.status}, expected 0: ${preview(result.stderr)}`);
      return result.stdout;
    },
    tryGit: (...args) => {
      const { status, stdout } = tryGit(...args);
      return { status, stdout };
    },
    warden: (...args) => runProcess(process.execPath, [CLI, ...args], "", personEnv, world.projectDir),
  };
  project.git("init", "-q");
  return project;
}
