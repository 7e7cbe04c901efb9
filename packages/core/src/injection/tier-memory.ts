import fs from "node:fs";
import path from "node:path";
import { withFileLock } from "../support/file-lock.js";
import { FILE_MODE, READ_FLAGS, REPLACE_FLAGS } from "../support/private-file-flags.js";

/**
 * What the LLM tier remembers between hook processes (each tool call is a new process): answers
 * by text hash, and the calls left in the session's budget. Memory versions for one process and
 * tests; file versions for the hooks, kept in the session's directory.
 */
export interface VerdictCache {
  get(key: string): number | undefined;
  set(key: string, score: number): void;
}

export interface CallBudget {
  /** Takes one call from the budget; false when it is used up. */
  take(): boolean;
}

export function memoryCache(): VerdictCache {
  const entries = new Map<string, number>();
  return { get: (key) => entries.get(key), set: (key, score) => void entries.set(key, score) };
}

export function memoryBudget(limit: number): CallBudget {
  let used = 0;
  return { take: () => (used < limit ? (used++, true) : false) };
}

/**
 * A directory for the tier's files: made on first use by the caller, which checks it is inside
 * Warden's data dir (no link among its parts). The files themselves are opened without following links.
 */
export type StateDir = () => string;

/** One small file per answer, named by the key (a hex hash): safe with parallel hook processes. */
export function fileCache(dir: StateDir): VerdictCache {
  return {
    get(key) {
      try {
        const score = Number(readText(path.join(dir(), `${key}.json`)));
        return Number.isFinite(score) ? score : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, score) {
      try {
        writeText(path.join(dir(), `${key}.json`), String(score));
      } catch {
        // A cache that cannot be written only costs a repeated call.
      }
    },
  };
}

/** A counter in the directory, under a lock, so parallel hook processes share one per-session budget. */
export function fileBudget(dir: StateDir, limit: number): CallBudget {
  return {
    take() {
      const file = path.join(dir(), "llm-calls");
      return withFileLock(
        `${file}.lock`,
        () => {
          let used = 0;
          try {
            used = Number(readText(file)) || 0;
          } catch {
            used = 0;
          }
          if (used >= limit) return false;
          writeText(file, String(used + 1));
          return true;
        },
        { timeoutMs: 500 },
      );
    },
  };
}

function readText(file: string): string {
  const fd = fs.openSync(file, READ_FLAGS);
  try {
    return fs.readFileSync(fd, "utf8");
  } finally {
    fs.closeSync(fd);
  }
}

function writeText(file: string, text: string): void {
  const fd = fs.openSync(file, REPLACE_FLAGS, FILE_MODE);
  try {
    fs.writeFileSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
}
