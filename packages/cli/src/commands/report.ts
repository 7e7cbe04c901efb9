import { clockOf } from "../cli-io.js";
import { openStore, projectDirOf } from "../data-dir.js";
import { pricesInEffect } from "./prices.js";
import { defineCommand } from "../define-command.js";
import { toJson } from "../format.js";
import { DATA_OPTIONS } from "../parse-command.js";
import { regenerateReports } from "../session-files.js";
import { requireSessionArg, resolveSession } from "../session-arg.js";

export const REPORT = defineCommand({
  name: "report",
  synopsis: "<id>",
  summary: "regenerates a session's reports from its records and transcript; prints the paths written",
  details: "a session too large to report (over 256 MiB) is refused with its size, exit code 3",
  maxPositionals: 1,
  options: DATA_OPTIONS,
  run: async ({ values, positionals }, io) => {
    const prefix = requireSessionArg(positionals[0]);
    const store = openStore(values.dir, io, clockOf(io));
    const sessionId = resolveSession(store, prefix);
    const prices = pricesInEffect(io, projectDirOf(store.paths.root, io));
    const { paths } = await regenerateReports(store, sessionId, clockOf(io)(), prices);
    if (values.json) io.out(toJson({ session_id: sessionId, paths }));
    else for (const file of paths) io.out(file);
    return 0;
  },
});
