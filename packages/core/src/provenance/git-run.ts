import { spawnSync } from "node:child_process";

/** A git command that failed: which, how, and what it said. */
export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly detail: string,
  ) {
    super(`git ${args.join(" ")} failed: ${detail}`);
    this.name = "GitCommandError";
  }
}

export interface GitOptions {
  readonly input?: string;
  /** Largest output accepted; past it the command counts as failed (callers bound what they ask for). */
  readonly maxBytes?: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Runs git in `cwd` and returns its stdout. Never prompts (no terminal, no pager), answers in the
 * C locale so its words can be read, and quotes no path (they come back as they are, NUL-separated
 * where asked).
 */
export function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): string {
  return runGitBytes(cwd, args, options).toString("utf8");
}

/** runGit for output that may not be text (blobs). */
export function runGitBytes(cwd: string, args: readonly string[], options: GitOptions = {}): Buffer {
  const result = spawnSync("git", ["-c", "core.quotePath=false", ...args], {
    cwd,
    input: options.input ?? "",
    maxBuffer: options.maxBytes ?? DEFAULT_MAX_BYTES,
    timeout: 20_000,
    env: { ...(options.env ?? process.env), GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", LC_ALL: "C", GIT_OPTIONAL_LOCKS: "0" },
  });
  if (result.error != null) throw new GitCommandError(args, result.error.message);
  if (result.status !== 0)
    throw new GitCommandError(args, (result.stderr.toString("utf8") || `exit ${result.status}`).trim().slice(0, 500));
  return result.stdout;
}

/** Like runGit, but a failure is an answer (undefined): for questions such as "is there a note?". */
export function tryGit(cwd: string, args: readonly string[], options: GitOptions = {}): string | undefined {
  try {
    return runGit(cwd, args, options);
  } catch (error) {
    if (error instanceof GitCommandError) return undefined;
    throw error;
  }
}

/** One object `git cat-file --batch` gave back: its type and bytes; null when git has no such object. */
export interface GitObject {
  readonly type: string;
  readonly bytes: Buffer;
}

/** Many objects (`<commit>:<path>`, a blob id, …) in one `git cat-file --batch`, in the order asked. */
export function readGitObjects(cwd: string, names: readonly string[]): (GitObject | null)[] {
  if (names.length === 0) return [];
  const output = runGitBytes(cwd, ["cat-file", "--batch"], { input: names.map((n) => `${n}\n`).join("") });
  const objects: (GitObject | null)[] = [];
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    const headerEnd = output.indexOf(10, at);
    if (headerEnd < 0) break;
    // `<id> <type> <size>`, or `<name> missing` (then no body follows).
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(output.subarray(at, headerEnd).toString("utf8"));
    if (match == null) {
      objects.push(null);
      at = headerEnd + 1;
      continue;
    }
    const size = Number(match[2]);
    objects.push({ type: match[1]!, bytes: output.subarray(headerEnd + 1, headerEnd + 1 + size) });
    at = headerEnd + 1 + size + 1;
  }
  return objects;
}
