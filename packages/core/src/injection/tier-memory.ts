import fs from "node:fs";
import path from "node:path";
import { withFileLock } from "../support/file-lock.js";

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

/** One small file per answer, named by the key (a hex hash): safe with parallel hook processes. */
export function fileCache(dir: string): VerdictCache {
  return {
    get(key) {
      try {
        const score = Number(fs.readFileSync(path.join(dir, `${key}.json`), "utf8"));
        return Number.isFinite(score) ? score : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, score) {
      try {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, `${key}.json`), String(score));
      } catch {
        // A cache that cannot be written only costs a repeated call.
      }
    },
  };
}

/** A counter in `file`, under a lock, so parallel hook processes share one per-session budget. */
export function fileBudget(file: string, limit: number): CallBudget {
  return {
    take() {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      return withFileLock(
        `${file}.lock`,
        () => {
          let used = 0;
          try {
            used = Number(fs.readFileSync(file, "utf8")) || 0;
          } catch {
            used = 0;
          }
          if (used >= limit) return false;
          fs.writeFileSync(file, String(used + 1));
          return true;
        },
        { timeoutMs: 500 },
      );
    },
  };
}
