import type { CliIo } from "../cli-io.js";
import { openStore } from "../data-dir.js";
import { formatBytes, formatCost, formatDuration, formatTable, formatTime, formatTokens, shortId, toJson } from "../format.js";
import { DATA_OPTIONS, DATA_OPTIONS_USAGE, parseCommand } from "../parse-command.js";
import { allSessionRows, inputSide, type SessionRow } from "../session-rows.js";

export const SESSIONS_USAGE = `usage: warden sessions [--dir DIR] [--json]
  lists every recorded session, newest first: id, start (UTC), duration, tool calls,
  verdicts (allowed/warned/blocked), tokens (input incl. cache / output), cost, end reason or "open"
${DATA_OPTIONS_USAGE}`;

/** One line per session, from its report when current, else from its records. */
export function runSessions(argv: string[], io: CliIo): number {
  const { values } = parseCommand(argv, DATA_OPTIONS, SESSIONS_USAGE);
  const store = openStore(values.dir, io);
  const rows = allSessionRows(store);
  if (values.json) {
    io.out(toJson({ dir: store.paths.root, sessions: rows }));
    return 0;
  }
  if (rows.length === 0) {
    io.out(`no sessions recorded yet in ${store.paths.root}`);
    return 0;
  }
  const header = ["id", "start (UTC)", "duration", "calls", "allow/warn/block", "tokens in/out", "cost", "end"];
  const align = ["left", "left", "right", "right", "right", "right", "right", "left"] as const;
  for (const line of formatTable(header, rows.map(cells), align)) io.out(line);
  return 0;
}

function cells(row: SessionRow): string[] {
  const end = `${row.end_reason ?? "open"}${row.compressed ? " (gz)" : ""}`;
  switch (row.source) {
    case "unreadable":
      return [shortId(row.session_id), "-", "-", "-", "-", "-", "-", `unreadable: ${row.error}`];
    case "too_large":
      return [
        shortId(row.session_id),
        formatTime(row.started_at),
        formatDuration(row.duration_ms),
        "-",
        "-",
        "-",
        "-",
        `${end}; too large to summarise (${formatBytes(row.bytes)})`,
      ];
    case "report":
    case "records": {
      const { allowed, warned, blocked } = row.verdicts;
      const fromRecords = row.source === "records";
      return [
        shortId(row.session_id),
        formatTime(row.started_at),
        formatDuration(row.duration_ms),
        String(row.tool_calls),
        `${allowed}/${warned}/${blocked}`,
        fromRecords ? "-" : row.tokens == null ? "?" : `${formatTokens(inputSide(row.tokens))}/${formatTokens(row.tokens.output_tokens)}`,
        fromRecords ? "-" : formatCost(row.cost_usd),
        end,
      ];
    }
    default: {
      const unknown: never = row;
      throw new Error(`unknown session row ${JSON.stringify(unknown)}`);
    }
  }
}
