import fs from "node:fs";
import path from "node:path";
import { SessionStore } from "@warden/core";
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

/** The store of the directory a command reads. */
export function openStore(dir: string | undefined, io: Pick<CliIo, "cwd" | "env">, now: () => Date = () => new Date()): SessionStore {
  return new SessionStore(resolveDataDir(dir, io), now);
}
