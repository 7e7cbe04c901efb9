import fs from "node:fs";
import path from "node:path";
import { ensureServer, serverPaths, serverStatus, stopServer, type ServerStatus } from "@warden/core";
import { CliFailure, CliUsageError } from "../cli-io.js";
import { homeOf } from "../data-dir.js";
import { defineCommand } from "../define-command.js";
import { didYouMean } from "../did-you-mean.js";
import { EXIT } from "../exit-status.js";
import { toJson } from "../format.js";

const SUBCOMMANDS = ["start", "stop", "status"] as const;

/** `warden server start|stop|status`: the resident server of this user (see `install --server`). */
export const SERVER = defineCommand({
  name: "server",
  synopsis: "start|stop|status",
  summary: "starts, stops or shows the resident server that serves the hooks in resident mode",
  details: `start: starts the server unless one of this build runs (one per user; an older build is replaced)
stop: stops it; hooks wired in resident mode then run each in its own process, as without --server
status: whether it runs, its pid and url, and whether it runs the code of this checkout
The server listens on 127.0.0.1 only; its state and log are in $WARDEN_SERVER_DIR, else
$XDG_STATE_HOME/warden, else ~/.local/state/warden.`,
  maxPositionals: 1,
  options: {},
  answersNo: "status: the server is not running",
  run: async ({ values, positionals }, io) => {
    const [action] = positionals;
    if (action !== "start" && action !== "stop" && action !== "status") {
      const problem = action == null ? "give a subcommand" : `unknown subcommand "${action}"${didYouMean(action, SUBCOMMANDS)}`;
      throw new CliUsageError(`${problem}: ${SUBCOMMANDS.join(", ")}`);
    }
    const paths = serverPaths(io.env, homeOf(io));
    const serverFile = path.join(io.hooksDir, "server.mjs");
    if (!fs.existsSync(serverFile)) throw new CliFailure(`the server is not built: ${serverFile} is missing (run \`pnpm build\`)`);
    const print = (json: unknown, text: string): void => io.out(values.json ? toJson(json) : text);

    if (action === "stop") {
      const { stoppedPid } = await stopServer(paths);
      print(
        { stopped: stoppedPid != null, pid: stoppedPid },
        stoppedPid != null ? `stopped the server (pid ${stoppedPid})` : "no server was running",
      );
      return EXIT.yes;
    }
    if (action === "start") {
      const outcome = await ensureServer(paths, { serverFile, env: io.env });
      const status = await serverStatus(paths, serverFile);
      const what =
        outcome.action === "running"
          ? "already running"
          : outcome.replacedPid != null
            ? `started, replacing pid ${outcome.replacedPid} (an older build)`
            : "started";
      print(
        { action: outcome.action, ...statusJson(status) },
        `server ${what}: pid ${outcome.state.pid}, ${status.url ?? "not answering"}`,
      );
      if (!status.running) throw new CliFailure(`the server (pid ${outcome.state.pid}) does not answer; see ${paths.log}`);
      return EXIT.yes;
    }
    const status = await serverStatus(paths, serverFile);
    print(statusJson(status), formatStatus(status));
    return status.running ? EXIT.yes : EXIT.no;
  },
});

function statusJson(status: ServerStatus) {
  return {
    running: status.running,
    pid: status.pid,
    url: status.url,
    build: status.build,
    current: status.current,
    served: status.served,
    started_at: status.startedAt,
    state_file: status.stateFile,
    log: status.log,
  };
}

function formatStatus(status: ServerStatus): string {
  if (!status.running)
    return `not running (state: ${status.stateFile}); hooks wired with --server run in their own processes until \`warden server start\` or the next session starts it`;
  const lines = [
    `running: pid ${status.pid}, ${status.url}`,
    `started ${status.startedAt}, ${status.served} calls served`,
    status.current
      ? `build ${status.build} (this checkout's)`
      : `build ${status.build} is not this checkout's: clients do not use it; \`warden server start\` replaces it`,
    `log: ${status.log}`,
  ];
  return lines.join("\n");
}
