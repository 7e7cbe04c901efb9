import { clockOf, type CliIo } from "../cli-io.js";
import { openStore, projectDirOf } from "../data-dir.js";
import { pricesInEffect } from "./prices.js";
import { styleFor, toJson } from "../format.js";
import { defineCommand, type CommandArgs } from "../define-command.js";
import { DATA_OPTIONS } from "../parse-command.js";
import { regenerateReports } from "../session-files.js";
import { renderSessionView } from "../session-view.js";
import { requireSessionArg, resolveSession } from "../session-arg.js";

export const SHOW = defineCommand({
  name: "show",
  synopsis: "<id>",
  summary: "a readable summary of one session (its id or a unique prefix of it)",
  details: `header, tokens and cost by model, tools, blocked and warned calls (reasons in full),
files written, subagents (model, cost); the reports are regenerated first, and the header
says where the HTML report and its JSON data are`,
  maxPositionals: 1,
  options: DATA_OPTIONS,
  run: (args, io) => runShow(args, io),
});

export async function runShow({ values, positionals }: CommandArgs<typeof DATA_OPTIONS>, io: CliIo): Promise<number> {
  const prefix = requireSessionArg(positionals[0]);
  const store = openStore(values.dir, io, clockOf(io));
  const sessionId = resolveSession(store, prefix);
  const prices = pricesInEffect(io, projectDirOf(store.paths.root, io));
  const { model, paths } = await regenerateReports(store, sessionId, clockOf(io)(), prices);
  if (values.json) io.out(toJson(model));
  else for (const line of renderSessionView(model, styleFor(io), paths)) io.out(line);
  return 0;
}
