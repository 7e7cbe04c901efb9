import type { CliIo } from "../cli-io.js";
import { CliUsageError } from "../cli-io.js";
import { openStore } from "../data-dir.js";
import { readCleanedSessions } from "../cleaned-sessions.js";
import { countOf, formatCost, formatTable, formatTokens, toJson } from "../format.js";
import { defineCommand, type CommandArgs } from "../define-command.js";
import { DATA_OPTIONS } from "../parse-command.js";
import { allSessionRows, inputSide, type SessionRow } from "../session-rows.js";
import { runAllProjectsCost } from "./cost-all-projects.js";

const COST_OPTIONS = {
  ...DATA_OPTIONS,
  "all-projects": {
    type: "boolean",
    help: "every Claude Code transcript on the machine (under --claude-dir), wired into Warden or not, instead of this project's sessions",
  },
  "claude-dir": {
    type: "string",
    value: "DIR",
    help: "with --all-projects: the Claude config dir (default: $CLAUDE_CONFIG_DIR, else ~/.claude)",
  },
  daily: { type: "boolean", help: "one row per day (the default)" },
  weekly: { type: "boolean", help: "with --all-projects: one row per ISO week (Monday to Sunday)" },
  monthly: { type: "boolean", help: "one row per month" },
  session: { type: "boolean", help: "with --all-projects: one row per session" },
  blocks: { type: "boolean", help: "with --all-projects: one row per 5-hour billing block (starting on the hour, UTC)" },
  since: { type: "string", value: "DATE", help: "with --all-projects: count usage from this day on (YYYY-MM-DD, in --timezone)" },
  until: { type: "string", value: "DATE", help: "with --all-projects: count usage up to this day, inclusive" },
  timezone: {
    type: "string",
    value: "TZ",
    help: "with --all-projects: the time zone of days, weeks and months (default: $TZ, else the system's)",
  },
  order: { type: "string", value: "asc|desc", help: "with --all-projects: oldest first (asc, the default) or newest first" },
  breakdown: { type: "boolean", help: "with --all-projects: a line per model under each row" },
  "no-cache": {
    type: "boolean",
    help: "with --all-projects: read every transcript again instead of taking unchanged ones from the cache (in Warden's per-user state folder)",
  },
} as const;

export const COST = defineCommand({
  name: "cost",
  synopsis: "[--all-projects] [--daily | --weekly | --monthly | --session | --blocks]",
  summary: "total cost and tokens per day (default), week, month, session or 5-hour block, and the grand total",
  details: `without --all-projects: this project's recorded sessions, by day or month of session start (UTC); sessions
whose cost is unknown (no report, no transcript, or an unpriced model) are counted apart; sessions deleted by
\`warden clean\` still count (clean keeps their figures in cleaned-sessions.jsonl).
with --all-projects: every response of every transcript, de-duplicated and priced as the session reports are,
counted on the day it was answered; the JSON has the grand total as top-level total_cost_usd`,
  options: COST_OPTIONS,
  run: (args, io) => runCost(args, io),
});

const ALL_PROJECTS_ONLY = [
  "claude-dir",
  "weekly",
  "session",
  "blocks",
  "since",
  "until",
  "timezone",
  "order",
  "breakdown",
  "no-cache",
] as const;
const ROLLUPS = [
  ["daily", "day"],
  ["weekly", "week"],
  ["monthly", "month"],
  ["session", "session"],
  ["blocks", "block"],
] as const;

interface CostRow {
  period: string;
  sessions: number;
  /** Sessions counted in `sessions` whose cost is not in `cost_usd`. */
  unknown_cost_sessions: number;
  cost_usd: number;
  input_tokens: number;
  output_tokens: number;
}

