export { connectTeamStore, type TeamConnection } from "./connect.js";
export { type DatabaseUrl, parseDatabaseUrl } from "./database-url.js";
export { currentVersion, migrate, type MigrationOutcome, SCHEMA_VERSION } from "./migrate.js";
export { rowsOfRecords, SHIPPED_LIMITS } from "./record-rows.js";
export { DEFAULT_BATCH, DEFAULT_STALL_MS, type SyncResult, syncToTeamStore } from "./sync-store.js";
export {
  type CostPeriod,
  type TeamFilter,
  type TeamFinding,
  type TeamSession,
  teamCost,
  teamFindings,
  teamSessions,
} from "./team-queries.js";
export { describeDatabaseError, TeamStoreError, type TeamStoreErrorKind } from "./team-store-error.js";
export { exportOtelLogs, type OtelExportResult, otelLogsEndpoint } from "./otel-export.js";
