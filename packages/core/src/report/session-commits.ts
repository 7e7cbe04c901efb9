import { segmentSchema, type Segment } from "../provenance/trace-note.js";
import type { CheckpointRecord, SessionRecord } from "../store/session-record.js";
import { aiShare } from "../provenance/commit-attribution.js";
import type { ReportCommit } from "./report-model.js";

/** How many characters of a hash the reports show; the full one stays in the data. */
const SHORT_HASH = 7;

/** The commits a session made, from its checkpoint records, in the order they were made. */
export function commitsOf(records: readonly SessionRecord[]): ReportCommit[] {
  return records.flatMap((r) => (r.type === "checkpoint" ? [reportCommit(r)] : []));
}

export function reportCommit(record: CheckpointRecord): ReportCommit {
  return {
    commit: record.commit,
    short: record.commit.slice(0, SHORT_HASH),
    subject: record.subject,
    branch: record.branch,
    amend_of: record.amend_of,
    repo_root: record.repo_root,
    committed_at: record.timestamp,
    lines: { ...record.lines },
    ai_share: aiShare(record.lines),
    files: record.files.map((f) => ({ ...f })),
    segment: segmentFigures(record.segment),
    note: record.note,
  };
}

/** The segment's figures; a segment Warden could not take (or wrote in another shape) is null, never a guess. */
function segmentFigures(value: unknown): ReportCommit["segment"] {
  const parsed = segmentSchema().safeParse(value);
  if (!parsed.success) return null;
  const segment: Segment = parsed.data;
  const tokensKnown = segment.transcript != null;
  return {
    prompts: segment.prompts,
    events: segment.events,
    verdicts: { ...segment.verdicts },
    flagged_count: segment.verdicts.warned + segment.verdicts.blocked,
    flagged: segment.flagged.map((f) => ({
      record_id: f.record_id,
      tool_name: f.tool_name,
      verdict: f.verdict,
      severity: f.severity,
      rules: [...f.rules],
      what: f.what,
    })),
    tokens: tokensKnown ? { ...segment.tokens } : null,
    cost_usd: tokensKnown && segment.unpriced_models.length === 0 ? segment.cost_usd : null,
    unpriced_models: [...segment.unpriced_models],
    models: [...segment.models],
  };
}
