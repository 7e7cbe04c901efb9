import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadWardenConfig, SessionStore } from "@warden/core";
import { CliFailure, type CliIo } from "./cli-io.js";

/**
 * Which data directory a command reads: `--dir DIR` (a data directory, or a project folder holding
 * one in `.warden`), else `$WARDEN_DIR`, else the nearest `.warden` directory found walking up from
 * the cwd. Throws a CliFailure naming what was looked for when there is none: answering "no
 * sessions" about a folder that does not exist would hide a mistyped path or a wrong cwd.
 */
export function resolveDataDir(dir: string | undefined, io: Pick<CliIo, "cwd" | "env">): string {
  if (dir != null && dir !== "") return dataDirOfArg(path.resolve(io.cwd, dir));
  if (io.env.WARDEN_DIR) return existingWardenDir(path.resolve(io.cwd, io.env.WARDEN_DIR));
  const cwd = path.resolve(io.cwd);
  const found = findUp(cwd);
  if (found != null) return found;
  throw new CliFailure(
    `no .warden directory found in ${cwd} or any folder above it. Run warden inside a project Warden records ` +
      `(its hooks create .warden/ at the first session), or name the data: --dir <project or its .warden>, or set WARDEN_DIR`,
  );
}

/**
 * What the store writes at a session's first record (see SessionStore.ensureLayout and
 * appendRegistry): a folder holding one of these is a data directory, whatever its name.
 */
const DATA_DIR_ENTRIES = ["sessions", "sessions.jsonl"];

/** A `.warden` folder is one even while empty (a wired project with no session yet). */
function isDataDir(dir: string): boolean {
  return path.basename(dir) === ".warden" || DATA_DIR_ENTRIES.some((entry) => fs.existsSync(path.join(dir, entry)));
}

function dataDirOfArg(dir: string): string {
  if (!fs.existsSync(dir))
    throw new CliFailure(`--dir ${dir}: no such directory; give a project folder holding .warden, or a .warden directory itself`);
  if (!isDirectory(dir)) throw new CliFailure(`--dir ${dir} is not a directory; give a project folder or its .warden directory`);
  if (isDataDir(dir)) return dir;
  const inside = path.join(dir, ".warden");
  if (isDirectory(inside)) return inside;
  throw new CliFailure(
    `--dir ${dir} is neither a Warden data directory (it has no sessions/ or sessions.jsonl) nor a project holding one (there is no ${inside})`,
  );
}

/** `$WARDEN_DIR` is where the hooks write, used as it is; only its absence is an error. */
function existingWardenDir(dir: string): string {
  if (isDirectory(dir)) return dir;
  throw new CliFailure(
    `WARDEN_DIR is ${dir}, which is not a directory: no session has been recorded there (the hooks create it at the first one); ` +
      `fix WARDEN_DIR, or unset it to use the nearest .warden`,
  );
}

function findUp(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, ".warden");
    if (isDirectory(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Whether `file` is a directory (false when it is missing or unreadable). */
export function isDirectory(file: string): boolean {
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
