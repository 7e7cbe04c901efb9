import type { ReportCommit, ReportModel } from "../report-model.js";
import type { ToolEventRecord } from "../../store/session-record.js";
import { describeToolCall } from "./describe-tool-call.js";
import { commitLineTotals } from "../commit-lines.js";
import { baseName, formatCost, formatDateTime, formatDuration, formatInteger, formatShare, relativePath } from "./format-values.js";
import { strongest } from "./html-guard.js";
import { mdCode, mdRow, mdText } from "./markdown-escape.js";

/**
 * `<session_id>.md`: a short summary to paste into a pull request. Session text only ever appears
 * inside code spans (see `mdCode`), so it cannot format, link or mention anything.
 */
const HEALTH = { clean: "✅ clean", warned: "⚠️ warned", blocked: "⛔ blocked" } as const;
const TOOLS_MAX = 15;
const FLAGGED_MAX = 20;
const FILES_MAX = 20;
const COMMITS_MAX = 20;
/** Flagged calls named per commit; the rest are counted. */
const COMMIT_FLAGS_MAX = 3;

export function renderMarkdownSummary(model: ReportModel): string {
  const { session } = model;
  const place = session.project_dir ?? session.cwd;
  const project = place == null ? "" : ` ${mdCode(baseName(place))}`;
  const branch = session.git_branch == null ? "" : ` on ${mdCode(session.git_branch)}`;
  const cost = model.cost_usd == null ? "cost: unknown price" : `cost **${formatCost(model.cost_usd)}**`;
  const { allowed, warned, blocked } = model.verdicts;
  const promptsWarned =
    model.counts.prompts_warned === 0
      ? ""
      : ` · ${formatInteger(model.counts.prompts_warned)} prompt${model.counts.prompts_warned === 1 ? "" : "s"} warned`;
  const lines = [
    `### Warden session report:${project}${branch} (${HEALTH[session.health]})`,
    "",
    `Session ${mdCode(session.session_id)} · started ${formatDateTime(session.started_at)} · duration **${formatDuration(session.duration_ms)}**${session.end_reason == null ? "" : ` · ended ${mdCode(session.end_reason)}`}`,
    "",
    `**${formatInteger(model.counts.events)} tool calls** (${formatInteger(model.outcomes.failed)} failed) · verdicts: ${formatInteger(allowed)} allowed, ${formatInteger(warned)} warned, ${formatInteger(blocked)} blocked${promptsWarned} · ${cost}`,
  ];
  lines.push(...flaggedTable(model), ...commitTable(model), ...toolTable(model), ...usageTable(model), ...writtenFiles(model));
  return `${lines.join("\n")}\n`;
}

function flaggedTable(model: ReportModel): string[] {
  const flagged = model.events.filter((event) => event.verdict !== "allowed");
  if (flagged.length === 0) return [];
  const rows = flagged.slice(0, FLAGGED_MAX).map((event) => flaggedRow(event, model));
  if (flagged.length > FLAGGED_MAX) rows.push(`\n…and ${formatInteger(flagged.length - FLAGGED_MAX)} more in the HTML report.`);
  return [
    "",
    "#### Warned and blocked calls",
    "",
    mdRow(["Verdict", "Tool", "Call", "Rule", "Excerpt"]),
    mdRow(["---", "---", "---", "---", "---"]),
    ...rows,
  ];
}

function flaggedRow(event: ToolEventRecord, model: ReportModel): string {
  const top = strongest(event.findings);
  const rule = top?.rule ?? event.rules_matched[0] ?? "";
  const call = describeToolCall(event.tool_name, event.tool_input, model.session.project_dir ?? model.session.cwd, 60);
  return mdRow([`**${event.verdict}**`, code(event.tool_name, 40), code(call, 60), code(rule, 50), code(top?.excerpt ?? "", 80)]);
}

/** Each commit with the model's share of its lines and the calls the guard flagged on the way to it; then the line total. */
function commitTable(model: ReportModel): string[] {
  const { commits } = model;
  if (commits.length === 0) return [];
  const rows = commits.slice(0, COMMITS_MAX).map((commit) => commitRow(commit, model.session.git_branch));
  if (commits.length > COMMITS_MAX) rows.push(`\n…and ${formatInteger(commits.length - COMMITS_MAX)} more in the HTML report.`);
  const total = commitLineTotals(commits);
  const amended = commits.some((c) => c.amend_of != null && commits.some((d) => d.commit === c.amend_of));
  const share = total.ai_share == null ? "" : ` (${formatShare(total.ai_share)})`;
  return [
    "",
    `#### Commits (${formatInteger(commits.length)})`,
    "",
    mdRow(["Commit", "Subject", "AI share", "Lines: AI / mixed / human / unknown", "Flagged calls", "Cost"]),
    mdRow(["---", "---", "--:", "--:", "---", "--:"]),
    ...rows,
    "",
    `**${formatInteger(total.added)} line${total.added === 1 ? "" : "s"} added**: ${formatInteger(total.ai)} by AI${share}, ${formatInteger(total.mixed)} mixed, ${formatInteger(total.human)} human, ${formatInteger(total.unknown)} unknown${amended ? " (an amended commit counted once)" : ""}`,
  ];
}

