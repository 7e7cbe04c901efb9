import fs from "node:fs";
import {
  EXPORTED_OTEL_FOLDER,
  loadWardenConfig,
  outboxStatus,
  SessionStore,
  syncPaths,
  teamTarget,
  unsentBytes,
  type TeamTarget,
} from "@warden/core";
import { connectTeamStore, currentVersion, describeDatabaseError, otelLogsEndpoint, TeamStoreError } from "@warden/team-store";
import type { CliIo } from "../cli-io.js";
import { countOf, formatBytes } from "../format.js";
import type { DoctorCheck } from "./doctor-check.js";

const NAME = "team store";

/**
 * With a team store set: its URL, whether it answers, and what waits to be shipped. Records wait
 * safely in the outbox while the store is away, so only a store that cannot be used fails. With
 * the OpenTelemetry export on: whether a collector is named, and what waits to be exported.
 */
export async function teamStoreChecks(io: Pick<CliIo, "env">, project: string, home: string, dataDir: string): Promise<DoctorCheck[]> {
  const team = loadWardenConfig(project, home).team;
  const otel = team.otel_logs === true ? [otelExportCheck(io, dataDir)] : [];
  const target = teamTarget(io.env, team);
  if (target == null) return otel;
  return [await databaseCheck(target, dataDir), ...otel];
}

async function databaseCheck(target: TeamTarget, dataDir: string): Promise<DoctorCheck> {
  const store = new SessionStore(dataDir);
  const pending = fs.existsSync(dataDir) ? outboxStatus(store, undefined) : { sessions: 0, bytes: 0 };
  const waiting =
    pending.sessions === 0
      ? "nothing waits to be shipped"
      : `${countOf(pending.sessions, "session")} (${formatBytes(pending.bytes)}) ${pending.sessions === 1 ? "waits" : "wait"} to be shipped`;
  let display: string = target.urlSource;
  try {
    const connection = connectTeamStore(target.databaseUrl, target.urlSource);
    display = connection.url.display;
    try {
      const version = await currentVersion(connection.sql);
      const schema = version == null ? "not set up yet (the first sync does it)" : `schema version ${version}`;
      return { name: NAME, ok: true, detail: `${display} answers, ${schema}; ${waiting}${lastSyncError(store)}` };
    } finally {
      await connection.close().catch(() => {});
    }
  } catch (error) {
    const problem = error instanceof TeamStoreError ? error : describeDatabaseError(error, display);
    return {
      name: NAME,
      ok: false,
      detail: `${problem.message}; ${waiting}${pending.sessions === 0 ? "" : " (they stay in .warden until a sync reaches the store)"}`,
      fix:
        problem.kind === "unreachable" || problem.kind === "lost"
          ? "start the database or fix the host and port, then run `warden sync`"
          : `fix ${target.urlSource}, then run \`warden sync\``,
    };
  }
}

/**
 * With team.otel_logs on: that a collector is named, and what waits to be exported. The collector
 * is not called: OTLP has no request that checks without sending logs; `warden sync` says if it fails.
 */
function otelExportCheck(io: Pick<CliIo, "env">, dataDir: string): DoctorCheck {
  const name = "OpenTelemetry export";
  const endpoint = otelLogsEndpoint(io.env);
  if (endpoint == null)
    return {
      name,
      ok: false,
      detail: "team.otel_logs is on but no collector is named, so nothing is exported",
      fix: "export OTEL_EXPORTER_OTLP_ENDPOINT=http://HOST:4318 (or OTEL_EXPORTER_OTLP_LOGS_ENDPOINT with the whole URL)",
    };
  const store = new SessionStore(dataDir);
  const waiting = fs.existsSync(dataDir)
    ? store.listSessionIds().filter((id) => unsentBytes(store, id, EXPORTED_OTEL_FOLDER) > 0).length
    : 0;
  return {
    name,
    ok: true,
    detail: `to ${endpoint}; ${waiting === 0 ? "nothing waits to be exported" : `${countOf(waiting, "session")} ${waiting === 1 ? "waits" : "wait"} to be exported`}${lastSyncError(store)}`,
  };
}

/** The last line of the sync error log, when there is one: what went wrong most recently. */
function lastSyncError(store: SessionStore): string {
  let text: string;
  try {
    text = fs.readFileSync(syncPaths(store.paths).errorLog, "utf8");
  } catch {
    return "";
  }
  const last = text.trimEnd().split("\n").at(-1);
  return last == null || last === "" ? "" : `; last sync error: ${last}`;
}
