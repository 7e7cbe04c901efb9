import type { ReportModel } from "../report-model.js";
import { escapeHtml, escapeShown } from "./escape-html.js";
import { commitLineTotals } from "../commit-lines.js";
import { baseName, formatCompact, formatCost, formatDateTime, formatDuration, formatInteger, formatShare } from "./format-values.js";

/** The report's head: project, branch, health badge, session facts, and the headline figures. */
export function renderHeader(model: ReportModel): string {
  const { session } = model;
  const place = session.project_dir ?? session.cwd;
  const name = place == null || baseName(place) === "" ? `Session ${session.session_id.slice(0, 8)}` : baseName(place);
  const branch = session.git_branch == null ? "" : `<span class="chip" title="git branch">⎇ ${escapeShown(session.git_branch)}</span>`;
  const commit =
    session.git_commit == null
      ? ""
      : `<span class="chip" title="${escapeHtml(session.git_commit)}">${escapeShown(session.git_commit.slice(0, 8))}</span>`;
  const ended = session.finalized_by == null || session.finalized_by === "session_end" ? "" : ` (${session.finalized_by})`;
  const facts: [string, string | null, string?][] = [
    ["Project", place],
    ["Started", formatDateTime(session.started_at), session.started_at ?? undefined],
    ["Ended", formatDateTime(session.ended_at), session.ended_at ?? undefined],
    ["Duration", formatDuration(session.duration_ms)],
    ["Session", session.session_id],
    ["End reason", session.end_reason == null ? null : `${session.end_reason}${ended}`],
    ["Working directory", session.cwd],
    ["Warden", session.warden_version],
  ];
  const meta = facts.map(([label, value, title]) => {
    const shown = value == null || value === "" ? "—" : escapeShown(value);
    return `<div><dt>${label}</dt><dd title="${escapeHtml(title ?? value ?? "")}">${shown}</dd></div>`;
  });
  return `<header class="top"><div class="wrap">
<div class="brand">Warden · Session report</div>
<div class="title"><h1>${escapeShown(name)}</h1>${branch}${commit}<span class="health h-${session.health}" title="Session health">${session.health}</span></div>
<dl class="meta">${meta.join("")}</dl>
</div></header>`;
}

export function renderCards(model: ReportModel): string {
  let input = 0;
  let output = 0;
  for (const usage of Object.values(model.models)) {
    input += usage.input_tokens + usage.cache_creation_input_tokens + usage.cache_read_input_tokens;
    output += usage.output_tokens;
  }
  // With a price missing, the priced part is a floor, not the cost: say so rather than guess.
  const priced = Object.values(model.models).filter((usage) => usage.cost_usd != null);
  const floor = priced.reduce((sum, usage) => sum + (usage.cost_usd ?? 0), 0);
  const unpriced = Object.keys(model.models).length - priced.length;
  const cost =
    model.cost_usd != null
      ? formatCost(model.cost_usd)
      : priced.length > 0
        ? `≥ ${formatCost(floor)}`
        : '<span class="unknown">unknown</span>';
  const costLabel =
    model.cost_usd != null
      ? "cost"
      : `cost · ${unpriced === 0 ? "price unknown" : `${formatInteger(unpriced)} model${unpriced === 1 ? "" : "s"} unpriced`}`;
  return `<div class="cards">${[
    card(formatInteger(model.counts.events), "tool calls"),
    card(formatInteger(model.verdicts.blocked), "blocked", model.verdicts.blocked > 0 ? "bad" : ""),
    card(formatInteger(model.verdicts.warned), "warned", model.verdicts.warned > 0 ? "warn" : ""),
    card(formatInteger(model.outcomes.failed), "failed calls"),
    card(formatCompact(input + output), `tokens · ${formatCompact(output)} out`),
    card(cost, costLabel),
    card(formatInteger(model.files.written.length), "files written"),
    card(formatInteger(model.subagents.length), "subagents"),
    ...commitCard(model),
  ].join("")}</div>`;
}

/** How many commits, and the model's share of the lines they added; no card when the session made none. */
function commitCard(model: ReportModel): string[] {
  if (model.commits.length === 0) return [];
  const { ai_share: share } = commitLineTotals(model.commits);
  return [
    card(
      formatInteger(model.commits.length),
      `commit${model.commits.length === 1 ? "" : "s"}${share == null ? "" : ` · ${formatShare(share)} AI lines`}`,
    ),
  ];
}

function card(n: string, label: string, tone = ""): string {
  return `<div class="stat${tone === "" ? "" : ` ${tone}`}"><div class="n">${n}</div><div class="l">${label}</div></div>`;
}

export const SECTIONS: readonly (readonly [string, string])[] = [
  ["guard", "Guard"],
  ["commits", "Commits"],
  ["usage", "Tokens & cost"],
  ["tools", "Tools"],
  ["agents", "Subagents"],
  ["turns", "Turns"],
  ["axis", "Time axis"],
  ["timeline", "Timeline"],
  ["conversation", "Conversation"],
  ["files", "Files"],
];

/** Links to the sections the page has: Commits only when the session made one. */
export function renderNav(model: ReportModel): string {
  const sections = SECTIONS.filter(([id]) => id !== "commits" || model.commits.length > 0);
  return `<nav class="toc"><div class="wrap">${sections.map(([id, label]) => `<a href="#${id}">${label}</a>`).join("")}</div></nav>`;
}
