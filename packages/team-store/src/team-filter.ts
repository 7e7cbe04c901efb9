import type { Sql } from "postgres";

/**
 * Which sessions a team view covers: by start time (inclusive since, exclusive until), developer,
 * project. The commits view takes since and until as the commits' time.
 */
export interface TeamFilter {
  readonly since?: string;
  readonly until?: string;
  readonly user?: string;
  readonly project?: string;
}

/** The filter on sessions `s`, with since and until on their start or on `time`; every view reads through it. */
export function where(sql: Sql, f: TeamFilter, time = sql`s.started_at`) {
  return sql`true
    ${f.since == null ? sql`` : sql`and ${time} >= ${f.since}`}
    ${f.until == null ? sql`` : sql`and ${time} < ${f.until}`}
    ${f.user == null ? sql`` : sql`and s.user_name = ${f.user}`}
    ${f.project == null ? sql`` : sql`and s.project = ${f.project}`}`;
}

export function nullableString(value: unknown): string | null {
  return value == null ? null : String(value);
}

export function numberOrNull(value: unknown): number | null {
  return value == null ? null : Number(value);
}

export function isoOrNull(value: unknown): string | null {
  if (value == null) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}
