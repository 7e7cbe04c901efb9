import * as z from "zod/mini";
import { peekLine } from "../report/transcript/line-peek.js";
import { readJsonlLines } from "../report/transcript/jsonl-reader.js";
import { transcriptLineSchemas } from "../report/transcript/transcript-line.js";
import type { ResponseUsage } from "../report/transcript/transcript-state.js";
import { addResponse, emptyTokenCounts, forEachResponse, mergeResponse, type TokenCounts } from "../report/transcript/usage-ledger.js";
import { lazySchema } from "../support/lazy-schema.js";
import type { HistoryFile, ProjectFolder } from "./transcript-tree.js";

/**
 * A project folder's token usage, session by session, in quarter-hour cells: small enough to keep
 * for a year of history, and fine enough that any time zone's days (every UTC offset in use is a
 * multiple of 15 minutes) and 5-hour blocks starting on the hour fall on cell boundaries exactly.
 * De-duplicated as the session reports do (per `message.id:requestId`, largest value of each count),
 * across the whole project folder: a forked or resumed session repeats its parent's responses.
 * A repeated response is counted in the session that opened first (by the first timestamped line
 * of its main file): a `--fork-session` copy keeps the parent's timestamps on the lines it copies
 * but opens with its own, later, queue-operation line, and the parent's file may be written to
 * after the fork, so neither the lines' times nor the files' mtimes tell which came first.
 */

export const QUARTER_HOUR_MS = 15 * 60 * 1000;

export interface UsageCell {
  /** `floor(epoch ms / 15 min)` of the response's first line; null when its lines carry no valid timestamp. */
  readonly quarter: number | null;
  readonly model: string;
  /** Responses served in fast mode (`usage.speed: "fast"`), priced apart. */
  readonly fast: boolean;
  readonly counts: TokenCounts;
}

export interface SessionUsage {
  readonly session_id: string;
  /** The project folder's name (slug of the launch cwd). */
  readonly project: string;
  /** The working directory the session's lines name; null when none does. */
  readonly cwd: string | null;
  readonly first_at: string | null;
  readonly last_at: string | null;
  readonly cells: readonly UsageCell[];
}

export interface ScanCounts {
  files: number;
  bytes: number;
  lines: number;
  /** Lines that are not JSON objects: skipped. */
  corrupt_lines: number;
  /** Last lines without their newline (being written, or cut short): skipped. */
  partial_lines: number;
  /** Assistant lines without the shape Warden reads: skipped. */
  invalid_lines: number;
  /** Distinct API responses counted. */
  responses: number;
  /** Assistant lines repeating a response already counted (split content blocks, forks, resumes). */
  duplicate_lines: number;
}

export function emptyScanCounts(): ScanCounts {
  return { files: 0, bytes: 0, lines: 0, corrupt_lines: 0, partial_lines: 0, invalid_lines: 0, responses: 0, duplicate_lines: 0 };
}

interface SeenResponse {
  usage: ResponseUsage;
  session: string;
  /** Other sessions whose files repeat the response (forks), in reading order. */
  alsoIn?: string[];
  at: number;
}

/** The one field read from the opening lines of a main transcript, whatever their type. */
const openingLineSchema = lazySchema(() => z.looseObject({ timestamp: z.nullish(z.string()) }));

interface SessionFacts {
  cwd: string | null;
  first: number;
  last: number;
}

/** Reads every file of the folder once and returns its sessions' usage; adds what it read to `counts`. */
export async function scanProjectUsage(folder: ProjectFolder, counts: ScanCounts): Promise<SessionUsage[]> {
  const responses = new Map<string, SeenResponse>();
  const sessions = new Map<string, SessionFacts>();
  /** When each session opened: the first timestamp of its main file (epoch ms). */
  const openings = new Map<string, number>();
  for (const file of folder.files) {
    let opened = file.kind !== "main" || file.sessionId == null;
    const read = await readJsonlLines(file.path, 0, (buffer, start, end, nextOffset) => {
      if (!opened && file.sessionId != null) opened = noteOpening(openings, file.sessionId, buffer, start, end);
      collectUsageLine(file, buffer, start, end, `${file.path}@${nextOffset}`, responses, sessions, counts);
    });
    // Gone since the listing (Claude Code deletes old sessions): not read, not counted.
    if (!read.found) continue;
    counts.files++;
    counts.bytes += read.offset;
    if (read.pendingTailBytes > 0) counts.partial_lines++;
  }
  counts.responses += responses.size;
  for (const seen of responses.values()) if (seen.alsoIn != null) seen.session = firstOpened(seen.session, seen.alsoIn, openings);
  return toSessions(folder.slug, responses, sessions);
}

