import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadWardenConfig, SessionStore } from "@warden/core";
import type { CliIo } from "./cli-io.js";

/**
 * Which `.warden/` directory a command reads: `--dir DIR`, else `$WARDEN_DIR`, else the nearest
 * `.warden` directory found walking up from the cwd, else `<cwd>/.warden`.
 */
export function resolveDataDir(dir: string | undefined, io: Pick<CliIo, "cwd" | "env">): string {
  if (dir != null && dir !== "") return path.resolve(io.cwd, dir);
  if (io.env.WARDEN_DIR) return path.resolve(io.cwd, io.env.WARDEN_DIR);
  return findUp(path.resolve(io.cwd)) ?? path.join(path.resolve(io.cwd), ".warden");
}

function findUp(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, ".warden");
    if (isDirectory(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The project whose settings apply to a data directory: the folder holding it when it is a
 * `.warden`; else (`WARDEN_DIR` elsewhere) the project a hook would take, CLAUDE_PROJECT_DIR or the cwd.
 */
export function projectDirOf(dataDir: string, io: Pick<CliIo, "cwd" | "env">): string {
  if (path.basename(dataDir) === ".warden") return path.dirname(dataDir);
  return path.resolve(io.cwd, io.env.CLAUDE_PROJECT_DIR || io.cwd);
}

export const homeOf = (io: Pick<CliIo, "env">): string => io.env.HOME || os.homedir();

/**
 * The store of the directory a command reads. What it writes (reports) is masked as the hooks
 * mask it: unless that project's `.claude/warden.json` (or the user's) says `redact: "off"`.
 */
export function openStore(dir: string | undefined, io: Pick<CliIo, "cwd" | "env">, now: () => Date = () => new Date()): SessionStore {
  const root = resolveDataDir(dir, io);
  const config = loadWardenConfig(projectDirOf(root, io), homeOf(io));
  return new SessionStore(root, now, { redact: config.redact });
}
