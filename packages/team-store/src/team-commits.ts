import type { Sql } from "postgres";
import { isoOrNull, nullableString, numberOrNull, where, type TeamFilter } from "./team-filter.js";

export interface TeamCommit {
  readonly commit: string;
  readonly parents: readonly string[];
  readonly branch: string | null;
  /** The commit this one amended; null for a new commit. */
  readonly amend_of: string | null;
  readonly subject: string;
  /** The repository folder's name. */
  readonly repo: string;
  readonly committed_at: string;
  readonly session_id: string;
  readonly user: string;
  readonly machine: string;
  readonly project: string;
  /** The commit's added lines by who wrote them. */
  readonly lines: { readonly added: number; readonly ai: number; readonly mixed: number; readonly human: number; readonly unknown: number };
  /** Lines the model wrote, as a part of the added lines (0..1); null for a commit that added none. */
  readonly ai_share: number | null;
  /** What the session did since its previous commit; null when its record did not say. */
  readonly segment: {
    readonly prompts: number;
    readonly events: number;
    readonly warned: number;
    readonly blocked: number;
    /** Null when a model had no price. */
    readonly cost_usd: number | null;
  } | null;
  /** Whether the git note was written: `written`, `off`, or why not. */
  readonly note: string;
}

/** The commits sessions made, newest first; since and until are the commits' time. */
export async function teamCommits(sql: Sql, filter: TeamFilter, limit: number): Promise<TeamCommit[]> {
  const rows = await sql`
    select c.*, s.user_name, s.machine, s.project,
      round(c.lines_ai::numeric / nullif(c.lines_added, 0), 4) as ai_share
    from warden.checkpoints c join warden.sessions s using (session_id)
    where ${where(sql, filter, sql`c.committed_at`)}
    order by c.committed_at desc, c.session_id, c.record_id
    limit ${limit}`;
  return rows.map((r) => ({
    commit: String(r.commit),
    parents: Array.isArray(r.parents) ? r.parents.map(String) : [],
    branch: nullableString(r.branch),
    amend_of: nullableString(r.amend_of),
    subject: String(r.subject),
    repo: String(r.repo),
    committed_at: isoOrNull(r.committed_at) ?? "",
    session_id: String(r.session_id),
    user: String(r.user_name),
    machine: String(r.machine),
    project: String(r.project),
    lines: {
      added: Number(r.lines_added),
      ai: Number(r.lines_ai),
      mixed: Number(r.lines_mixed),
      human: Number(r.lines_human),
      unknown: Number(r.lines_unknown),
    },
    ai_share: numberOrNull(r.ai_share),
    segment:
      r.events == null
        ? null
        : {
            prompts: Number(r.prompts),
            events: Number(r.events),
            warned: Number(r.warned),
            blocked: Number(r.blocked),
            cost_usd: numberOrNull(r.cost_usd),
          },
    note: String(r.note),
  }));
}
