import postgres, { type Sql } from "postgres";
import { parseDatabaseUrl, type DatabaseUrl } from "./database-url.js";

export interface TeamConnection {
  readonly sql: Sql;
  readonly url: DatabaseUrl;
  close(): Promise<void>;
}

/**
 * One connection to the team store (a sync is one stream of transactions). The client connects
 * lazily: the first query is where an unreachable server or a bad password shows.
 */
export function connectTeamStore(text: string, source: string): TeamConnection {
  const url = parseDatabaseUrl(text, source);
  const sql = postgres(url.url, {
    max: 1,
    connect_timeout: 10,
    idle_timeout: 0,
    // Row counts and money come back as strings from PostgreSQL; callers convert what they read.
    onnotice: () => {},
    connection: { application_name: "warden" },
  });
  return { sql, url, close: () => sql.end({ timeout: 5 }) };
}
