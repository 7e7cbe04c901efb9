import { escapeHtml, escapeShown } from "../render/escape-html.js";
import { baseName, formatCompact, formatCost, formatDuration, formatInteger } from "../render/format-values.js";
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
    `<td class="proj" data-dir="${escapeHtml(projectKeyOf(session))}" title="${escapeHtml(session.project_label)}">${escapeHtml(baseName(session.project_label))}</td>`,
    `<td class="sid"><code data-id="${escapeHtml(session.session_id)}" title="${escapeHtml(session.session_id)}">${escapeHtml(session.session_id.slice(0, 8))}</code></td>`,
    session.first_prompt == null
      ? '<td class="prompt none">—</td>'
      : `<td class="prompt"><div>${escapeShown(session.first_prompt)}</div></td>`,
    `<td class="num">${session.duration_ms == null ? '<span class="none">—</span>' : escapeHtml(formatDuration(session.duration_ms))}</td>`,
    session.models.length === 0
      ? '<td class="models none">—</td>'
      : `<td class="models" title="${escapeHtml(session.models.join(", "))}">${session.models.map((m) => modelSpan(m, session.unpriced_models.includes(m))).join(", ")}</td>`,
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
      : `<span class="unpriced" title="no price for ${escapeHtml(session.unpriced_models.join(", "))}: their tokens are counted, their cost is not">+ unpriced</span>`;
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

/** A model a session used, short; one without a price is marked and named so in its title. */
function modelSpan(model: string, unpriced: boolean): string {
  const name = escapeHtml(shortModel(model));
  return unpriced ? `<span class="nop" title="no price for ${escapeHtml(model)}">${name} (no price)</span>` : `<span>${name}</span>`;
}

/** `claude-sonnet-4-5-20250929` → `sonnet-4-5`: the full ids are in the cell's title. */
export const shortModel = (model: string): string => model.replace(/^claude-/, "").replace(/-\d{8}$/, "");

/**
 * A link to a report is a relative path the CLI made; anything with a scheme (`javascript:`,
 * `http:`) or a protocol-relative `//host` is not rendered as a link.
 */
function isRelativeHref(href: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("//") && !href.startsWith("\\");
}
