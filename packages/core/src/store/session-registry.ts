import { registryLineSchema } from "./session-record.js";
import { isSafeSessionId } from "./warden-paths.js";

/**
 * The registry, `sessions.jsonl`: a `start` line per SessionStart and an `end` line per
 * finalization, from every session of the data directory. Hooks append to it and `warden clean`
 * rewrites it without the sessions it deleted; both hold the registry's lock (see
 * SessionStore.appendRegistry), so a rewrite never drops a line appended meanwhile.
 */

export interface RegistryEntry {
  readonly type: "start" | "end";
  readonly sessionId: string;
}

// Warden writes `type` and `session_id` first: reading them off the line's start keeps SessionStart
// fast in a project with thousands of sessions. Lines of another shape get the full schema.
const LINE_HEAD = /^\{"type":"(start|end)","session_id":"([A-Za-z0-9._-]+)"/;

/** A registry line's entry; undefined for a line that is not one, or names an id unsafe as a file name. */
export function registryEntryOf(line: string): RegistryEntry | undefined {
  if (line === "") return undefined;
  const head = LINE_HEAD.exec(line);
  const entry =
    head?.[1] && head[2] ? { type: head[1] === "start" ? ("start" as const) : ("end" as const), sessionId: head[2] } : parsedEntry(line);
  return entry != null && isSafeSessionId(entry.sessionId) ? entry : undefined;
}

function parsedEntry(line: string): RegistryEntry | undefined {
  const parsed = registryLineSchema().safeParse(safeJson(line));
  return parsed.success ? { type: parsed.data.type, sessionId: parsed.data.session_id } : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The registry's text without the lines of `sessionIds`, and how many were dropped. A line that is
 * not a registry entry is kept: what this version does not understand is not its to delete.
 */
export function withoutSessions(text: string, sessionIds: ReadonlySet<string>): { text: string; removed: number } {
  const lines = text.split("\n");
  const kept = lines.filter((line) => {
    const entry = registryEntryOf(line);
    return entry == null || !sessionIds.has(entry.sessionId);
  });
  return { text: kept.join("\n"), removed: lines.length - kept.length };
}
