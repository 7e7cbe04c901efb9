import { clockOf, CliUsageError } from "../cli-io.js";
import { openStore, projectDirOf } from "../data-dir.js";
import { pricesInEffect } from "./prices.js";
import { defineCommand } from "../define-command.js";
import { toJson } from "../format.js";
import { DATA_OPTIONS } from "../parse-command.js";
import { regenerateReports } from "../session-files.js";
import { requireSessionArg, resolveSession } from "../session-arg.js";
import { runReportIndex } from "./report-index.js";

const REPORT_OPTIONS = {
  ...DATA_OPTIONS,
  index: {
    type: "boolean",
    help: "instead of one session's reports, one page listing every session (filter by project, date, verdict, cost; sort by date, duration, tokens, cost)",
  },
  "all-projects": {
    type: "boolean",
    help: "with --index: every session in Claude Code's transcripts (under --claude-dir), wired into Warden or not",
  },
  "claude-dir": {
    type: "string",
    value: "DIR",
    help: "with --index --all-projects: the Claude config dir (default: $CLAUDE_CONFIG_DIR, else ~/.claude)",
  },
  out: {
    type: "string",
    value: "FILE",
    help: "with --index: where to write the page; - prints it (default: reports/index.html in the data directory)",
  },
  timezone: { type: "string", value: "TZ", help: "with --index: the time zone of start times and dates (default: $TZ, else the system's)" },
} as const;

const INDEX_ONLY = ["all-projects", "claude-dir", "out", "timezone"] as const;

export const REPORT = defineCommand({
  name: "report",
  synopsis: "<id> | --index [--all-projects]",
  summary: "regenerates a session's reports from its records and transcript; prints the paths written",
  details: `a session too large to report (over 256 MiB) is refused with its size, exit code 3
--index writes one page of every session instead and prints its path: this project's recorded sessions,
or with --all-projects every Claude Code session on the machine, those Warden recorded with their verdicts
and a link to their report; without a data directory, --all-projects needs --out`,
  maxPositionals: 1,
  options: REPORT_OPTIONS,
  run: async ({ values, positionals }, io) => {
    if (values.index === true) {
      if (positionals[0] != null) throw new CliUsageError(`--index lists every session: it takes no session id (got "${positionals[0]}")`);
      return runReportIndex(
        {
          dir: values.dir,
          allProjects: values["all-projects"] === true,
          claudeDir: values["claude-dir"],
          out: values.out,
          timeZone: values.timezone,
          json: values.json === true,
        },
        io,
      );
    }
    const indexOnly = INDEX_ONLY.find((option) => values[option] != null && values[option] !== false);
    if (indexOnly != null) throw new CliUsageError(`--${indexOnly} works with --index only`);
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
