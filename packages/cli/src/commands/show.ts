import { clockOf, type CliIo } from "../cli-io.js";
import { openStore } from "../data-dir.js";
import { styleFor, toJson } from "../format.js";
import { DATA_OPTIONS, DATA_OPTIONS_USAGE, parseCommand } from "../parse-command.js";
import { regenerateReports } from "../session-files.js";
import { renderSessionView } from "../session-view.js";
import { requireSessionArg, resolveSession } from "../session-arg.js";

export const SHOW_USAGE = `usage: warden show <id> [--dir DIR] [--json]
  a readable summary of one session (id or a unique prefix of it): header, tokens and cost by
  model, tools, blocked and warned calls (reasons in full), files written, subagents (model, cost);
  the reports are regenerated first, and the header says where the HTML report and its JSON data are
${DATA_OPTIONS_USAGE}`;

export async function runShow(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(argv, DATA_OPTIONS, SHOW_USAGE, 1);
  const prefix = requireSessionArg(positionals[0], SHOW_USAGE);
  const store = openStore(values.dir, io, clockOf(io));
  const sessionId = resolveSession(store, prefix);
  const { model, paths } = await regenerateReports(store, sessionId, clockOf(io)());
  if (values.json) io.out(toJson(model));
  else for (const line of renderSessionView(model, styleFor(io), paths)) io.out(line);
  return 0;
}
