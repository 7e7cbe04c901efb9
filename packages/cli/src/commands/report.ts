import { clockOf, type CliIo } from "../cli-io.js";
import { openStore } from "../data-dir.js";
import { toJson } from "../format.js";
import { DATA_OPTIONS, DATA_OPTIONS_USAGE, parseCommand } from "../parse-command.js";
import { regenerateReports } from "../session-files.js";
import { requireSessionArg, resolveSession } from "../session-arg.js";

export const REPORT_USAGE = `usage: warden report <id> [--dir DIR] [--json]
  regenerates a session's reports from its records and transcript; prints the paths written;
  a session too large to report (over 256 MiB) is refused with its size, exit code 3
${DATA_OPTIONS_USAGE}`;

export async function runReport(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(argv, DATA_OPTIONS, REPORT_USAGE, 1);
  const prefix = requireSessionArg(positionals[0], REPORT_USAGE);
  const store = openStore(values.dir, io, clockOf(io));
  const sessionId = resolveSession(store, prefix);
  const { paths } = await regenerateReports(store, sessionId, clockOf(io)());
  if (values.json) io.out(toJson({ session_id: sessionId, paths }));
  else for (const file of paths) io.out(file);
  return 0;
}