/** Records the session's opening time when the line has a valid timestamp; true once it has. */
function noteOpening(openings: Map<string, number>, session: string, buffer: Buffer, start: number, end: number): boolean {
  let json: unknown;
  try {
    json = JSON.parse(buffer.toString("utf8", start, end));
  } catch {
    return false;
  }
  const parsed = openingLineSchema().safeParse(json);
  const at = parsed.success && parsed.data.timestamp != null ? Date.parse(parsed.data.timestamp) : Number.NaN;
  if (Number.isNaN(at)) return false;
  openings.set(session, at);
  return true;
}

/** Of the sessions showing one response, the one that opened first; the first read on a tie or when unknown. */
function firstOpened(first: string, others: readonly string[], openings: ReadonlyMap<string, number>): string {
  let best = first;
  let bestAt = openings.get(first) ?? Number.POSITIVE_INFINITY;
  for (const session of others) {
    const at = openings.get(session) ?? Number.POSITIVE_INFINITY;
    if (at < bestAt) [best, bestAt] = [session, at];
  }
  return best;
}

function collectUsageLine(
  file: HistoryFile,
  buffer: Buffer,
  start: number,
  end: number,
  lineKey: string,
  responses: Map<string, SeenResponse>,
  sessions: Map<string, SessionFacts>,
  counts: ScanCounts,
): void {
  counts.lines++;
  const peek = peekLine(buffer, start, end);
  if (peek.kind === "corrupt") counts.corrupt_lines++;
  if (peek.kind !== "typed" || peek.type !== "assistant") return;
  let json: unknown;
  try {
    json = JSON.parse(buffer.toString("utf8", start, end));
  } catch {
    counts.corrupt_lines++;
    return;
  }
  const parsed = transcriptLineSchemas().assistantLine.safeParse(json);
  if (!parsed.success) {
    counts.invalid_lines++;
    return;
  }
  const line = parsed.data;
  const session = file.sessionId ?? line.sessionId ?? "unknown";
  const at = line.timestamp == null ? Number.NaN : Date.parse(line.timestamp);
  const cwd = line.cwd == null || line.cwd === "" ? null : line.cwd;
  noteSession(sessions, session, at, cwd);
  const agentId =
    file.kind === "main" ? (line.isSidechain === true ? (line.agentId ?? "sidechain") : null) : (line.agentId ?? file.agentId);
  forEachResponse(line, agentId, lineKey, (key, usage) => {
    const seen = responses.get(key);
    if (seen == null) {
      responses.set(key, { usage, session, at });
      return;
    }
    counts.duplicate_lines++;
    // Merged as the session reports merge it; which session it is counted in is settled once the folder is read.
    seen.usage = mergeResponse(seen.usage, usage);
    if (session !== seen.session && seen.alsoIn?.includes(session) !== true) (seen.alsoIn ??= []).push(session);
    if (Number.isNaN(seen.at) || at < seen.at) seen.at = at;
  });
}

function noteSession(sessions: Map<string, SessionFacts>, session: string, at: number, cwd: string | null): void {
  const facts = sessions.get(session);
  if (facts == null) {
    sessions.set(session, { cwd, first: at, last: at });
    return;
  }
  facts.cwd ??= cwd;
  if (Number.isNaN(facts.first) || at < facts.first) facts.first = at;
  if (Number.isNaN(facts.last) || at > facts.last) facts.last = at;
}

function toSessions(project: string, responses: Map<string, SeenResponse>, sessions: Map<string, SessionFacts>): SessionUsage[] {
  const cells = new Map<string, Map<string, UsageCell>>();
  for (const { usage, session, at } of responses.values()) {
    const quarter = Number.isNaN(at) ? null : Math.floor(at / QUARTER_HOUR_MS);
    const key = `${quarter}\u0000${usage.model}\u0000${usage.fast}`;
    const ofSession = cells.get(session) ?? new Map<string, UsageCell>();
    cells.set(session, ofSession);
    let cell = ofSession.get(key);
    if (cell == null) {
      cell = { quarter, model: usage.model, fast: usage.fast, counts: emptyTokenCounts() };
      ofSession.set(key, cell);
    }
    addResponse(cell.counts, usage);
  }
  return [...sessions.entries()].map(([sessionId, facts]) => ({
    session_id: sessionId,
    project,
    cwd: facts.cwd,
    first_at: isoOrNull(facts.first),
    last_at: isoOrNull(facts.last),
    cells: [...(cells.get(sessionId)?.values() ?? [])],
  }));
}

function isoOrNull(ms: number): string | null {
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
