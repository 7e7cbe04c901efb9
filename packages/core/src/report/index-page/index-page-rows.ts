import { escapeHtml, escapeShown } from "../render/escape-html.js";
import { formatCompact, formatCost, formatDuration, formatInteger } from "../render/format-values.js";
import { verdictTags, type IndexSession } from "./index-page-model.js";
import type { LocalClock } from "./local-clock.js";

/** What a row needs besides its session: the project filter's index of each project, the clock. */
export interface RowContext {
  readonly projectIndex: ReadonlyMap<string, number>;
  readonly clock: LocalClock;
}

/** The key a session is filtered by in the project filter: its folder, else the label. */
export const projectKeyOf = (session: IndexSession): string => session.project_dir ?? session.project_label;

/** One `<tr>`: every text escaped, the filter's and sort's values in `data-*` attributes. */
export function renderSessionRow(session: IndexSession, ctx: RowContext): string {
  const startMs = session.started_at == null ? Number.NaN : Date.parse(session.started_at);
  const started = Number.isNaN(startMs) ? null : ctx.clock.at(startMs);
  const tokens = session.tokens == null ? null : session.tokens.input + session.tokens.output;
  const attributes = [
    `data-p="${ctx.projectIndex.get(projectKeyOf(session)) ?? ""}"`,
    started == null ? "" : `data-day="${started.day}" data-t="${startMs}"`,
    session.duration_ms == null ? "" : `data-d="${Math.round(session.duration_ms)}"`,
    tokens == null ? "" : `data-k="${tokens}"`,
    session.cost_usd == null ? "" : `data-c="${session.cost_usd}"`,
    `data-v="${verdictTags(session).join(" ")}"`,
  ].filter((a) => a !== "");
  const cells = [
    started == null
      ? '<td class="when none">unknown</td>'
      : `<td class="when"><time datetime="${escapeHtml(new Date(startMs).toISOString())}">${started.day} ${started.time}</time></td>`,
    `<td class="proj" data-dir="${escapeHtml(projectKeyOf(session))}" title="${escapeHtml(projectKeyOf(session))}">${escapeHtml(session.project_label)}</td>`,
    `<td class="sid"><code data-id="${escapeHtml(session.session_id)}" title="${escapeHtml(session.session_id)}">${escapeHtml(session.session_id.slice(0, 8))}</code></td>`,
    session.first_prompt == null
      ? '<td class="prompt none">—</td>'
      : `<td class="prompt"><div>${escapeShown(session.first_prompt)}</div></td>`,
    `<td class="num">${session.duration_ms == null ? '<span class="none">—</span>' : escapeHtml(formatDuration(session.duration_ms))}</td>`,
    `<td class="models">${session.models.length === 0 ? '<span class="none">—</span>' : session.models.map(escapeHtml).join("<br>")}</td>`,
    tokens == null || session.tokens == null
      ? '<td class="num none">—</td>'
      : `<td class="num" title="${formatInteger(session.tokens.input)} in, ${formatInteger(session.tokens.output)} out">${formatCompact(tokens)}</td>`,
    renderCost(session),
    renderVerdicts(session),
    session.report_href == null || !isRelativeHref(session.report_href)
      ? '<td class="none">—</td>'
      : `<td><a href="${escapeHtml(session.report_href)}" aria-label="report of session ${escapeHtml(session.session_id.slice(0, 8))}">report</a></td>`,
  ];
  return `<tr ${attributes.join(" ")}>${cells.join("")}</tr>\n`;
}

function renderCost(session: IndexSession): string {
  const unpriced =
    session.unpriced_models.length === 0
      ? ""
      : `<span class="unpriced" title="no price for ${escapeHtml(session.unpriced_models.join(", "))}: their tokens are counted, their cost is not">+ no price: ${session.unpriced_models.map(escapeHtml).join(", ")}</span>`;
  const cost =
    session.cost_usd == null
      ? `<span class="none" title="unknown: no report or transcript to count it from">—</span>`
      : escapeHtml(formatCost(session.cost_usd));
  return `<td class="num">${cost}${unpriced}</td>`;
}

function renderVerdicts(session: IndexSession): string {
  if (!session.recorded) return '<td><span class="pill v-unrecorded">not recorded</span></td>';
  const { verdicts } = session;
  if (verdicts == null) return '<td><span class="pill v-unknown" title="its records could not be counted">unknown</span></td>';
  const pills = [
    verdicts.blocked > 0 ? `<span class="pill v-blocked">${formatInteger(verdicts.blocked)} blocked</span>` : "",
    verdicts.warned > 0 ? `<span class="pill v-warned">${formatInteger(verdicts.warned)} warned</span>` : "",
    `<span class="pill v-allowed">${formatInteger(verdicts.allowed)} allowed</span>`,
  ];
  return `<td>${pills.join("")}</td>`;
}

/**
 * A link to a report is a relative path the CLI made; anything with a scheme (`javascript:`,
 * `http:`) or a protocol-relative `//host` is not rendered as a link.
 */
function isRelativeHref(href: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("//") && !href.startsWith("\\");
}
