import { defaultPriceTable } from "../report/pricing/price-sources.js";
import type { PriceTable } from "../report/pricing/price-table.js";
import { costOfUsage, type ModelCost } from "../report/pricing/usage-cost.js";
import { addCounts, emptyTokenCounts, type ModelUsage, type TokenCounts } from "../report/transcript/usage-ledger.js";
import { localDates, mondayOf } from "./local-dates.js";
import { QUARTER_HOUR_MS, type SessionUsage, type UsageCell } from "./usage-scan.js";

/**
 * Rolls sessions' usage cells up into periods and prices each period with the report's pricing.
 * Days, weeks (ISO, starting Monday) and months are calendar periods of the time zone; a session
 * row is one session; a block is a 5-hour billing window as Claude's plans count them: it starts on
 * the UTC hour of the first response after the previous block ended, and lasts five hours.
 */

export type RollupBy = "day" | "week" | "month" | "session" | "block";

export interface RollupOptions {
  readonly by: RollupBy;
  readonly timeZone: string;
  /** First day counted (`YYYY-MM-DD`, in the time zone), inclusive; null for no bound. */
  readonly since: string | null;
  /** Last day counted, inclusive. */
  readonly until: string | null;
  readonly order: "asc" | "desc";
  /** Whether a block is still running is judged against this instant (epoch ms). */
  readonly now: number;
  readonly table?: PriceTable;
}

export interface ModelRow extends TokenCounts {
  readonly cost_usd: number | null;
  /** The price-table row used; null when the model has no price. */
  readonly priced_as: string | null;
  /** Which source priced it (`user`, `warden`, `genai-prices`); null when none did. */
  readonly price_source: string | null;
}

export interface UsageRow {
  /** The day, the Monday of the week, the month, the session id, or the block's start (ISO, UTC). */
  readonly period: string;
  readonly sessions: number;
  readonly projects: number;
  readonly tokens: TokenCounts;
  /** Sum over the priced models; `unpriced_models` are left out of it, never counted as zero. */
  readonly cost_usd: number;
  readonly unpriced_models: readonly string[];
  readonly models: Readonly<Record<string, ModelRow>>;
  /** Session rows: where and when. */
  readonly session?: {
    readonly project: string;
    readonly cwd: string | null;
    readonly first_at: string | null;
    readonly last_at: string | null;
  };
  /** Block rows: the window, and whether it is still open at `now`. */
  readonly block?: { readonly start: string; readonly end: string; readonly active: boolean };
}

export interface Rollup {
  readonly by: RollupBy;
  readonly time_zone: string;
  readonly rows: readonly UsageRow[];
  readonly total: UsageRow;
}

const BLOCK_MS = 5 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const UNKNOWN_PERIOD = "unknown";

interface Group {
  readonly period: string;
  readonly sessions: Set<string>;
  readonly projects: Set<string>;
  readonly models: Map<string, ModelUsage>;
  session?: UsageRow["session"];
  block?: UsageRow["block"];
}

