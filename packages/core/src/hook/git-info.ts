import fs from "node:fs";
import path from "node:path";
import type { GitInfo } from "../store/session-record.js";

/**
 * Branch and commit of the repository containing `dir`, read from `.git` directly: spawning git
 * would cost the SessionStart hook tens of milliseconds. Handles worktrees (a `.git` file),
 * detached HEADs and packed refs; returns null outside a repository.
 */
export function readGitInfo(dir: string): GitInfo | null {
  const gitDir = findRepository(dir)?.gitDir;
  if (gitDir == null) return null;
  const head = readText(path.join(gitDir, "HEAD"))?.trim();
  if (head == null) return null;
  const ref = /^ref: (.+)$/.exec(head)?.[1];
  if (ref == null) return { branch: null, commit: /^[0-9a-f]{40,64}$/.test(head) ? head : null };
  const branch = ref.replace(/^refs\/heads\//, "");
  const commonDir = resolveCommonDir(gitDir);
  const commit = readText(path.join(gitDir, ref))?.trim() ?? readText(path.join(commonDir, ref))?.trim() ?? packedRef(commonDir, ref);
  return { branch, commit: commit ?? null };
}

/** The repository around a folder: its work tree's root and its git folder (a worktree's own). */
export interface GitRepository {
  readonly root: string;
  readonly gitDir: string;
}

export function findRepository(start: string): GitRepository | null {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, ".git");
    const stat = statOf(candidate);
    if (stat?.isDirectory()) return { root: dir, gitDir: candidate };
    if (stat?.isFile()) {
      const target = /^gitdir: (.+)$/m.exec(readText(candidate) ?? "")?.[1]?.trim();
      if (target) return { root: dir, gitDir: path.resolve(dir, target) };
    }
    if (path.dirname(dir) === dir) return null;
  }
}

function resolveCommonDir(gitDir: string): string {
  const common = readText(path.join(gitDir, "commondir"))?.trim();
  return common ? path.resolve(gitDir, common) : gitDir;
}

function packedRef(commonDir: string, ref: string): string | undefined {
  const packed = readText(path.join(commonDir, "packed-refs")) ?? "";
  for (const line of packed.split("\n")) {
    const [sha, name] = line.split(" ");
    if (name === ref && sha) return sha;
  }
  return undefined;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
