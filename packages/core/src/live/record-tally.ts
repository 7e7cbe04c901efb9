import fs from "node:fs";
import * as z from "zod/mini";
import { lazySchema } from "../support/lazy-schema.js";
import { severitySchema, verdictSchema } from "../verdict.js";
import { readJsonlLines } from "../report/transcript/jsonl-reader.js";
import { parseRecordLine, readSessionLog } from "../store/session-log.js";
import type { SessionRecord } from "../store/session-record.js";
import { describeToolCall } from "../report/render/describe-tool-call.js";

/**
 * What a live view needs from a session's records, kept as running totals with the byte offset
 * reached, so each refresh reads only the records appended since the last one.
 */

/** The most recent calls a tally keeps; `warden watch` shows at most this many. */
export const RECENT_CALLS = 20;

/** The longest description of a call kept (the views cut it shorter). */
const WHAT_CHARS = 120;

const schemas = lazySchema(() => {
  const counter = z.number().check(z.int(), z.nonnegative());
  const call = z.object({
    record_id: counter,
    timestamp: z.string(),
    tool_name: z.string(),
    what: z.string(),
    verdict: verdictSchema(),
    severity: z.nullable(severitySchema()),
    reason: z.nullable(z.string()),
  });
  const tally = z.object({
    /** Byte offset just past the last complete record line read. */
    offset: counter,
    calls: counter,
    verdicts: z.object({ allowed: counter, warned: counter, blocked: counter }),
    /** The last RECENT_CALLS calls, oldest first. */
    recent: z.array(call),
    /** The last call the guard warned about or blocked. */
    last_flagged: z.nullable(call),
    /** From the last init or resume record. */
    transcript_path: z.nullable(z.string()),
    project_dir: z.nullable(z.string()),
    started_at: z.nullable(z.string()),
    last_record_at: z.nullable(z.string()),
    /** Set by an end record; a later resume clears it. */
    ended: z.nullable(z.object({ reason: z.string(), ended_at: z.string() })),
  });
  return { call, tally };
});

export const recordTallySchema = (): ReturnType<typeof schemas>["tally"] => schemas().tally;
export type LiveCall = z.infer<ReturnType<typeof schemas>["call"]>;
export type RecordTally = z.infer<ReturnType<typeof schemas>["tally"]>;

export function emptyTally(): RecordTally {
  return {
    offset: 0,
    calls: 0,
    verdicts: { allowed: 0, warned: 0, blocked: 0 },
    recent: [],
    last_flagged: null,
    transcript_path: null,
    project_dir: null,
    started_at: null,
    last_record_at: null,
    ended: null,
  };
}

/**
 * The tally with the records appended to `logPath` since `tally.offset` added. A file shorter than
 * the offset was replaced, and is counted again from its start; a session left only gzipped
 * (`warden clean --compress`, ended sessions only) is counted whole.
 */
export async function advanceTally(logPath: string, tally: RecordTally): Promise<RecordTally> {
  const size = fileSize(logPath);
  if (size == null) return fs.existsSync(`${logPath}.gz`) ? tallyOf(readSessionLog(logPath).records, 0) : tally;
  const next = size < tally.offset ? emptyTally() : structuredClone(tally);
  const read = await readJsonlLines(logPath, next.offset, (buffer, start, end) => {
    const record = parseRecordLine(buffer.toString("utf8", start, end));
    if (record != null) addRecord(next, record);
  });
  next.offset = read.offset;
  return next;
}

function tallyOf(records: readonly SessionRecord[], offset: number): RecordTally {
  const tally = emptyTally();
  for (const record of records) addRecord(tally, record);
  tally.offset = offset;
  return tally;
}

function addRecord(tally: RecordTally, record: SessionRecord): void {
  tally.last_record_at = record.timestamp;
  switch (record.type) {
    case "init":
      tally.started_at ??= record.timestamp;
      tally.project_dir = record.project_dir;
      tally.transcript_path = record.transcript_path ?? tally.transcript_path;
      tally.ended = null;
      return;
    case "resume":
      tally.transcript_path = record.transcript_path ?? tally.transcript_path;
      tally.ended = null;
      return;
    case "end":
      tally.ended = { reason: record.reason, ended_at: record.ended_at };
      return;
    case "event": {
      const call: LiveCall = {
        record_id: record.id,
        timestamp: record.timestamp_start,
        tool_name: record.tool_name,
        what: describeToolCall(record.tool_name, record.tool_input, tally.project_dir, WHAT_CHARS),
        verdict: record.verdict,
        severity: record.severity,
        reason: record.reason ?? null,
      };
      tally.calls++;
      tally.verdicts[record.verdict]++;
      tally.recent = [...tally.recent, call].slice(-RECENT_CALLS);
      if (record.verdict !== "allowed") tally.last_flagged = call;
      return;
    }
    default:
      return;
  }
}

function fileSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}
