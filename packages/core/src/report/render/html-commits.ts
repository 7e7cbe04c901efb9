import { commitLineTotals } from "../commit-lines.js";
import type { ReportCommit } from "../report-model.js";
import { escapeHtml, escapeShown } from "./escape-html.js";
import { formatCompact, formatCost, formatDateTime, formatInteger, formatOffset, formatShare } from "./format-values.js";
import type { RenderContext } from "./render-context.js";

/**
 * The commits the session made: for each, who wrote the lines it added (the model, a person over
 * the model's line, a person, or unknown), file by file, and the stretch of the session behind it:
 * its calls, the ones the guard flagged (linked to the timeline) and what it cost. Nothing at all
 * when the session made no commit.
 */

const COMMITS_MAX = 200;
const FILES_MAX = 50;
const ORIGINS = ["ai", "mixed", "human", "unknown"] as const;
const ORIGIN_LABEL = { ai: "AI", mixed: "mixed", human: "human", unknown: "unknown" } as const;
const ORIGIN_HEADING = { ai: "AI", mixed: "Mixed", human: "Human", unknown: "Unknown" } as const;
const VERDICT_CLASS: Readonly<Record<string, string>> = { allowed: "v-allowed", warned: "v-warned", blocked: "v-blocked" };

export function renderCommits(ctx: RenderContext): string {
  const { commits } = ctx.model;
  if (commits.length === 0) return "";
  const total = commitLineTotals(commits);
  const share = total.ai_share == null ? "" : `, ${formatShare(total.ai_share)} by AI`;
  const amendedLater = new Map(commits.flatMap((c) => (c.amend_of == null ? [] : [[c.amend_of, c] as const])));
  const items = commits.slice(0, COMMITS_MAX).map((commit, i) => commitItem(commit, i === 0, amendedLater.get(commit.commit), ctx));
  if (commits.length > COMMITS_MAX)
    items.push(
      `<li class="muted">and ${formatInteger(commits.length - COMMITS_MAX)} more: all are in <code>${escapeHtml(ctx.jsonName)}</code></li>`,
    );
  const made = `${formatInteger(commits.length)} commit${commits.length === 1 ? "" : "s"}`;
  return `<section class="card" id="commits"><h2>Commits <span class="count">${made} · ${formatInteger(total.added)} line${total.added === 1 ? "" : "s"} added${share}${commits.some((c) => amendedLater.has(c.commit)) ? " (an amended commit counted once)" : ""}</span></h2>
<ol class="commit-list">${items.join("")}</ol></section>`;
}

function commitItem(commit: ReportCommit, first: boolean, replacedBy: ReportCommit | undefined, ctx: RenderContext): string {
  const head = [
    `<code class="sha" title="${escapeHtml(commit.commit)}">${escapeShown(commit.short)}</code>`,
    `<span class="subject">${commit.subject === "" ? '<span class="muted">(no subject)</span>' : escapeShown(commit.subject)}</span>`,
  ];
  if (commit.branch != null) head.push(`<span class="chip" title="git branch">⎇ ${escapeShown(commit.branch)}</span>`);
  if (commit.amend_of != null)
    head.push(
      `<span class="tag">amended <code title="${escapeHtml(commit.amend_of)}">${escapeShown(commit.amend_of.slice(0, commit.short.length))}</code></span>`,
    );
  if (replacedBy != null) head.push(`<span class="tag muted">replaced by its amend ${escapeShown(replacedBy.short)}</span>`);
  const offset = formatOffset(commit.committed_at, ctx.startMs);
  head.push(
    `<span class="t" title="${escapeHtml(formatDateTime(commit.committed_at))}">${offset === "" ? escapeShown(formatDateTime(commit.committed_at)) : offset}</span>`,
  );
  return `<li class="commit${replacedBy == null ? "" : " replaced"}" id="commit-${escapeHtml(commit.commit)}"><div class="commit-head">${head.join("")}</div>
${shareLine(commit)}${fileTable(commit)}${segmentPart(commit, first)}</li>`;
}

