import fs from "node:fs";
import path from "node:path";
import { appendContained } from "../store/contained-path.js";
import { ensureServerDir, serverPaths } from "../resident/server-state.js";
import { readBoundedFile } from "../support/read-bounded-file.js";
import { isCode } from "../support/file-lock.js";

/**
 * The data directories of this user that ship to a team store, one per line, in Warden's
 * per-user state folder (the resident server's). A session that ended during an outage waits in
 * its project's outbox; the next sync anywhere on the machine (`warden sync --all`, which every
 * SessionEnd starts) finds it here, even if that project is never opened again.
 */
export function outboxRegistryPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  return path.join(serverPaths(env, home).dir, "team-outboxes");
}

/** A few hundred projects at most; anything larger is not this file. */
const MAX_REGISTRY_BYTES = 1024 * 1024;

/** Adds the data directory unless listed already (a duplicate line from a race is harmless). */
export function registerOutbox(env: Readonly<Record<string, string | undefined>>, home: string, root: string): void {
  const file = outboxRegistryPath(env, home);
  if (registeredOutboxes(env, home, { existingOnly: false }).includes(root)) return;
  ensureServerDir(serverPaths(env, home));
  appendContained(file, `${root}\n`);
}

/** The listed data directories, each once; by default only those that still hold sessions. */
export function registeredOutboxes(
  env: Readonly<Record<string, string | undefined>>,
  home: string,
  options: { readonly existingOnly?: boolean } = {},
): string[] {
  let text: string;
  try {
    text = readBoundedFile(outboxRegistryPath(env, home), MAX_REGISTRY_BYTES);
  } catch (error) {
    if (isCode(error, "ENOENT")) return [];
    throw error;
  }
  const listed = [...new Set(text.split("\n").filter((line) => path.isAbsolute(line)))];
  return options.existingOnly === false ? listed : listed.filter((root) => isDirectory(path.join(root, "sessions")));
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
