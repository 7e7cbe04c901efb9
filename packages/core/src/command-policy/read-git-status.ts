import fs from "node:fs";
import path from "node:path";
import { loadBuiltin } from "../support/lazy-builtin.js";

/**
 * What git knows about the files a command would delete or discard: one `git status` of the paths
 * asked about, bounded in time. The guard's only process spawn, made only for commands that delete
 * or discard something; anything that goes wrong is "unknown", never an error.
 */

/** Paths as git takes them (pathspecs, relative to `dir` or absolute); none means the whole work tree. */
export interface StatusQuery {
  readonly dir: string;
  readonly pathspecs: readonly string[];
}

/** One line of `git status --porcelain=v1`: `index` and `worktree` are its X and Y letters (`?` untracked, `!` ignored). */
export interface StatusEntry {
  readonly path: string;
  readonly index: string;
  readonly worktree: string;
}

export type WorkTreeStatus =
  | { readonly known: true; readonly entries: readonly StatusEntry[] }
  /** `noRepository`: the directory exists and no git repository holds it, so nothing can give its files back. */
  | { readonly known: false; readonly why: string; readonly noRepository?: true };

export type ReadStatus = (query: StatusQuery) => WorkTreeStatus;

export interface ReadStatusOptions {
  /** The git program to run. */
  readonly git?: string;
  readonly timeoutMs?: number;
}

/** Long enough for git status in a large repository, short enough that a hung one does not hold up the tool call. */
const TIMEOUT_MS = 1500;
const MAX_OUTPUT = 16 * 1024 * 1024;
const STATUS_ARGS = ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignored=matching", "--"];
/**
 * No index refresh written back (it would race the user's own git commands), and no fsmonitor
 * hook: a repository's config must not make the guard run a program of its choosing.
 */
const NO_REPOSITORY = "not in a git repository";
const SAFE_GLOBALS = ["--no-optional-locks", "-c", "core.fsmonitor=false"];

export function readGitStatus(query: StatusQuery, options: ReadStatusOptions = {}): WorkTreeStatus {
  const outside = whyOutsideRepository(query.dir);
  if (outside === NO_REPOSITORY) return { known: false, why: outside, noRepository: true };
  if (outside != null) return { known: false, why: outside };
  const timeout = options.timeoutMs ?? TIMEOUT_MS;
  const { spawnSync } = loadBuiltin<typeof import("node:child_process")>("node:child_process");
  const result = spawnSync(options.git ?? "git", [...SAFE_GLOBALS, ...STATUS_ARGS, ...query.pathspecs], {
    cwd: query.dir,
    encoding: "utf8",
    timeout,
    killSignal: "SIGKILL",
    maxBuffer: MAX_OUTPUT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.error != null) return { known: false, why: describeSpawnError(result.error, timeout) };
  if (result.status !== 0) {
    const message = result.stderr.split("\n").find((line) => line.trim() !== "") ?? `exit code ${String(result.status)}`;
    return { known: false, why: `git status failed: ${message.trim()}` };
  }
  return { known: true, entries: parsePorcelain(result.stdout) };
}

/** `-z` output: `XY path` records separated by NUL; a rename or copy is followed by its source path. */
export function parsePorcelain(text: string): StatusEntry[] {
  const records = text.split("\0");
  const entries: StatusEntry[] = [];
  for (let k = 0; k < records.length; k += 1) {
    const record = records[k] ?? "";
    if (record.length < 4) continue;
    const index = record[0] ?? " ";
    entries.push({ index, worktree: record[1] ?? " ", path: record.slice(3) });
    if (index === "R" || index === "C") k += 1;
  }
  return entries;
}

/** Why git would not find a work tree at `dir`, found without spawning it: a missing directory, or no `.git` above it. */
function whyOutsideRepository(dir: string): string | undefined {
  if (!isDirectory(dir)) return `${dir} is not a directory`;
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, ".git"))) return undefined;
    if (path.dirname(at) === at) return NO_REPOSITORY;
  }
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function describeSpawnError(error: Error, timeout: number): string {
  const code = "code" in error ? error.code : undefined;
  if (code === "ETIMEDOUT") return `git status took longer than ${timeout} ms`;
  if (code === "ENOENT") return "git is not installed";
  if (code === "ENOBUFS") return `git status printed more than ${MAX_OUTPUT / 1024 / 1024} MiB`;
  return `git status could not run: ${error.message}`;
}
