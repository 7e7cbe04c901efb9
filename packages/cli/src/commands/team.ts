import {
  connectTeamStore,
  describeDatabaseError,
  migrate,
  teamCommits,
  teamCost,
  teamFindings,
  teamSessions,
  type TeamFilter,
} from "@warden/team-store";
import { CliUsageError, type CliIo } from "../cli-io.js";
import { defineCommand } from "../define-command.js";
import { didYouMean } from "../did-you-mean.js";
import { EXIT } from "../exit-status.js";
import { countOf, formatCost, formatTable, formatTime, formatTokens, oneLine, toJson } from "../format.js";
import { requireTeamTarget } from "../team-settings.js";

const SUBCOMMANDS = ["sessions", "cost", "findings", "commits", "migrate"] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

const TEAM_OPTIONS = {
  since: { type: "string", value: "DATE", help: "sessions started (commits: made) at or after DATE (YYYY-MM-DD, UTC, or an ISO time)" },
  until: {
    type: "string",
    value: "DATE",
    help: "sessions started (commits: made) before the end of DATE (YYYY-MM-DD, UTC, or before an ISO time)",
  },
  user: { type: "string", value: "NAME", help: "one developer's sessions" },
  project: { type: "string", value: "NAME", help: "one project's sessions (the project folder's name)" },
  daily: { type: "boolean", help: "cost: one row per day (the default)" },
  monthly: { type: "boolean", help: "cost: one row per month" },
  rule: { type: "string", value: "ID", help: "findings: one rule's findings" },
  limit: { type: "string", value: "N", help: "sessions, findings, commits: at most N rows, newest first (default 100)" },
} as const;

/** `warden team …`: what every developer's shipped sessions say, read from the team store. */
export const TEAM = defineCommand({
  name: "team",
  synopsis: "sessions|cost|findings|commits|migrate",
  summary: "reads the team store: every developer's sessions, cost, guard findings and commits",
  details: `sessions: each session with its developer, project, tool events, verdicts and cost
cost: cost and tokens per day (or --monthly) of session start, UTC, and the total
findings: what the guard found (rule, severity, tool, excerpt), newest first
commits: the commits sessions made, newest first, with the share of added lines the model wrote
migrate: brings the store's schema to this Warden's version (sync does it too)
the store: $WARDEN_DATABASE_URL, else team.database_url in ~/.claude/warden.json`,
  maxPositionals: 1,
  options: TEAM_OPTIONS,
  run: async ({ values, positionals }, io) => {
    const [action] = positionals;
    if (!isSubcommand(action)) {
      const problem = action == null ? "give a subcommand" : `unknown subcommand "${action}"${didYouMean(action, SUBCOMMANDS)}`;
      throw new CliUsageError(`${problem}: ${SUBCOMMANDS.join(", ")}`);
    }
    if (values.daily && values.monthly) throw new CliUsageError("--daily and --monthly cannot be combined");
    if ((values.daily || values.monthly) && action !== "cost") throw new CliUsageError("--daily and --monthly go with `team cost`");
    if (values.rule != null && action !== "findings") throw new CliUsageError("--rule goes with `team findings`");
    const filter = filterOf(values);
    const limit = limitOf(values.limit);
    const target = requireTeamTarget(io.cwd, io);
    const connection = connectTeamStore(target.databaseUrl, target.urlSource);
    try {
      return await runAction(
        action,
        { filter, limit, monthly: values.monthly === true, rule: values.rule, json: values.json === true },
        connection.sql,
        io,
      );
    } catch (error) {
      throw describeDatabaseError(error, connection.url.display);
    } finally {
      await connection.close().catch(() => {});
    }
  },
});

interface ActionArgs {
  readonly filter: TeamFilter;
  readonly limit: number;
  readonly monthly: boolean;
  readonly rule: string | undefined;
  readonly json: boolean;
}

type Sql = ReturnType<typeof connectTeamStore>["sql"];

