import type { Sql } from "postgres";
import { TABLES_SQL } from "./migrations/0001-tables.js";
import { USAGE_SQL } from "./migrations/0002-usage.js";
import { CHECKPOINTS_SQL } from "./migrations/0003-checkpoints.js";
import { TeamStoreError } from "./team-store-error.js";

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** In order; a version is never edited once released, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: "tables", sql: TABLES_SQL },
  { version: 2, name: "usage", sql: USAGE_SQL },
  { version: 3, name: "checkpoints", sql: CHECKPOINTS_SQL },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Any 64-bit number unique to Warden: the advisory lock every migrating client takes first. */
const MIGRATION_LOCK = 0x5741_5244_454e;

export interface MigrationOutcome {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly number[];
}

/**
 * Brings the `warden` schema to this Warden's version in one transaction, under an advisory lock
 * so clients migrating at once apply each step once. A store already newer than this Warden is
 * refused: writing rows an older Warden does not know the shape of could lose their meaning.
 */
export async function migrate(sql: Sql, options: { readonly upTo?: number } = {}): Promise<MigrationOutcome> {
  const target = options.upTo ?? SCHEMA_VERSION;
  // A store already up to date is only read: a role with no right to create (a least-privilege
  // role for developers, the schema made once by an admin) can ship.
  const current = await currentVersion(sql);
  if (current != null && current >= target) {
    refuseNewer(current);
    return { from: current, to: current, applied: [] };
  }
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`create schema if not exists warden`;
    await tx`
      create table if not exists warden.schema_migrations (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`;
    const rows = await tx<{ version: number }[]>`select version from warden.schema_migrations order by version`;
    const done = new Set(rows.map((r) => r.version));
    const from = Math.max(0, ...done);
    refuseNewer(from);
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (migration.version > target || done.has(migration.version)) continue;
      await tx.unsafe(migration.sql);
      await tx`insert into warden.schema_migrations (version, name) values (${migration.version}, ${migration.name})`;
      applied.push(migration.version);
    }
    return { from, to: Math.max(from, ...applied), applied };
  });
}

/** The store's schema version; null when it has no Warden schema yet. */
export async function currentVersion(sql: Sql): Promise<number | null> {
  const [table] = await sql<{ present: boolean }[]>`select to_regclass('warden.schema_migrations') is not null as present`;
  if (table?.present !== true) return null;
  const [row] = await sql<{ version: number | null }[]>`select max(version) as version from warden.schema_migrations`;
  return row?.version ?? 0;
}

function refuseNewer(version: number): void {
  if (version > SCHEMA_VERSION)
    throw new TeamStoreError(
      "schema",
      `the team store's schema is at version ${version}, newer than this Warden knows (${SCHEMA_VERSION}): update Warden`,
    );
}
