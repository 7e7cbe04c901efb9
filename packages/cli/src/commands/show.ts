import { clockOf, type CliIo } from "../cli-io.js";
import { openStore } from "../data-dir.js";
import { styleFor, toJson } from "../format.js";
import { defineCommand, type CommandArgs } from "../define-command.js";
import { DATA_OPTIONS } from "../parse-command.js";
import { regenerateReports } from "../session-files.js";
import { renderSessionView } from "../session-view.js";
import { requireSessionArg } from "../session-arg.js";

export const SHOW = defineCommand({
  name: "show",
  synopsis: "<id>",
  summary: "a readable summary of one session (its id or a unique prefix of it)",
  details: `header, tokens and cost by model, tools, blocked and warned calls, files written, subagents;
the report is regenerated first`,
  maxPositionals: 1,
  options: DATA_OPTIONS,
  run: (args, io) => runShow(args, io),
});

export async function runShow({ values, positionals }: CommandArgs<typeof DATA_OPTIONS>, io: CliIo): Promise<number> {
  const store = openStore(values.dir, io, clockOf(io));
  const sessionId = requireSessionArg(store, positionals[0], SHOW.usage);
  const { model } = await regenerateReports(store, sessionId, clockOf(io)());
  if (values.json) io.out(toJson(model));
  else for (const line of renderSessionView(model, styleFor(io))) io.out(line);
  return 0;
}
