import path from "node:path";
import { segmentSchema, type CheckpointRecord, type Segment } from "@warden/core";
import { cut, SHIPPED_LIMITS } from "./shipped-limits.js";

/** A commit a session made, as `warden.checkpoints` holds it. */
export interface CheckpointRow {
  session_id: string;
  record_id: number;
  commit: string;
  parents: string[];
  branch: string | null;
  amend_of: string | null;
  repo: string;
  repo_root: string;
  subject: string;
  tool_use_id: string | null;
  committed_at: string;
  lines_added: number;
  lines_ai: number;
  lines_mixed: number;
  lines_human: number;
  lines_unknown: number;
  files: CheckpointRecord["files"];
  prompts: number | null;
  events: number | null;
  warned: number | null;
  blocked: number | null;
  cost_usd: number | null;
  /** Null when the record's segment is not one this Warden can read. */
  segment: Segment | null;
  note: string;
}

/**
 * The row of a checkpoint record (already masked and made storable): the commit, its line counts,
 * and the segment of the session that led to it, whole and as the figures a query sums.
 */
export function checkpointRow(sessionId: string, record: CheckpointRecord): CheckpointRow {
  const parsed = segmentSchema().safeParse(record.segment);
  const segment = parsed.success ? parsed.data : null;
  return {
    session_id: sessionId,
    record_id: record.id,
    commit: record.commit,
    parents: record.parents,
    branch: record.branch,
    amend_of: record.amend_of,
    repo: path.basename(record.repo_root) || record.repo_root,
    repo_root: record.repo_root,
    subject: cut(record.subject, SHIPPED_LIMITS.subjectChars),
    tool_use_id: record.tool_use_id,
    committed_at: record.timestamp,
    lines_added: record.lines.added,
    lines_ai: record.lines.ai,
    lines_mixed: record.lines.mixed,
    lines_human: record.lines.human,
    lines_unknown: record.lines.unknown,
    files: record.files.slice(0, SHIPPED_LIMITS.commitFiles),
    prompts: segment?.prompts ?? null,
    events: segment?.events ?? null,
    warned: segment?.verdicts.warned ?? null,
    blocked: segment?.verdicts.blocked ?? null,
    // A segment with an unpriced model has only part of its cost: unknown, as for sessions.
    cost_usd: segment == null || segment.unpriced_models.length > 0 ? null : segment.cost_usd,
    segment,
    note: cut(record.note, SHIPPED_LIMITS.messageChars),
  };
}
