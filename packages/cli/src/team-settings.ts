import { loadWardenConfig, teamIdentity, teamTarget, type ResolvedConfig, type TeamTarget } from "@warden/core";
import { otelLogsEndpoint, parseDatabaseUrl } from "@warden/team-store";
import { CliFailure, type CliIo } from "./cli-io.js";
import { homeOf } from "./data-dir.js";

/** The team store the commands use, its URL checked; a clear failure when none is set. */
export function requireTeamTarget(projectDir: string, io: Pick<CliIo, "env">): TeamTarget {
  return checkedTeamTarget(loadWardenConfig(projectDir, homeOf(io)), io);
}

function checkedTeamTarget(config: ResolvedConfig, io: Pick<CliIo, "env">): TeamTarget {
  const target = teamTarget(io.env, config.team);
  if (target == null) {
    // A URL put in the project's file is ignored on purpose; say so, or the user wonders why it is "not set".
    const ignored = config.errors.find((e) => e.includes("team.database_url is ignored"));
    throw new CliFailure(
      "no team store is set: export WARDEN_DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/DATABASE, " +
        `or put {"team": {"database_url": "…"}} in ~/.claude/warden.json (see the README, "Team store")${ignored == null ? "" : `; ${ignored}`}`,
    );
  }
  parseDatabaseUrl(target.databaseUrl, target.urlSource);
  return target;
}

/** Where `warden sync` sends a project's records: the database, the OpenTelemetry collector, or both. */
export interface SyncDestinations {
  readonly database: TeamTarget | undefined;
  readonly otel: { readonly endpoint: string; readonly identity: { readonly user: string; readonly machine: string } } | undefined;
}

/** The destinations set for this project; a clear failure when none is, or when otel_logs names no collector. */
export function requireSyncDestinations(projectDir: string, io: Pick<CliIo, "env">): SyncDestinations {
  const config = loadWardenConfig(projectDir, homeOf(io));
  if (config.team.otel_logs !== true) return { database: checkedTeamTarget(config, io), otel: undefined };
  const endpoint = otelLogsEndpoint(io.env);
  if (endpoint == null)
    throw new CliFailure(
      "team.otel_logs is on but no OpenTelemetry collector is set: export OTEL_EXPORTER_OTLP_ENDPOINT=http://HOST:4318 (the logs go to its /v1/logs), or OTEL_EXPORTER_OTLP_LOGS_ENDPOINT with the whole URL; headers (an API key) go in OTEL_EXPORTER_OTLP_HEADERS",
    );
  const otel = { endpoint, identity: teamIdentity(io.env, config.team) };
  // The collector alone is a complete setup: no database is needed then.
  const database = teamTarget(io.env, config.team) == null ? undefined : checkedTeamTarget(config, io);
  return { database, otel };
}