function commitRow(commit: ReportCommit, sessionBranch: string | null): string {
  const amends = commit.amend_of == null ? "" : ` amends ${code(commit.amend_of.slice(0, commit.short.length), 40)}`;
  const branch = commit.branch == null || commit.branch === sessionBranch ? "" : ` on ${code(commit.branch, 40)}`;
  const { lines } = commit;
  const counts = `${formatInteger(lines.added)}: ${[lines.ai, lines.mixed, lines.human, lines.unknown].map(formatInteger).join(" / ")}`;
  const cost = commit.segment == null ? "unknown" : commit.segment.cost_usd == null ? "unknown" : formatCost(commit.segment.cost_usd);
  return mdRow([
    `${code(commit.short, 40)}${amends}${branch}`,
    code(commit.subject, 72),
    commit.ai_share == null ? "–" : formatShare(commit.ai_share),
    counts,
    commitFlags(commit.segment),
    cost,
  ]);
}

function commitFlags(segment: ReportCommit["segment"]): string {
  if (segment == null) return "unknown";
  if (segment.flagged_count === 0) return "none";
  const { warned, blocked } = segment.verdicts;
  const tally = [blocked > 0 ? `**${formatInteger(blocked)} blocked**` : "", warned > 0 ? `${formatInteger(warned)} warned` : ""].filter(
    (t) => t !== "",
  );
  const named = segment.flagged
    .slice(0, COMMIT_FLAGS_MAX)
    .map((f) => `${code(f.tool_name, 40)} ${code(f.rules[0] ?? f.verdict, 50)}`.trim());
  const more = segment.flagged_count > named.length ? `, ${formatInteger(segment.flagged_count - named.length)} more` : "";
  return `${tally.join(", ")}: ${named.join(", ")}${more}`;
}

function toolTable(model: ReportModel): string[] {
  if (model.tools.length === 0) return [];
  const tools = [...model.tools].toSorted((a, b) => b.count - a.count || a.tool_name.localeCompare(b.tool_name));
  const rows = tools
    .slice(0, TOOLS_MAX)
    .map((tool) =>
      mdRow([
        mdCode(tool.tool_name, { inTable: true }),
        formatInteger(tool.count),
        formatDuration(tool.total_ms),
        formatInteger(tool.failed),
      ]),
    );
  const more = tools.length > TOOLS_MAX ? [`\n…and ${formatInteger(tools.length - TOOLS_MAX)} more tools.`] : [];
  return ["", "#### Tool calls", "", mdRow(["Tool", "Calls", "Time", "Failed"]), mdRow(["---", "--:", "--:", "--:"]), ...rows, ...more];
}

function usageTable(model: ReportModel): string[] {
  const entries = Object.entries(model.models);
  if (entries.length === 0) return [];
  const n = formatInteger;
  const rows = entries.map(([name, u]) =>
    mdRow([
      mdCode(name, { inTable: true }),
      n(u.input_tokens),
      n(u.cache_creation_input_tokens),
      n(u.cache_read_input_tokens),
      n(u.output_tokens),
      costText(u.cost_usd),
    ]),
  );
  const sum = (pick: (u: (typeof entries)[number][1]) => number) => n(entries.reduce((total, [, u]) => total + pick(u), 0));
  rows.push(
    mdRow([
      "**Total**",
      sum((u) => u.input_tokens),
      sum((u) => u.cache_creation_input_tokens),
      sum((u) => u.cache_read_input_tokens),
      sum((u) => u.output_tokens),
      `**${costText(model.cost_usd)}**`,
    ]),
  );
  const notes = model.notes.map((note) => `> ${mdText(note)}`);
  return [
    "",
    "#### Tokens and cost",
    "",
    mdRow(["Model", "Input", "Cache write", "Cache read", "Output", "Cost"]),
    mdRow(["---", "--:", "--:", "--:", "--:", "--:"]),
    ...rows,
    ...(notes.length > 0 ? ["", ...notes] : []),
  ];
}

function writtenFiles(model: ReportModel): string[] {
  const written = model.files.written;
  if (written.length === 0) return [];
  const base = model.session.project_dir ?? model.session.cwd;
  const items = written.slice(0, FILES_MAX).map((path) => `- ${mdCode(relativePath(path, base))}`);
  if (written.length > FILES_MAX) items.push(`- …and ${formatInteger(written.length - FILES_MAX)} more`);
  return ["", `#### Files written (${formatInteger(written.length)})`, "", ...items];
}

function code(text: string, max: number): string {
  return mdCode(text, { inTable: true, max });
}

function costText(usd: number | null): string {
  return usd == null ? "unknown price" : formatCost(usd);
}