export function rollUpUsage(sessions: readonly SessionUsage[], options: RollupOptions): Rollup {
  const dates = localDates(options.timeZone);
  const inRange = (cell: UsageCell): boolean => {
    if (options.since == null && options.until == null) return true;
    if (cell.quarter == null) return false;
    const day = dates.dayOf(cell.quarter);
    return (options.since == null || day >= options.since) && (options.until == null || day <= options.until);
  };
  const blocks = options.by === "block" ? blockStarts(sessions, inRange) : new Map<number, number>();
  const periodOf = (sessionKey: string, cell: UsageCell): string => {
    if (options.by === "session") return sessionKey;
    if (cell.quarter == null) return UNKNOWN_PERIOD;
    const day = dates.dayOf(cell.quarter);
    if (options.by === "day") return day;
    if (options.by === "week") return mondayOf(day);
    if (options.by === "month") return day.slice(0, 7);
    return new Date(blocks.get(cell.quarter) ?? 0).toISOString();
  };

  const groups = new Map<string, Group>();
  const total = newGroup("total");
  for (const session of sessions) {
    const sessionKey = `${session.project}/${session.session_id}`;
    for (const cell of session.cells) {
      if (!inRange(cell)) continue;
      const period = periodOf(sessionKey, cell);
      let group = groups.get(period);
      if (group == null) {
        group = newGroup(options.by === "session" ? session.session_id : period);
        if (options.by === "session") {
          group.session = { project: session.project, cwd: session.cwd, first_at: session.first_at, last_at: session.last_at };
        }
        if (options.by === "block" && period !== UNKNOWN_PERIOD) {
          const start = Date.parse(period);
          group.block = { start: period, end: new Date(start + BLOCK_MS).toISOString(), active: options.now < start + BLOCK_MS };
        }
        groups.set(period, group);
      }
      addCell(group, sessionKey, session.project, cell);
      addCell(total, sessionKey, session.project, cell);
    }
  }
  const table = options.table ?? defaultPriceTable();
  const rows = [...groups.values()].map((group) => toRow(group, table)).toSorted(byPeriod(options));
  return { by: options.by, time_zone: dates.timeZone, rows, total: toRow(total, table) };
}

/** Block start (epoch ms) of every quarter that has usage, in time order. */
function blockStarts(sessions: readonly SessionUsage[], inRange: (cell: UsageCell) => boolean): Map<number, number> {
  const quarters = new Set<number>();
  for (const session of sessions) for (const cell of session.cells) if (cell.quarter != null && inRange(cell)) quarters.add(cell.quarter);
  const starts = new Map<number, number>();
  let start = Number.NEGATIVE_INFINITY;
  for (const quarter of [...quarters].toSorted((a, b) => a - b)) {
    const at = quarter * QUARTER_HOUR_MS;
    // Blocks start on the hour, so a quarter is wholly inside a block or wholly after it.
    if (at >= start + BLOCK_MS) start = Math.floor(at / HOUR_MS) * HOUR_MS;
    starts.set(quarter, start);
  }
  return starts;
}

function newGroup(period: string): Group {
  return { period, sessions: new Set(), projects: new Set(), models: new Map() };
}

function addCell(group: Group, sessionKey: string, project: string, cell: UsageCell): void {
  group.sessions.add(sessionKey);
  group.projects.add(project);
  let model = group.models.get(cell.model);
  if (model == null) {
    model = { ...emptyTokenCounts(), fast_mode: null };
    group.models.set(cell.model, model);
  }
  addCounts(model, cell.counts);
  if (cell.fast) addCounts((model.fast_mode ??= emptyTokenCounts()), cell.counts);
}

function toRow(group: Group, table: PriceTable): UsageRow {
  const byModel = Object.fromEntries([...group.models.entries()].toSorted(([a], [b]) => a.localeCompare(b)));
  const cost = costOfUsage(byModel, table);
  const tokens = emptyTokenCounts();
  const models: Record<string, ModelRow> = {};
  for (const [model, usage] of Object.entries(byModel)) {
    addCounts(tokens, usage);
    const { fast_mode: _fast, ...counts } = usage;
    const priced: ModelCost | undefined = cost.by_model[model];
    models[model] = {
      ...counts,
      cost_usd: priced?.cost_usd ?? null,
      priced_as: priced?.priced_as ?? null,
      price_source: priced?.price_source ?? null,
    };
  }
  return {
    period: group.period,
    sessions: group.sessions.size,
    projects: group.projects.size,
    tokens,
    cost_usd: cost.total_cost_usd,
    unpriced_models: cost.unpriced_models,
    models,
    ...(group.session != null && { session: group.session }),
    ...(group.block != null && { block: group.block }),
  };
}

function byPeriod(options: RollupOptions): (a: UsageRow, b: UsageRow) => number {
  const sign = options.order === "desc" ? -1 : 1;
  const keyOf = (row: UsageRow): string => (row.period === UNKNOWN_PERIOD ? "\uffff" : (row.session?.first_at ?? row.period));
  return (a, b) => sign * keyOf(a).localeCompare(keyOf(b));
}
