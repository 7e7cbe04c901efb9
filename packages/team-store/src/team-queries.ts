import type { Sql } from "postgres";
import { isoOrNull, nullableString, numberOrNull, where, type TeamFilter } from "./team-filter.js";

export interface TeamSession {
  readonly session_id: string;
  readonly user: string;
  readonly machine: string;
  readonly project: string;
  readonly project_dir: string | null;
  readonly git_branch: string | null;
  readonly started_at: string | null;
  readonly ended_at: string | null;
  readonly end_reason: string | null;
  /** Null while unknown: no report shipped yet, or a model without a price. */
  readonly cost_usd: number | null;
  /** Recorded tool events. */
  readonly events: number;
  readonly verdicts: { readonly allowed: number; readonly warned: number; readonly blocked: number };
  readonly prompts: number;
  readonly findings: number;
}

export async function teamSessions(sql: Sql, filter: TeamFilter, limit: number): Promise<TeamSession[]> {
  const rows = await sql`
    select * from warden.session_totals s
    where ${where(sql, filter)}
    order by s.started_at desc nulls last, s.session_id
    limit ${limit}`;
  return rows.map((r) => ({
    session_id: String(r.session_id),
    user: String(r.user_name),
    machine: String(r.machine),
    project: String(r.project),
    project_dir: nullableString(r.project_dir),
    git_branch: nullableString(r.git_branch),
    started_at: isoOrNull(r.started_at),
    ended_at: isoOrNull(r.ended_at),
    end_reason: nullableString(r.end_reason),
    cost_usd: numberOrNull(r.cost_usd),
    events: Number(r.events),
    verdicts: { allowed: Number(r.allowed), warned: Number(r.warned), blocked: Number(r.blocked) },
    prompts: Number(r.prompts),
    findings: Number(r.findings),
  }));
}

export interface CostPeriod {
  readonly period: string;
  readonly sessions: number;
  /** Sessions counted in `sessions` whose cost is not (yet) known, so not in `cost_usd`. */
  readonly unknown_cost_sessions: number;
  readonly cost_usd: number;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_creation_input_tokens: number;
  readonly cache_read_input_tokens: number;
  readonly users: number;
}

/** Cost and tokens per day or month of session start (UTC), and the total over the same sessions. */
export async function teamCost(sql: Sql, filter: TeamFilter, by: "day" | "month"): Promise<{ periods: CostPeriod[]; total: CostPeriod }> {
  const format = by === "day" ? "YYYY-MM-DD" : "YYYY-MM";
  const rows = await sql`
    with chosen as (
      select s.session_id, s.user_name, s.cost_usd,
        coalesce(to_char(s.started_at at time zone 'UTC', ${format}), 'unknown') as period
      from warden.sessions s where ${where(sql, filter)}
    ), tokens as (
      select u.session_id, sum(u.input_tokens) as input_tokens, sum(u.output_tokens) as output_tokens,
        sum(u.cache_creation_input_tokens) as cache_creation_input_tokens, sum(u.cache_read_input_tokens) as cache_read_input_tokens
      from warden.usage u join chosen c using (session_id) group by u.session_id
    )
    select grouping(c.period) as is_total, c.period, count(*) as sessions,
      count(*) filter (where c.cost_usd is null) as unknown_cost_sessions,
      coalesce(sum(c.cost_usd), 0) as cost_usd,
      coalesce(sum(t.input_tokens), 0) as input_tokens, coalesce(sum(t.output_tokens), 0) as output_tokens,
      coalesce(sum(t.cache_creation_input_tokens), 0) as cache_creation_input_tokens,
      coalesce(sum(t.cache_read_input_tokens), 0) as cache_read_input_tokens,
      count(distinct c.user_name) as users
    from chosen c left join tokens t using (session_id)
    group by rollup (c.period)
    order by is_total, c.period`;
  const periods = rows.map((r) => ({
    period: r.is_total === 1 || r.is_total === "1" ? "total" : String(r.period),
    sessions: Number(r.sessions),
    unknown_cost_sessions: Number(r.unknown_cost_sessions),
    cost_usd: Number(r.cost_usd),
    input_tokens: Number(r.input_tokens),
    output_tokens: Number(r.output_tokens),
    cache_creation_input_tokens: Number(r.cache_creation_input_tokens),
    cache_read_input_tokens: Number(r.cache_read_input_tokens),
    users: Number(r.users),
  }));
  const total = periods.find((p) => p.period === "total") ?? emptyTotal();
  return { periods: periods.filter((p) => p !== total), total };
}

function emptyTotal(): CostPeriod {
  return {
    period: "total",
    sessions: 0,
    unknown_cost_sessions: 0,
    cost_usd: 0,
    input_tokens: 0,
    output_tokens: 0,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    users: 0,
  };
}

export interface TeamFinding {
  readonly session_id: string;
  readonly record_id: number;
  readonly user: string;
  readonly project: string;
  readonly found_at: string;
  /** `tool`: in a tool call or its output; `prompt`: in a prompt. */
  readonly subject: string;
  readonly tool_name: string | null;
  readonly verdict: string;
  readonly rule: string;
  readonly severity: string;
  readonly category: string | null;
  readonly message: string | null;
  readonly excerpt: string | null;
}

/** Newest first; `rule` keeps one rule's findings. */
export async function teamFindings(sql: Sql, filter: TeamFilter & { readonly rule?: string }, limit: number): Promise<TeamFinding[]> {
  const rows = await sql`
    select f.*, s.user_name, s.project from warden.findings f join warden.sessions s using (session_id)
    where ${where(sql, filter)} ${filter.rule == null ? sql`` : sql`and f.rule = ${filter.rule}`}
    order by f.found_at desc, f.session_id, f.record_id, f.ordinal
    limit ${limit}`;
  return rows.map((r) => ({
    session_id: String(r.session_id),
    record_id: Number(r.record_id),
    user: String(r.user_name),
    project: String(r.project),
    found_at: isoOrNull(r.found_at) ?? "",
    subject: String(r.subject),
    tool_name: nullableString(r.tool_name),
    verdict: String(r.verdict),
    rule: String(r.rule),
    severity: String(r.severity),
    category: nullableString(r.category),
    message: nullableString(r.message),
    excerpt: nullableString(r.excerpt),
  }));
}
