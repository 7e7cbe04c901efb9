import fs from "node:fs";
import path from "node:path";
import * as z from "zod/mini";
import { appendContained, isCode, type SessionStore } from "@warden/core";
import { readReport } from "./session-files.js";
import type { SessionRow } from "./session-rows.js";

/**
 * What `warden clean` keeps of a session it deletes: its figures, one JSON line per session in
 * `cleaned-sessions.jsonl` of the data directory, so `warden cost` totals the same spend after a
 * clean as before it. Only figures: no prompt, command or file name outlives the session.
 */
export const CLEANED_SESSIONS_FILE = "cleaned-sessions.jsonl";

const tokenTotalsSchema = () =>
  z.object({
    input_tokens: z.number(),
    output_tokens: z.number(),
    cache_creation_input_tokens: z.number(),
    cache_read_input_tokens: z.number(),
  });

export const cleanedSessionSchema = z.looseObject({
  session_id: z.string(),
  deleted_at: z.string(),
  started_at: z.nullable(z.string()),
  last_activity: z.string(),
  duration_ms: z.nullable(z.number()),
  tool_calls: z.nullable(z.number()),
  end_reason: z.nullable(z.string()),
  project_dir: z.nullable(z.string()),
  main_models: z.array(z.string()),
  /** Per model: tokens, API calls and cost, as the session's report had them (empty without one). */
  models: z.record(z.string(), z.looseObject({ cost_usd: z.nullable(z.number()) })),
  tokens: z.nullable(tokenTotalsSchema()),
  /** Null when unknown, as `warden cost` counted it before the clean. */
  cost_usd: z.nullable(z.number()),
});

export type CleanedSession = z.infer<typeof cleanedSessionSchema>;

const fileOf = (store: SessionStore): string => path.join(store.paths.root, CLEANED_SESSIONS_FILE);

/** The line to keep for a session about to be deleted: its row's figures and its report's usage by model. */
export function cleanedSession(store: SessionStore, row: SessionRow, lastActivity: string, now: Date): CleanedSession {
  return {
    session_id: row.session_id,
    deleted_at: now.toISOString(),
    started_at: row.started_at,
    last_activity: lastActivity,
    duration_ms: row.duration_ms,
    tool_calls: row.tool_calls,
    end_reason: row.end_reason,
    project_dir: row.project_dir,
    main_models: row.main_models,
    models: row.source === "report" ? (readReport(store, row.session_id)?.models ?? {}) : {},
    tokens: row.tokens,
    cost_usd: row.cost_usd,
  };
}

/** Appended before the session's files are deleted: a failed append leaves the session whole. */
export function keepCleanedSession(store: SessionStore, entry: CleanedSession): void {
  appendContained(fileOf(store), `${JSON.stringify(entry)}\n`);
}

/**
 * The sessions `warden clean` deleted, the last line of each id winning. A line that does not
 * parse is skipped: a damaged line must not hide the others.
 */
export function readCleanedSessions(store: SessionStore): CleanedSession[] {
  let text: string;
  try {
    text = fs.readFileSync(fileOf(store), "utf8");
  } catch (error) {
    if (isCode(error, "ENOENT")) return [];
    throw error;
  }
  const byId = new Map<string, CleanedSession>();
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const parsed = cleanedSessionSchema.safeParse(parseJson(line));
    if (parsed.success) byId.set(parsed.data.session_id, parsed.data);
  }
  return [...byId.values()];
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
