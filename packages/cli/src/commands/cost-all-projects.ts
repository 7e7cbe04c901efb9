import {
  claudeConfigDir,
  openUsageCache,
  serverPaths,
  usageCachePath,
  parseDay,
  readUsageHistory,
  rollUpUsage,
  type RollupBy,
  type UsageRow,
} from "@warden/core";
import os from "node:os";
import path from "node:path";
import { clockOf, CliFailure, CliUsageError, type CliIo } from "../cli-io.js";
import { formatCost, formatTable, formatTokens, toJson } from "../format.js";
import { timeZoneOption } from "../time-zone-option.js";
import { pricesInEffect } from "./prices.js";
import { isDirectory } from "../data-dir.js";

/** What `warden cost --all-projects` was asked. */
export interface HistoryQuery {
  readonly by: RollupBy;
  readonly claudeDir: string | undefined;
  readonly since: string | undefined;
  readonly until: string | undefined;
  readonly timeZone: string | undefined;
  readonly order: string | undefined;
  readonly breakdown: boolean;
  readonly cache: boolean;
  readonly json: boolean;
}

const PERIOD_HEADER: Record<RollupBy, (timeZone: string) => string> = {
  day: (timeZone) => `day (${timeZone})`,
  week: (timeZone) => `week of (${timeZone})`,
  month: (timeZone) => `month (${timeZone})`,
  session: () => "session",
  block: () => "5-hour block (UTC)",
};

/**
 * Cost and tokens of every transcript under the Claude config dir, wired into Warden or not, with
 * the session reports' de-duplication and prices. Reads only: nothing is written anywhere.
 */
export async function runAllProjectsCost(query: HistoryQuery, io: CliIo): Promise<number> {
  const since = dayOption("since", query.since);
  const until = dayOption("until", query.until);
  if (since != null && until != null && since > until) throw new CliUsageError(`--since ${since} is after --until ${until}`);
  if (query.order != null && query.order !== "asc" && query.order !== "desc") {
    throw new CliUsageError(`--order must be asc or desc, not "${query.order}"`);
  }
  const home = io.env.HOME ?? os.homedir();
  const claudeDir = query.claudeDir == null ? claudeConfigDir(io.env, home) : path.resolve(io.cwd, query.claudeDir);
  // A dir the user named that is not there is a mistake to report; a machine without ~/.claude simply has no history.
  const named = query.claudeDir != null ? "--claude-dir" : io.env.CLAUDE_CONFIG_DIR ? "CLAUDE_CONFIG_DIR" : null;
  if (named != null && !isDirectory(claudeDir)) {
    throw new CliFailure(`${named} is ${claudeDir}, which is not a directory: name the folder Claude Code keeps its projects/ in`);
  }
  const timeZone = timeZoneOption(query.timeZone, io);
  const cacheFile = query.cache ? usageCachePath(serverPaths(io.env, home).dir, claudeDir) : null;
  const history = await readUsageHistory(claudeDir, cacheFile == null ? undefined : openUsageCache(cacheFile, claudeDir));
  const rollup = rollUpUsage(history.sessions, {
    by: query.by,
    timeZone,
    since,
    until,
    order: query.order === "desc" ? "desc" : "asc",
    now: clockOf(io)().getTime(),
    table: pricesInEffect(io),
  });
  if (query.json) {
    io.out(
      toJson({
        claude_dir: claudeDir,
        by: rollup.by,
        time_zone: rollup.time_zone,
        since,
        until,
        total_cost_usd: rollup.total.cost_usd,
        unpriced_models: rollup.total.unpriced_models,
        periods: rollup.rows,
        total: rollup.total,
        read: { projects: history.projects, sessions: history.sessions.length, ...history.read, cached_files: history.cached_files },
        cache: cacheFile,
      }),
    );
    return 0;
  }
  if (rollup.rows.length === 0) {
    io.out(`no Claude Code usage found under ${claudeDir}${since != null || until != null ? " in that date range" : ""}`);
    return 0;
  }
  const rows: string[][] = [];
  for (const row of [...rollup.rows, rollup.total]) {
    rows.push(cellsOf(row === rollup.total ? "total" : labelOf(row), row));
    if (query.breakdown) for (const [model, usage] of Object.entries(row.models)) rows.push(modelCells(model, usage));
  }
  const header = [PERIOD_HEADER[query.by](rollup.time_zone), "sessions", "input", "output", "cache write", "cache read", "cost", ""];
  for (const line of formatTable(header, rows, ["left", "right", "right", "right", "right", "right", "right", "left"])) io.out(line);
  const unpriced = rollup.total.unpriced_models;
  if (unpriced.length > 0) {
    io.out(`no price for ${unpriced.join(", ")}: their tokens are counted, their cost is not in the totals`);
  }
  const cached = history.cached_files > 0 ? ` (${history.cached_files} unchanged since the last run: from the cache)` : "";
  io.out(
    `${history.read.files + history.cached_files} transcript files${cached} of ${history.sessions.length} sessions in ${history.projects} projects under ${claudeDir}`,
  );
  return 0;
}

function labelOf(row: UsageRow): string {
  if (row.session != null) return `${row.period.slice(0, 8)} ${row.session.cwd ?? row.session.project}`;
  if (row.block != null) return `${row.block.start.slice(0, 16).replace("T", " ")}${row.block.active ? " (active)" : ""}`;
  return row.period;
}

function cellsOf(label: string, row: UsageRow): string[] {
  const { tokens } = row;
  return [
    label,
    String(row.sessions),
    formatTokens(tokens.input_tokens),
    formatTokens(tokens.output_tokens),
    formatTokens(tokens.cache_write_5m_tokens + tokens.cache_write_1h_tokens),
    formatTokens(tokens.cache_read_tokens),
    formatCost(row.cost_usd),
    row.unpriced_models.length > 0 ? `+ unpriced: ${row.unpriced_models.join(", ")}` : "",
  ];
}

function modelCells(model: string, usage: UsageRow["models"][string]): string[] {
  return [
    `  ${model}`,
    "",
    formatTokens(usage.input_tokens),
    formatTokens(usage.output_tokens),
    formatTokens(usage.cache_write_5m_tokens + usage.cache_write_1h_tokens),
    formatTokens(usage.cache_read_tokens),
    formatCost(usage.cost_usd),
    usage.cost_usd == null ? "no price" : "",
  ];
}

function dayOption(name: string, value: string | undefined): string | null {
  if (value == null) return null;
  const day = parseDay(value);
  if (day == null) throw new CliUsageError(`--${name} must be a date, YYYY-MM-DD or YYYYMMDD; got "${value}"`);
  return day;
}