export function runCost({ values }: CommandArgs<typeof COST_OPTIONS>, io: CliIo): number | Promise<number> {
  const rollups = ROLLUPS.filter(([option]) => values[option] === true);
  if (rollups.length > 1)
    throw new CliUsageError(`${rollups.map(([option]) => `--${option}`).join(" and ")} cannot be combined: choose one`);
  if (values["all-projects"] === true) {
    if (values.dir != null)
      throw new CliUsageError("--dir names one project's data; --all-projects reads every transcript (name them with --claude-dir)");
    return runAllProjectsCost(
      {
        by: rollups[0]?.[1] ?? "day",
        claudeDir: values["claude-dir"],
        since: values.since,
        until: values.until,
        timeZone: values.timezone,
        order: values.order,
        breakdown: values.breakdown === true,
        cache: values["no-cache"] !== true,
        json: values.json === true,
      },
      io,
    );
  }
  const needsAll = ALL_PROJECTS_ONLY.find((option) => values[option] != null && values[option] !== false);
  if (needsAll != null)
    throw new CliUsageError(`--${needsAll} works with --all-projects only (this project's sessions are counted by day or month)`);
  const by = values.monthly ? "month" : "day";
  const store = openStore(values.dir, io);
  const recorded = allSessionRows(store);
  const live = new Set(recorded.map((r) => r.session_id));
  // A deleted session recorded again (resumed) is counted from its records: its transcript holds it all.
  const deleted = readCleanedSessions(store).filter((s) => !live.has(s.session_id));
  const sessions: Spend[] = [...recorded, ...deleted];
  const rows = new Map<string, CostRow>();
  const total = emptyRow("total");
  for (const session of sessions) {
    const period = session.started_at == null ? "unknown" : session.started_at.slice(0, by === "day" ? 10 : 7);
    const row = rows.get(period) ?? emptyRow(period);
    rows.set(period, row);
    add(row, session);
    add(total, session);
  }
  const periods = [...rows.values()].toSorted((a, b) => a.period.localeCompare(b.period));
  if (values.json) {
    io.out(toJson({ by, periods, total, deleted_sessions: deleted.length }));
    return 0;
  }
  if (sessions.length === 0) {
    io.out(`no sessions recorded yet in ${store.paths.root}`);
    return 0;
  }
  const cells = (r: CostRow) => [
    r.period,
    String(r.sessions),
    formatTokens(r.input_tokens),
    formatTokens(r.output_tokens),
    formatCost(r.cost_usd),
    r.unknown_cost_sessions > 0 ? `${r.unknown_cost_sessions} unknown` : "",
  ];
  const table = formatTable(
    [by === "day" ? "day (UTC)" : "month (UTC)", "sessions", "tokens in", "tokens out", "cost", ""],
    [...periods, total].map(cells),
    ["left", "right", "right", "right", "right", "left"],
  );
  for (const line of table) io.out(line);
  if (total.unknown_cost_sessions > 0) {
    const unknown = countOf(total.unknown_cost_sessions, "session");
    io.out(
      `${unknown} with unknown cost ${total.unknown_cost_sessions === 1 ? "is" : "are"} not in the totals (see \`warden sessions\`; \`warden report <id>\` refreshes one)`,
    );
  }
  if (deleted.length > 0) io.out(`the totals include ${countOf(deleted.length, "session")} deleted by \`warden clean\``);
  return 0;
}

function emptyRow(period: string): CostRow {
  return { period, sessions: 0, unknown_cost_sessions: 0, cost_usd: 0, input_tokens: 0, output_tokens: 0 };
}

/** What a session adds to the totals, whether it is still recorded or was deleted by `warden clean`. */
type Spend = Pick<SessionRow, "started_at" | "tokens" | "cost_usd">;

function add(row: CostRow, session: Spend): void {
  row.sessions++;
  if (session.tokens != null) {
    row.input_tokens += inputSide(session.tokens);
    row.output_tokens += session.tokens.output_tokens;
  }
  if (session.cost_usd == null) row.unknown_cost_sessions++;
  // Summed in picodollars' precision so float noise does not show in the JSON.
  else row.cost_usd = Math.round((row.cost_usd + session.cost_usd) * 1e12) / 1e12;
}
