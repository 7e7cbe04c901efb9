import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as z from "zod/mini";
import { DIR_MODE, FILE_MODE, READ_FLAGS, REPLACE_FLAGS } from "../support/private-file-flags.js";
import { isCode } from "../support/file-lock.js";
import { describeIssues } from "../support/schema-issues.js";

/**
 * The resident server's folder, one per user (not per project): its state file, its start lock
 * and its log. `WARDEN_SERVER_DIR` wins; else `$XDG_STATE_HOME/warden`, else
 * `~/.local/state/warden`.
 */
export interface ServerPaths {
  readonly dir: string;
  /** One line the hook client reads with a shell builtin: `pid port token proof build`. */
  readonly state: string;
  readonly startLock: string;
  readonly log: string;
}

export function serverPaths(env: Readonly<Record<string, string | undefined>>, home: string): ServerPaths {
  const dir = path.resolve(env.WARDEN_SERVER_DIR || path.join(env.XDG_STATE_HOME || path.join(home, ".local", "state"), "warden"));
  return {
    dir,
    state: path.join(dir, "server.state"),
    startLock: path.join(dir, "start.lock"),
    log: path.join(dir, "server.log"),
  };
}

const SECRET = /^[A-Za-z0-9_-]{32,128}$/;
const serverStateSchema = z.object({
  pid: z.number().check(z.int(), z.positive()),
  port: z.number().check(z.int(), z.minimum(1), z.maximum(65_535)),
  /** What a client sends to be served (Authorization: Bearer). */
  token: z.string().check(z.regex(SECRET)),
  /** What the server sends back (X-Warden-Proof): a process on the port that lacks it is not Warden's. */
  proof: z.string().check(z.regex(SECRET)),
  /** The hash of the server's code: a client of another build does not trust it. */
  build: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
});

/** Who the running server is and how to reach it; the two secrets change at every start. */
export type ServerState = z.infer<typeof serverStateSchema>;

export class ServerStateError extends Error {
  override readonly name = "ServerStateError";
}

export function newServerSecrets(): Pick<ServerState, "token" | "proof"> {
  return { token: randomBytes(24).toString("base64url"), proof: randomBytes(24).toString("base64url") };
}

/** The build of a server file: the hash of its content, so any change to the code makes a new build. */
export function serverBuildOf(serverFile: string): string {
  return createHash("sha256").update(fs.readFileSync(serverFile)).digest("hex").slice(0, 16);
}

export const serverUrl = (state: Pick<ServerState, "port">): string => `http://127.0.0.1:${state.port}`;

export function formatServerState(state: ServerState): string {
  return `${state.pid} ${state.port} ${state.token} ${state.proof} ${state.build}\n`;
}

export function parseServerState(text: string, file: string): ServerState {
  const [pid, port, token, proof, build, ...rest] = text.trim().split(/ +/);
  const parsed = serverStateSchema.safeParse({ pid: Number(pid), port: Number(port), token, proof, build });
  if (!parsed.success || rest.length > 0) {
    const why = parsed.success ? `${rest.length} unexpected trailing fields` : describeIssues(parsed.error.issues);
    throw new ServerStateError(`${file} is not a Warden server state line (${why}); \`warden server stop\` removes it`);
  }
  return parsed.data;
}

/** The state file's content, or undefined when no server has written one (or it was removed). */
export function readServerState(paths: ServerPaths): ServerState | undefined {
  let text: string;
  try {
    const fd = fs.openSync(paths.state, READ_FLAGS);
    try {
      text = fs.readFileSync(fd, "utf8");
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if (isCode(error, "ENOENT")) return undefined;
    throw error;
  }
  return parseServerState(text, paths.state);
}

/** Private folder, private file, replaced in one rename: a client never reads half a line. */
export function writeServerState(paths: ServerPaths, state: ServerState): void {
  ensureServerDir(paths);
  const tmp = `${paths.state}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, REPLACE_FLAGS, FILE_MODE);
  try {
    fs.writeFileSync(fd, formatServerState(state));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, paths.state);
}

/** Removes the state file only while it still names this pid (a successor's is left alone). */
export function removeServerState(paths: ServerPaths, pid: number): void {
  try {
    if (readServerState(paths)?.pid === pid) fs.rmSync(paths.state, { force: true });
  } catch {
    // A damaged state file names no live server: nothing of ours to remove.
  }
}

export function ensureServerDir(paths: ServerPaths): void {
  fs.mkdirSync(paths.dir, { recursive: true, mode: DIR_MODE });
  // A folder made earlier by someone else's umask must still keep other users out.
  const stat = fs.lstatSync(paths.dir);
  if (!stat.isDirectory()) throw new ServerStateError(`${paths.dir} is not a directory`);
  if ((stat.mode & 0o077) !== 0) fs.chmodSync(paths.dir, DIR_MODE);
}