async function runAction(action: Subcommand, args: ActionArgs, sql: Sql, io: CliIo): Promise<number> {
  const print = (json: unknown, lines: readonly string[]): void => {
    if (args.json) io.out(toJson(json));
    else for (const line of lines) io.out(line);
  };
  switch (action) {
    case "migrate": {
      const outcome = await migrate(sql);
      print({ from: outcome.from, to: outcome.to, applied: outcome.applied }, [
        outcome.applied.length === 0
          ? `the team store is at schema version ${outcome.to}; nothing to do`
          : `applied ${outcome.applied.map((v) => `version ${v}`).join(", ")}: the team store is at schema version ${outcome.to}`,
      ]);
      return EXIT.yes;
    }
    case "sessions": {
      await migrate(sql);
      const sessions = await teamSessions(sql, args.filter, args.limit);
      const table = formatTable(
        ["started (UTC)", "user", "project", "session", "events", "blocked", "warned", "cost"],
        sessions.map((s) => [
          formatTime(s.started_at),
          s.user,
          s.project,
          s.session_id.slice(0, 8),
          String(s.events),
          String(s.verdicts.blocked),
          String(s.verdicts.warned),
          formatCost(s.cost_usd),
        ]),
        ["left", "left", "left", "left", "right", "right", "right", "right"],
      );
      print(sessions, sessions.length === 0 ? ["no sessions in the team store match"] : [...table, countOf(sessions.length, "session")]);
      return EXIT.yes;
    }
    case "cost": {
      await migrate(sql);
      const by = args.monthly ? "month" : "day";
      const { periods, total } = await teamCost(sql, args.filter, by);
      const table = formatTable(
        [by === "day" ? "day (UTC)" : "month (UTC)", "sessions", "users", "tokens in", "tokens out", "cost", ""],
        [...periods, total].map((r) => [
          r.period,
          String(r.sessions),
          String(r.users),
          formatTokens(r.input_tokens + r.cache_creation_input_tokens + r.cache_read_input_tokens),
          formatTokens(r.output_tokens),
          formatCost(r.cost_usd),
          r.unknown_cost_sessions > 0 ? `${r.unknown_cost_sessions} unknown` : "",
        ]),
        ["left", "right", "right", "right", "right", "right", "left"],
      );
      print({ by, periods, total }, total.sessions === 0 ? ["no sessions in the team store match"] : table);
      return EXIT.yes;
    }
    case "findings": {
      await migrate(sql);
      const findings = await teamFindings(sql, { ...args.filter, ...(args.rule == null ? {} : { rule: args.rule }) }, args.limit);
      const table = formatTable(
        ["found (UTC)", "user", "project", "verdict", "severity", "rule", "where", "excerpt"],
        findings.map((f) => [
          formatTime(f.found_at),
          f.user,
          f.project,
          f.verdict,
          f.severity,
          f.rule,
          f.tool_name ?? f.subject,
          oneLine(f.excerpt ?? f.message ?? "", 60),
        ]),
      );
      print(findings, findings.length === 0 ? ["no findings in the team store match"] : [...table, countOf(findings.length, "finding")]);
      return EXIT.yes;
    }
    case "commits": {
      await migrate(sql);
      const commits = await teamCommits(sql, args.filter, args.limit);
      const table = formatTable(
        ["committed (UTC)", "user", "project", "commit", "added", "ai", "session", "cost", "subject"],
        commits.map((c) => [
          formatTime(c.committed_at),
          c.user,
          c.project,
          c.commit.slice(0, 12),
          String(c.lines.added),
          c.ai_share == null ? "-" : `${Math.round(c.ai_share * 100)}%`,
          c.session_id.slice(0, 8),
          formatCost(c.segment?.cost_usd ?? null),
          oneLine(c.subject, 60),
        ]),
        ["left", "left", "left", "left", "right", "right", "left", "right"],
      );
      print(commits, commits.length === 0 ? ["no commits in the team store match"] : [...table, countOf(commits.length, "commit")]);
      return EXIT.yes;
    }
    default: {
      const unknown: never = action;
      throw new Error(`unknown team action ${String(unknown)}`);
    }
  }
}

function isSubcommand(action: string | undefined): action is Subcommand {
  return SUBCOMMANDS.some((s) => s === action);
}

function filterOf(values: { since?: string; until?: string; user?: string; project?: string }): TeamFilter {
  return {
    ...(values.since == null ? {} : { since: timeOf("--since", values.since, "start") }),
    ...(values.until == null ? {} : { until: timeOf("--until", values.until, "end") }),
    ...(values.user == null ? {} : { user: values.user }),
    ...(values.project == null ? {} : { project: values.project }),
  };
}

/** A day is UTC, and --until includes it whole; a full time is used as given. */
function timeOf(option: string, text: string, edge: "start" | "end"): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const ms = Date.parse(day ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms)) throw new CliUsageError(`${option} ${text}: give a date (YYYY-MM-DD) or an ISO time`);
  return new Date(day && edge === "end" ? ms + 86_400_000 : ms).toISOString();
}

function limitOf(text: string | undefined): number {
  if (text == null) return 100;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new CliUsageError(`--limit ${text}: give a whole number of rows, 1 or more`);
  return n;
}
