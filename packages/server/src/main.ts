import http from "node:http";
import path from "node:path";
import {
  ensureServerDir,
  newServerSecrets,
  realWorld,
  removeServerState,
  serverBuildOf,
  serverPaths,
  writeServerState,
} from "@warden/core";
import { createResidentServer } from "./resident-server.js";
import { servedHooks } from "./served-hooks.js";
import { startWatchdog } from "./watchdog.js";

/**
 * The resident server: started detached by `warden server start` or by the SessionStart hook,
 * listening on a port of loopback the system picks, announced in the state file. Its own
 * process boundary: a call's failure is handled by runHook as in a command hook; anything else
 * is logged and ends the process (its clients then run the hooks themselves until the next start).
 */
const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;
// Longer than any legitimate stall: a session lock held by a dying hook (7 s) or a scan of a 64 MiB payload.
const STALL_MS = 20_000;
const log = (line: string): void => void process.stderr.write(`${new Date().toISOString()} [${process.pid}] ${line}\n`);

const world = realWorld();
const script = process.argv[1] ?? "";
const paths = serverPaths(process.env, world.home);
// The variables of the session that started the server are not every session's: each call brings its own.
const env = { ...process.env };
for (const name of ["CLAUDE_PROJECT_DIR", "WARDEN_DIR", "CLAUDE_PLUGIN_ROOT", "CLAUDE_PLUGIN_DATA", "WARDEN_CLAUDE_PID"]) delete env[name];

process.on("uncaughtException", (error) => {
  log(`stopping on an unexpected error: ${error.stack ?? error.message}`);
  removeServerState(paths, process.pid);
  process.exit(1);
});

ensureServerDir(paths);
const build = serverBuildOf(script);
const secrets = newServerSecrets();
const startedAt = new Date().toISOString();
const server = http.createServer({ headersTimeout: 5_000, requestTimeout: 60_000, maxHeaderSize: 16 * 1024 });
server.listen({ host: "127.0.0.1", port: 0 }, () => {
  const address = server.address();
  if (address == null || typeof address === "string") throw new Error("the server has no TCP address");
  const state = { pid: process.pid, port: address.port, build, ...secrets };
  server.on(
    "request",
    createResidentServer({
      hooks: servedHooks,
      state,
      world: { ...world, env, claudePid: null, hooksDir: path.dirname(path.resolve(script)), longLived: true },
      startedAt,
      maxPayloadBytes: MAX_PAYLOAD_BYTES,
      log,
    }),
  );
  writeServerState(paths, state);
  startWatchdog(paths.state, process.pid, STALL_MS, log);
  log(`listening on 127.0.0.1:${address.port}, build ${build}`);
});

for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const)
  process.on(signal, () => {
    log(`stopping on ${signal}`);
    removeServerState(paths, process.pid);
    // The calls being served finish (their clients wait for them); then the process ends.
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2_000).unref();
  });
