import { loadWardenConfig, teamTarget, type TeamTarget } from "@warden/core";
import { parseDatabaseUrl } from "@warden/team-store";
import { CliFailure, type CliIo } from "./cli-io.js";
import { homeOf } from "./data-dir.js";

/** The team store the commands use, its URL checked; a clear failure when none is set. */
export function requireTeamTarget(projectDir: string, io: Pick<CliIo, "env">): TeamTarget {
  const config = loadWardenConfig(projectDir, homeOf(io));
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
