import fs from "node:fs";
import { loadWardenConfig, outboxStatus, SessionStore, syncPaths, teamTarget } from "@warden/core";
import { connectTeamStore, currentVersion, describeDatabaseError, TeamStoreError } from "@warden/team-store";
import type { CliIo } from "../cli-io.js";
import { countOf, formatBytes } from "../format.js";
import type { DoctorCheck } from "./doctor-check.js";

const NAME = "team store";

/**
 * With a team store set: its URL, whether it answers, and what waits to be shipped. Records wait
 * safely in the outbox while the store is away, so only a store that cannot be used fails.
 */
export async function teamStoreChecks(io: Pick<CliIo, "env">, project: string, home: string, dataDir: string): Promise<DoctorCheck[]> {
  const target = teamTarget(io.env, loadWardenConfig(project, home).team);
  if (target == null) return [];
  const store = new SessionStore(dataDir);
  const pending = fs.existsSync(dataDir) ? outboxStatus(store, undefined) : { sessions: 0, bytes: 0 };
  const waiting =
    pending.sessions === 0
      ? "nothing waits to be shipped"
      : `${countOf(pending.sessions, "session")} (${formatBytes(pending.bytes)}) wait to be shipped`;
  let display: string = target.urlSource;
  try {
    const connection = connectTeamStore(target.databaseUrl, target.urlSource);
    display = connection.url.display;
    try {
      const version = await currentVersion(connection.sql);
      const schema = version == null ? "not set up yet (the first sync does it)" : `schema version ${version}`;
      return [{ name: NAME, ok: true, detail: `${display} answers, ${schema}; ${waiting}${lastSyncError(store)}` }];
    } finally {
      await connection.close().catch(() => {});
    }
  } catch (error) {
    const problem = error instanceof TeamStoreError ? error : describeDatabaseError(error, display);
    return [
      {
        name: NAME,
        ok: false,
        detail: `${problem.message}; ${waiting}${pending.sessions === 0 ? "" : " (they stay in .warden until a sync reaches the store)"}`,
        fix:
          problem.kind === "unreachable" || problem.kind === "lost"
            ? "start the database or fix the host and port, then run `warden sync`"
            : `fix ${target.urlSource}, then run \`warden sync\``,
      },
    ];
  }
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
