import fs from "node:fs";
import { registryEntryOf } from "./session-registry.js";
import type { SessionStore } from "./session-store.js";

export interface StaleCheck {
  readonly now: Date;
  readonly isProcessAlive: (pid: number) => boolean;
  /** The session asking: never stale. */
  readonly exceptSessionId?: string;
  /** A session silent this long is stale even if a process with its recorded pid still runs (pid reuse). */
  readonly maxIdleMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Sessions that started but never ended because Claude Code was killed or its SessionEnd hook
 * timed out: open in the registry, and their Claude Code process is gone (or silent for a day).
 */
export function findStaleSessions(store: SessionStore, check: StaleCheck): string[] {
  return openSessionIds(store).filter((id) => id !== check.exceptSessionId && isStale(store, id, check));
}

/** Session ids whose last registry line is a start. */
export function openSessionIds(store: SessionStore): string[] {
  let text: string;
  try {
    text = fs.readFileSync(store.paths.registry, "utf8");
  } catch {
    return [];
  }
  const open = new Map<string, boolean>();
  for (const line of text.split("\n")) {
    const entry = registryEntryOf(line);
    if (entry == null) continue;
    open.delete(entry.sessionId);
    open.set(entry.sessionId, entry.type === "start");
  }
  return [...open].filter(([, isOpen]) => isOpen).map(([id]) => id);
}

/**
 * Above this, a session is judged from its file's last record alone: every SessionStart asks about
 * every open session, and reading a huge one whole would cost seconds and its size in memory.
 */
export const WHOLE_READ_BYTES = 16 * 1024 * 1024;

function isStale(store: SessionStore, sessionId: string, check: StaleCheck): boolean {
  const maxIdleMs = check.maxIdleMs ?? DAY_MS;
  const idleSince = (last: { readonly timestamp: string }) => check.now.getTime() - Date.parse(last.timestamp);
  if (store.sessionBytes(sessionId) > WHOLE_READ_BYTES) {
    // Its owner may have changed anywhere in the file (a resume): only a long silence proves it stale.
    const { last } = store.sessionEdges(sessionId);
    return last != null && last.type !== "end" && idleSince(last) > maxIdleMs;
  }
  const { records } = store.readSession(sessionId);
  const last = records.at(-1);
  if (last == null || last.type === "end") return false;
  if (idleSince(last) > maxIdleMs) return true;
  const owner = records.findLast((r) => r.type === "init" || r.type === "resume");
  const pid = owner && "claude_pid" in owner && typeof owner.claude_pid === "number" ? owner.claude_pid : null;
  return pid != null && !check.isProcessAlive(pid);
}
