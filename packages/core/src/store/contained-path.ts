import fs from "node:fs";
import path from "node:path";
import { isCode } from "../support/file-lock.js";
import { APPEND_FLAGS, DIR_MODE, FILE_MODE } from "../support/private-file-flags.js";
import { writeAll } from "../support/write-all.js";
import { isInsideRoot } from "./warden-paths.js";

/**
 * Warden writes and deletes only inside its data directory. A cloned repository can ship a
 * symbolic link at `.warden` or anywhere below it (a session file, `errors.log`, a pending
 * folder) pointing elsewhere; following it would make Warden write outside. So every directory
 * from the root down is checked to be a real directory, and files are opened with O_NOFOLLOW.
 * Created files are private to the user (0600), directories too (0700).
 */
export class OutsideDataDirError extends Error {
  override readonly name = "OutsideDataDirError";
}

/** Creates `dir` and the directories between `root` and it as needed; refuses a link or a file among them. */
export function ensureContainedDir(root: string, dir: string): void {
  const relative = path.relative(path.resolve(root), path.resolve(dir));
  if (relative.startsWith("..") || path.isAbsolute(relative))
    throw new OutsideDataDirError(`${dir} is not inside the data directory ${root}`);
  let current = path.resolve(root);
  ensureRealDir(current);
  for (const part of relative === "" ? [] : relative.split(path.sep)) {
    current = path.join(current, part);
    ensureRealDir(current);
  }
}

function ensureRealDir(dir: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(dir);
  } catch (error) {
    if (!isCode(error, "ENOENT")) throw error;
    try {
      fs.mkdirSync(dir, { mode: DIR_MODE });
      return;
    } catch (raced) {
      // Parallel tool calls' hooks create the same folder at once: the loser checks what the winner made.
      if (!isCode(raced, "EEXIST")) throw raced;
      stat = fs.lstatSync(dir);
    }
  }
  if (stat.isSymbolicLink()) throw new OutsideDataDirError(`${dir} is a symbolic link; Warden does not write through links`);
  if (!stat.isDirectory()) throw new OutsideDataDirError(`${dir} is not a directory`);
}

/**
 * Whether `file` lies strictly inside `root` with only real directories on the way (no link, root
 * included): a path Warden may delete. Nothing is created; a missing folder means no.
 */
export function isContainedPath(root: string, file: string): boolean {
  if (!isInsideRoot(root, file)) return false;
  const parts = path
    .relative(path.resolve(root), path.dirname(path.resolve(file)))
    .split(path.sep)
    .filter((part) => part !== "");
  const dirs = [path.resolve(root)];
  for (const part of parts) dirs.push(path.join(dirs.at(-1) ?? root, part));
  return dirs.every(isRealDir);
}

function isRealDir(dir: string): boolean {
  try {
    const stat = fs.lstatSync(dir);
    return !stat.isSymbolicLink() && stat.isDirectory();
  } catch {
    return false;
  }
}

/** Appends text (one write for a short line, so concurrent appenders never interleave), creating the file 0600; refuses a link. */
export function appendContained(file: string, text: string): void {
  const fd = fs.openSync(file, APPEND_FLAGS, FILE_MODE);
  try {
    writeAll(fd, text);
  } finally {
    fs.closeSync(fd);
  }
}
