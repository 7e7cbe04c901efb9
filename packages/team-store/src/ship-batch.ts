import type { Sql, TransactionSql } from "postgres";
import type { ReportModel } from "@warden/core";
import type { CheckpointRow } from "./checkpoint-rows.js";
import type { EventRow, FindingRow, PromptRow, SessionPatch, ShipRows } from "./record-rows.js";

/** Rows newly stored by one batch; rows the store already had are not counted (a resend). */
export interface BatchCounts {
  readonly events: number;
  readonly prompts: number;
  readonly findings: number;
  readonly checkpoints: number;
  /** Rows the store already held: a batch sent again after a crash or a lost reply. */
  readonly duplicates: number;
}

/** Rows per INSERT: the widest table's 24 columns x 1,000 stay far under PostgreSQL's 65,535 parameters per statement. */
const ROWS_PER_INSERT = 1000;

/**
 * Stores one batch in one transaction: all of it or none of it. Rows are keyed by session and
 * record id and inserted with ON CONFLICT DO NOTHING, so sending a batch again stores nothing new.
 * The session row takes what the batch knows and keeps what it does not.
 */
export async function shipBatch(sql: Sql, rows: ShipRows, report: ReportModel | undefined): Promise<BatchCounts> {
  return sql.begin(async (tx) => {
    await upsertSession(tx, rows.session);
    const events = await insertRows(tx, "events", rows.events, EVENT_COLUMNS);
    const prompts = await insertRows(tx, "prompts", rows.prompts, PROMPT_COLUMNS);
    const findings = await insertRows(tx, "findings", rows.findings, FINDING_COLUMNS);
    const checkpoints = await insertRows(tx, "checkpoints", rows.checkpoints, CHECKPOINT_COLUMNS);
    if (report != null) await storeReport(tx, rows.session.session_id, report);
    const sent = rows.events.length + rows.prompts.length + rows.findings.length + rows.checkpoints.length;
    return { events, prompts, findings, checkpoints, duplicates: sent - events - prompts - findings - checkpoints };
  });
}

const EVENT_COLUMNS = [
  "session_id",
  "record_id",
  "tool_use_id",
  "tool_name",
  "mcp_server",
  "agent_id",
  "prompt_id",
  "outcome",
  "verdict",
  "severity",
  "rules",
  "reason",
  "started_at",
  "ended_at",
  "duration_ms",
  "scan_time_ms",
  "is_error",
  "working_dir",
  "files",
  "tool_input",
  "output_preview",
  "output_bytes",
] as const satisfies readonly (keyof EventRow)[];

const PROMPT_COLUMNS = [
  "session_id",
  "record_id",
  "prompt_id",
  "submitted_at",
  "verdict",
  "prompt",
] as const satisfies readonly (keyof PromptRow)[];

const FINDING_COLUMNS = [
  "session_id",
  "record_id",
  "ordinal",
  "subject",
  "tool_name",
  "found_at",
  "verdict",
  "rule",
  "severity",
  "category",
  "message",
  "excerpt",
] as const satisfies readonly (keyof FindingRow)[];

const CHECKPOINT_COLUMNS = [
  "session_id",
  "record_id",
  "commit",
  "parents",
  "branch",
  "amend_of",
  "repo",
  "repo_root",
  "subject",
  "tool_use_id",
  "committed_at",
  "lines_added",
  "lines_ai",
  "lines_mixed",
  "lines_human",
  "lines_unknown",
  "files",
  "prompts",
  "events",
  "warned",
  "blocked",
  "cost_usd",
  "segment",
  "note",
] as const satisfies readonly (keyof CheckpointRow)[];

async function insertRows<R extends object>(
  tx: TransactionSql,
  table: "events" | "prompts" | "findings" | "checkpoints",
  rows: readonly R[],
  columns: readonly (keyof R & string)[],
): Promise<number> {
  let stored = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const part = rows.slice(i, i + ROWS_PER_INSERT);
    const result = await tx`insert into ${tx("warden")}.${tx(table)} ${tx(part, columns)} on conflict do nothing`;
    stored += result.count;
  }
  return stored;
}

async function upsertSession(tx: TransactionSql, s: SessionPatch): Promise<void> {
  const ended = s.end?.state === "ended" ? s.end : undefined;
  const endChange = s.end?.state ?? "none";
  await tx`
    insert into warden.sessions as cur (session_id, user_name, machine, project, project_dir, git_branch, git_commit,
      started_at, ended_at, end_reason, warden_version)
    values (${s.session_id}, ${s.user_name}, ${s.machine}, ${s.project ?? "unknown"}, ${s.project_dir}, ${s.git_branch},
      ${s.git_commit}, ${s.started_at}, ${ended?.at ?? null}, ${ended?.reason ?? null}, ${s.warden_version})
    on conflict (session_id) do update set
      user_name = excluded.user_name,
      machine = excluded.machine,
      project = case when ${s.project}::text is null then cur.project else excluded.project end,
      project_dir = coalesce(excluded.project_dir, cur.project_dir),
      git_branch = coalesce(excluded.git_branch, cur.git_branch),
      git_commit = coalesce(excluded.git_commit, cur.git_commit),
      started_at = least(excluded.started_at, cur.started_at),
      ended_at = case ${endChange} when 'ended' then excluded.ended_at when 'reopened' then null else cur.ended_at end,
      end_reason = case ${endChange} when 'ended' then excluded.end_reason when 'reopened' then null else cur.end_reason end,
      warden_version = coalesce(excluded.warden_version, cur.warden_version),
      last_shipped_at = now()`;
}

/** The session's cost and its tokens per model, as its latest report counts them (replacing older figures). */
async function storeReport(tx: TransactionSql, sessionId: string, report: ReportModel): Promise<void> {
  const { session } = report;
  await tx`
    update warden.sessions set
      cost_usd = ${report.cost_usd},
      started_at = coalesce(started_at, ${session.started_at}),
      ended_at = coalesce(${session.ended_at}, ended_at),
      end_reason = coalesce(${session.end_reason}, end_reason)
    where session_id = ${sessionId}`;
  await tx`delete from warden.usage where session_id = ${sessionId}`;
  const usage = Object.entries(report.models).map(([model, m]) => ({
    session_id: sessionId,
    model,
    input_tokens: m.input_tokens,
    output_tokens: m.output_tokens,
    cache_creation_input_tokens: m.cache_creation_input_tokens,
    cache_read_input_tokens: m.cache_read_input_tokens,
    api_calls: m.api_calls,
    cost_usd: m.cost_usd,
  }));
  if (usage.length > 0) await tx`insert into warden.usage ${tx(usage)}`;
}