/** The AI share as a bar split by origin, with the figures beside it. */
function shareLine(commit: ReportCommit): string {
  const { lines } = commit;
  if (lines.added === 0) return '<div class="share"><span class="muted">No line added.</span></div>';
  const parts = ORIGINS.filter((o) => lines[o] > 0).map((o) => {
    const width = ((lines[o] / lines.added) * 100).toFixed(2);
    return `<span class="by-${o}" style="width:${width}%" title="${ORIGIN_LABEL[o]}: ${formatInteger(lines[o])}"></span>`;
  });
  const legend = ORIGINS.map((o) => `<span class="key"><i class="by-${o}"></i>${formatInteger(lines[o])} ${ORIGIN_LABEL[o]}</span>`);
  return `<div class="share"><span class="share-n">${commit.ai_share == null ? "" : formatShare(commit.ai_share)} <span>AI</span></span><span class="share-bar">${parts.join("")}</span><span class="legend">${legend.join("")}<span class="muted">of ${formatInteger(lines.added)} line${lines.added === 1 ? "" : "s"} added</span></span></div>`;
}

function fileTable(commit: ReportCommit): string {
  if (commit.files.length === 0) return "";
  const rows = commit.files.slice(0, FILES_MAX).map((f) => {
    const cells = ORIGINS.map((o) => `<td class="num">${f[o] === 0 ? '<span class="muted">0</span>' : formatInteger(f[o])}</td>`);
    return `<tr><td class="mono" title="${escapeHtml(f.path)}">${escapeShown(f.path)}</td><td class="num">${formatInteger(f.added)}</td>${cells.join("")}</tr>`;
  });
  if (commit.files.length > FILES_MAX)
    rows.push(`<tr><td class="muted" colspan="6">and ${formatInteger(commit.files.length - FILES_MAX)} more files</td></tr>`);
  return `<table class="grid commit-files"><thead><tr><th>File</th><th class="num">Added</th>${ORIGINS.map((o) => `<th class="num">${ORIGIN_HEADING[o]}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** What led to the commit: calls, verdicts, tokens, cost, and the flagged calls, each linked to its event. */
function segmentPart(commit: ReportCommit, first: boolean): string {
  const note = `git note ${escapeShown(commit.note)}`;
  const { segment } = commit;
  if (segment == null)
    return `<div class="facts"><span class="unknown">What led to this commit was not recorded.</span><span>${note}</span></div>`;
  const { allowed, warned, blocked } = segment.verdicts;
  const facts = [
    `<span>${first ? "Since the session began" : "Since the previous commit"}: ${formatInteger(segment.events)} tool call${segment.events === 1 ? "" : "s"} · ${formatInteger(segment.prompts)} prompt${segment.prompts === 1 ? "" : "s"}</span>`,
    `<span>${formatInteger(allowed)} allowed · ${formatInteger(warned)} warned · ${formatInteger(blocked)} blocked</span>`,
    `<span>${tokensText(segment.tokens)}</span>`,
    `<span>${costText(segment)}</span>`,
    `<span>${note}</span>`,
  ];
  const flagged = segment.flagged.map((f) => {
    const pill = VERDICT_CLASS[f.verdict] ?? "v-warned";
    return `<li><span class="pill ${pill}">${escapeShown(f.verdict)}</span><span><a href="#ev-${f.record_id}">#${f.record_id} ${escapeShown(f.tool_name)}</a><br><span class="muted mono" title="rule">${escapeShown(f.rules[0] ?? "")}</span></span><div>${f.what === "" ? "" : escapeShown(f.what)}</div></li>`;
  });
  if (segment.flagged_count > segment.flagged.length)
    flagged.push(
      `<li><span></span><span></span><span class="muted">and ${formatInteger(segment.flagged_count - segment.flagged.length)} more in the timeline.</span></li>`,
    );
  const list = flagged.length === 0 ? "" : `<ul class="finding-list commit-flagged">${flagged.join("")}</ul>`;
  return `<div class="facts">${facts.join("")}</div>${list}`;
}

function tokensText(tokens: NonNullable<ReportCommit["segment"]>["tokens"]): string {
  if (tokens == null) return '<span class="unknown">tokens unknown</span>';
  const all = tokens.input + tokens.output + tokens.cache_write + tokens.cache_read;
  return `<span title="input ${formatInteger(tokens.input)} · cache write ${formatInteger(tokens.cache_write)} · cache read ${formatInteger(tokens.cache_read)} · output ${formatInteger(tokens.output)}">${formatCompact(all)} tokens · ${formatCompact(tokens.output)} out</span>`;
}

function costText(segment: NonNullable<ReportCommit["segment"]>): string {
  if (segment.cost_usd != null) return `cost ${formatCost(segment.cost_usd)}`;
  if (segment.unpriced_models.length > 0)
    return `<span class="unknown">cost unknown: no price for ${segment.unpriced_models.map((m) => escapeShown(m)).join(", ")}</span>`;
  return '<span class="unknown">cost unknown</span>';
}
