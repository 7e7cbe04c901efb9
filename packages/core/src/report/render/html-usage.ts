import type { ModelUsageSummary, ReportModel } from "../report-model.js";
import { escapeShown } from "./escape-html.js";
import { formatCost, formatInteger } from "./format-values.js";

/** Tokens and cost per model with a total; an unknown price is said so, with the reason, never guessed. */
export function renderUsage(model: ReportModel): string {
  const entries = Object.entries(model.models).toSorted((a, b) => b[1].output_tokens - a[1].output_tokens);
  const notes =
    model.notes.length === 0 ? "" : `<ul class="notes">${model.notes.map((note) => `<li>${escapeShown(note)}</li>`).join("")}</ul>`;
  if (entries.length === 0) return section(`<p class="empty">No model usage was found in the transcript.</p>${notes}`);
  const total: ModelUsageSummary = {
    input_tokens: 0,
    output_tokens: 0,
    cache_creation_input_tokens: 0,
    cache_creation_5m_input_tokens: 0,
    cache_creation_1h_input_tokens: 0,
    cache_read_input_tokens: 0,
    api_calls: 0,
    cost_usd: model.cost_usd,
  };
  for (const [, usage] of entries) {
    total.input_tokens += usage.input_tokens;
    total.output_tokens += usage.output_tokens;
    total.cache_creation_input_tokens += usage.cache_creation_input_tokens;
    total.cache_creation_5m_input_tokens += usage.cache_creation_5m_input_tokens;
    total.cache_creation_1h_input_tokens += usage.cache_creation_1h_input_tokens;
    total.cache_read_input_tokens += usage.cache_read_input_tokens;
    total.api_calls += usage.api_calls;
  }
  const rows = entries.map(([name, usage]) => `<tr>${cells(`<code>${escapeShown(name)}</code>`, usage)}</tr>`);
  return section(`<table class="grid"><thead><tr><th>Model</th><th class="num">API calls</th><th class="num">Input</th><th class="num">Cache write</th><th class="num">Cache read</th><th class="num">Output</th><th class="num">Cost</th></tr></thead>
<tbody>${rows.join("")}</tbody><tfoot><tr>${cells("Total", total)}</tr></tfoot></table>${notes}`);
}

function section(body: string): string {
  return `<section class="card" id="usage"><h2>Tokens and cost by model</h2>${body}</section>`;
}

function cells(label: string, usage: ModelUsageSummary): string {
  const cost = usage.cost_usd == null ? '<span class="unknown">unknown price</span>' : formatCost(usage.cost_usd);
  return `<td>${label}</td>${n(usage.api_calls)}${n(usage.input_tokens)}<td class="num" title="5-minute: ${formatInteger(usage.cache_creation_5m_input_tokens)} · 1-hour: ${formatInteger(usage.cache_creation_1h_input_tokens)}">${formatInteger(usage.cache_creation_input_tokens)}</td>${n(usage.cache_read_input_tokens)}${n(usage.output_tokens)}<td class="num">${cost}</td>`;
}

function n(value: number): string {
  return `<td class="num">${formatInteger(value)}</td>`;
}
