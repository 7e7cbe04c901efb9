import { describeToolCall, type SessionRecord, type SessionStore } from "@warden/core";
import { openStore } from "./data-dir.js";
import type { CliIo } from "./cli-io.js";

/**
 * What this machine recorded of the sessions named in notes, when it did: the full prompts and the
 * tool calls of a segment. Notes travel without them (another clone has only the notes); a missing
 * data directory is then no error, only less to tell.
 */
export interface LocalSessions {
  /** The data directory found (undefined when there is none): its line ledger knows uncommitted lines. */
  readonly root: string | undefined;
  readonly promptOf: (sessionId: string, promptId: string) => string | null;
  readonly eventsOf: (sessionId: string, fromId: number, toId: number) => SegmentCall[] | null;
}

export interface SegmentCall {
  readonly record_id: number;
  readonly timestamp: string;
  readonly tool_name: string;
  readonly what: string;
  readonly verdict: string;
  readonly severity: string | null;
  readonly rules: readonly string[];
}

export function localSessions(dir: string | undefined, io: Pick<CliIo, "cwd" | "env">): LocalSessions {
  const store = storeIfAny(dir, io);
  const cache = new Map<string, readonly SessionRecord[] | null>();
  const recordsOf = (id: string) => {
    if (!cache.has(id)) cache.set(id, readRecords(store, id));
    return cache.get(id) ?? null;
  };
  return {
    root: store?.paths.root,
    promptOf: (sessionId, promptId) => {
      const record = recordsOf(sessionId)?.find((r) => r.type === "prompt" && r.prompt_id === promptId);
      return record?.type === "prompt" && typeof record.prompt === "string" ? record.prompt : null;
    },
    eventsOf: (sessionId, fromId, toId) => {
      const records = recordsOf(sessionId);
      if (records == null) return null;
      return records.flatMap((r) =>
        r.type === "event" && r.id >= fromId && r.id <= toId
          ? [
              {
                record_id: r.id,
                timestamp: r.timestamp,
                tool_name: r.tool_name,
                what: describeToolCall(r.tool_name, r.tool_input, null),
                verdict: r.verdict,
                severity: r.severity,
                rules: r.rules_matched,
              },
            ]
          : [],
      );
    },
  };
}

/** `--dir` must exist when given; without it, no data directory here just means nothing local to add. */
function storeIfAny(dir: string | undefined, io: Pick<CliIo, "cwd" | "env">): SessionStore | undefined {
  if (dir != null) return openStore(dir, io);
  try {
    return openStore(undefined, io);
  } catch {
    return undefined;
  }
}

function readRecords(store: SessionStore | undefined, sessionId: string): readonly SessionRecord[] | null {
  if (store == null) return null;
  try {
    return store.readSession(sessionId).records;
  } catch {
    return null;
  }
}
