import { readJsonlLines } from "../report/transcript/jsonl-reader.js";
import { peekLine, skipValue } from "../report/transcript/line-peek.js";
import { transcriptLineSchemas } from "../report/transcript/transcript-line.js";
import type { ResponseUsage } from "../report/transcript/transcript-state.js";
import { addResponse, emptyTokenCounts, forEachResponse, mergeResponse, type TokenCounts } from "../report/transcript/usage-ledger.js";
import { hashLine } from "../provenance/line-text.js";
import type { FileGroup, HistoryFile } from "./transcript-tree.js";

/**
 * A project folder's token usage, session by session, in quarter-hour cells: small enough to keep
 * for a year of history, and fine enough that any time zone's days (every UTC offset in use is a
 * multiple of 15 minutes) and 5-hour blocks starting on the hour fall on cell boundaries exactly.
 * De-duplicated as the session reports do (per `message.id:requestId`, largest value of each count),
 * across the whole project folder: a forked or resumed session repeats its parent's responses.
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
  /** Lines that are not JSON (as far as the type peek walks, and whole for assistant lines): skipped. */
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

const CONTENT_KEY = Buffer.from('"content":');

/**
 * The line as text, with the value of its first `"content"` key replaced by null: in an assistant
 * line that is the message's blocks (tool inputs, thinking, text: most of its bytes), which usage
 * does not need, so they are neither decoded nor parsed. A quote inside a JSON string is escaped,
 * so the key found is a real one; if it were another object's, only fields usage does not read are lost.
 */
function withoutContent(buffer: Buffer, start: number, end: number): string {
  const at = buffer.subarray(start, end).indexOf(CONTENT_KEY);
  const valueStart = start + at + CONTENT_KEY.length;
  const valueEnd = at === -1 ? -1 : skipValue(buffer, valueStart, end);
  if (valueEnd === -1) return buffer.toString("utf8", start, end);
  return `${buffer.toString("utf8", start, valueStart)}null${buffer.toString("utf8", valueEnd, end)}`;
}

interface SeenResponse {
  usage: ResponseUsage;
  session: string;
  at: number;
}

interface SessionFacts {
  cwd: string | null;
  first: number;
  last: number;
}

/** What reading a group gave: its sessions' usage and the (hashed) keys of the responses it counted. */
export interface GroupUsage {
  readonly sessions: readonly SessionUsage[];
  readonly keys: readonly string[];
  /** Key hashes of responses left to the group that counted them first. */
  readonly skipped: readonly string[];
}

/**
 * Reads a group's files, skipping responses whose key hash is in `seen` (counted by a group read
 * before: a fork or resume repeats its parent's responses), and adds the ones it counts to `seen`.
 */
export async function scanGroupUsage(project: string, group: FileGroup, seen: Set<string>, counts: ScanCounts): Promise<GroupUsage> {
  const responses = new Map<string, SeenResponse>();
  const sessions = new Map<string, SessionFacts>();
  const skipped = new Set<string>();
  const context: ScanContext = { responses, sessions, seen, skipped, counts };
  for (const file of group.files) {
    const read = await readJsonlLines(file.path, 0, (buffer, start, end, nextOffset) =>
      collectUsageLine(context, file, buffer, start, end, nextOffset),
    );
    // Gone since the listing (Claude Code deletes old sessions): not read, not counted.
    if (!read.found) continue;
    counts.files++;
    counts.bytes += read.offset;
    if (read.pendingTailBytes > 0) counts.partial_lines++;
  }
  counts.responses += responses.size;
  const keys = [...responses.keys()];
  for (const key of keys) seen.add(key);
  return { sessions: toSessions(project, responses, sessions), keys, skipped: [...skipped] };
}

interface ScanContext {
  /** Keyed by the hash of the response key. */
  readonly responses: Map<string, SeenResponse>;
  readonly sessions: Map<string, SessionFacts>;
  readonly seen: ReadonlySet<string>;
  readonly skipped: Set<string>;
  readonly counts: ScanCounts;
}

function collectUsageLine(context: ScanContext, file: HistoryFile, buffer: Buffer, start: number, end: number, nextOffset: number): void {
  const { responses, sessions, seen, skipped, counts } = context;
  counts.lines++;
  // Only assistant lines carry usage, and most bytes are tool results: the line's type is found
  // without decoding it (a user line names it before its message), and only assistant lines are parsed.
  const peek = peekLine(buffer, start, end);
  if (peek.kind === "corrupt") counts.corrupt_lines++;
  if (peek.kind !== "typed" || peek.type !== "assistant") return;
  let json: unknown;
  try {
    json = JSON.parse(withoutContent(buffer, start, end));
  } catch {
    counts.corrupt_lines++;
    return;
  }
  const parsed = transcriptLineSchemas().assistantLine.safeParse(json);
  if (!parsed.success) {
    counts.invalid_lines++;
    return;
  }
  const assistant = parsed.data;
  const session = file.sessionId ?? assistant.sessionId ?? "unknown";
  const at = assistant.timestamp == null ? Number.NaN : Date.parse(assistant.timestamp);
  const cwd = assistant.cwd == null || assistant.cwd === "" ? null : assistant.cwd;
  noteSession(sessions, session, at, cwd);
  const agentId =
    file.kind === "main"
      ? assistant.isSidechain === true
        ? (assistant.agentId ?? "sidechain")
        : null
      : (assistant.agentId ?? file.agentId);
  // Stands in for the response key of a line without a message id: made only then.
  const lineKey = assistant.message.id == null || assistant.message.id === "" ? `${file.path}@${nextOffset}` : "";
  forEachResponse(assistant, agentId, lineKey, (key, usage) => {
    const hash = hashLine(key);
    if (seen.has(hash)) {
      skipped.add(hash);
      counts.duplicate_lines++;
      return;
    }
    const known = responses.get(hash);
    if (known == null) {
      responses.set(hash, { usage, session, at });
      return;
    }
    counts.duplicate_lines++;
    // Merged as the session reports merge it; the response stays with the session that showed it first.
    known.usage = mergeResponse(known.usage, usage);
    if (Number.isNaN(known.at) || at < known.at) known.at = at;
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
