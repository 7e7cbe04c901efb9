import type { CliIo } from "../cli-io.js";
import { readCleanedSessions } from "../cleaned-sessions.js";
import { homeOf, openStore } from "../data-dir.js";
import { defineCommand, type CommandArgs } from "../define-command.js";
import {
  countOf,
  formatBytes,
  formatCost,
  formatDuration,
  formatTable,
  formatTime,
  formatTokens,
  oneLine,
  shortId,
  shortModel,
  toJson,
  type Align,
} from "../format.js";
import { DATA_OPTIONS } from "../parse-command.js";
import { allSessionRows, inputSide, type SessionRow } from "../session-rows.js";

export const SESSIONS = defineCommand({
  name: "sessions",
  summary: "lists every recorded session, newest first",
  details: `id, start (UTC), duration, tool calls, verdicts (allowed/warned/blocked),
tokens (input incl. cache / output), cost, main model, end reason or "open", the project
when the directory holds sessions of several, and the first prompt (masked as in the report);
sessions deleted by \`warden clean\` are not listed (\`warden cost\` still counts their spend;
--json gives their number as deleted_sessions)`,
  options: DATA_OPTIONS,
  run: (args, io) => runSessions(args, io),
});

/** How much of the first prompt a line shows; the JSON holds more. */
const PROMPT_COLUMN_CHARS = 50;

/** One line per session, from its report when current, else from its records. */
export function runSessions({ values }: CommandArgs<typeof DATA_OPTIONS>, io: CliIo): number {
  const store = openStore(values.dir, io);
  const rows = allSessionRows(store);
  const live = new Set(rows.map((r) => r.session_id));
  const deleted = readCleanedSessions(store).filter((s) => !live.has(s.session_id)).length;
  if (values.json) {
    io.out(toJson({ dir: store.paths.root, sessions: rows, deleted_sessions: deleted }));
    return 0;
  }
  if (rows.length === 0) io.out(`no sessions recorded yet in ${store.paths.root}`);
  else printTable(rows, homeOf(io), io);
  if (deleted > 0)
    io.out(`${countOf(deleted, "session")} deleted by \`warden clean\` not listed; \`warden cost\` still counts their spend`);
  return 0;
}

function printTable(rows: readonly SessionRow[], home: string, io: CliIo): void {
  // A WARDEN_DIR shared by several projects: say which project each session ran in.
  const withProject = new Set(rows.map((r) => r.project_dir)).size > 1;
  const header = ["id", "start (UTC)", "duration", "calls", "allow/warn/block", "tokens in/out", "cost", "model", "end"];
  const align: Align[] = ["left", "left", "right", "right", "right", "right", "right", "left", "left"];
  if (withProject) header.push("project");
  header.push("first prompt");
  const table = rows.map((row) => {
    const line = cells(row);
    if (withProject) line.push(row.project_dir == null ? "-" : tildeOf(row.project_dir, home));
    line.push(row.source === "unreadable" ? row.error : row.first_prompt == null ? "-" : oneLine(row.first_prompt, PROMPT_COLUMN_CHARS));
    return line;
  });
  for (const line of formatTable(header, table, align)) io.out(line);
}

/** The columns up to the end reason. */
function cells(row: SessionRow): string[] {
  const end = `${row.end_reason ?? "open"}${row.compressed ? " (gz)" : ""}`;
  const model = row.main_models.length === 0 ? "-" : row.main_models.map(shortModel).join(",");
  switch (row.source) {
    case "unreadable":
      return [shortId(row.session_id), "-", "-", "-", "-", "-", "-", "-", "unreadable"];
    case "too_large":
      return [
        shortId(row.session_id),
        formatTime(row.started_at),
        formatDuration(row.duration_ms),
        "-",
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
        model,
        end,
      ];
    }
    default: {
      const unknown: never = row;
      throw new Error(`unknown session row ${JSON.stringify(unknown)}`);
    }
  }
}

function tildeOf(dir: string, home: string): string {
  return home !== "" && (dir === home || dir.startsWith(`${home}/`)) ? `~${dir.slice(home.length)}` : dir;
}
