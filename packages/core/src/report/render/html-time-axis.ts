import type { ToolEventRecord } from "../../store/session-record.js";
import { describeToolCall } from "./describe-tool-call.js";
import { escapeHtml, escapeShown } from "./escape-html.js";
import { formatDuration, formatInteger, formatOffset } from "./format-values.js";
import type { RenderContext } from "./render-context.js";
import { layOutTimeAxis, type AxisCall, type AxisLayout, type AxisPoint } from "./time-axis-layout.js";

/** The axis draws at most this many calls: the latest ones (the timeline below lists them all). */
export const MAX_AXIS_CALLS = 2500;

const TURN_ROW = 18;
const LABEL_ROW = 16;
const MARK_ROW = 9;
const LANE = 16;
const LANE_GAP = 3;
const TICK_ROW = 22;
/** Room under the last lane for a call's tooltip. */
const TIP_ROOM = 40;
const NICE_STEPS_MS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200].map((s) => s * 1000);

/**
 * The session on a time axis: each tool call a bar from its start to its end, on lanes so that
 * calls run at once sit one above the other, subagents on lanes of their own, ticks where model
 * responses began, lines where prompts came, idle stretches cut down to a labelled break. A bar
 * is a link to the call's timeline entry; hovering or focusing it shows the call.
 */
export function renderTimeAxis(ctx: RenderContext): string {
  const { model } = ctx;
  const dated = model.events.flatMap((event) => {
    const startMs = Date.parse(event.timestamp_start);
    const endMs = Date.parse(event.timestamp_end);
    return Number.isNaN(startMs) ? [] : [{ event, startMs, endMs: Number.isNaN(endMs) ? startMs : endMs }];
  });
  const head = `<section class="card" id="axis"><h2>Time axis <span class="count">${formatInteger(dated.length)} tool calls · ${formatInteger(model.response_marks.length + model.response_marks_omitted)} model responses</span></h2>`;
  if (dated.length === 0) return `${head}<p class="empty">No tool call to draw.</p></section>`;
  const kept = dated.toSorted((a, b) => a.startMs - b.startMs || a.event.id - b.event.id).slice(-MAX_AXIS_CALLS);
  // When calls are left out, so are the responses and prompts before the first call drawn.
  const from = kept.length === dated.length ? Number.NEGATIVE_INFINITY : (kept[0]?.startMs ?? 0);
  const calls: AxisCall[] = kept.map(({ event, startMs, endMs }) => ({ id: event.id, startMs, endMs, group: event.agent_id ?? "main" }));
  const marks: AxisPoint[] = model.response_marks.flatMap((mark) => {
    const ms = Date.parse(mark.at);
    return Number.isNaN(ms) || ms < from ? [] : [{ ms, group: mark.agent_id ?? "main" }];
  });
  const turns = model.turns.flatMap((turn) => {
    const ms = turn.started_at == null || turn.index === 0 ? Number.NaN : Date.parse(turn.started_at);
    return Number.isNaN(ms) || ms < from ? [] : [{ ms, index: turn.index, prompt: turn.prompt ?? "" }];
  });
  const layout = layOutTimeAxis(calls, [...marks, ...turns.map((turn) => ({ ms: turn.ms, group: "main" }))]);
  const events = new Map(kept.map(({ event }) => [event.id, event]));
  const marksByGroup = new Map<string, AxisPoint[]>();
  for (const mark of marks) {
    const own = marksByGroup.get(mark.group) ?? [];
    own.push(mark);
    marksByGroup.set(mark.group, own);
  }
  const agentTypes = new Map(model.subagents.map((agent) => [agent.agent_id, agent.agent_type]));

  const labels: string[] = [];
  const body: string[] = [];
  let y = TURN_ROW;
  for (const group of layout.groups) {
    const name =
      group.group === "main"
        ? "Main thread"
        : `${escapeShown(agentTypes.get(group.group) ?? "subagent")} <small>${escapeShown(group.group.slice(0, 8))}</small>`;
    labels.push(`<div class="axis-label" style="top:${y}px" title="${escapeHtml(group.group)}">${name}</div>`);
    const markTop = y + LABEL_ROW;
    for (const mark of marks)
      if (mark.group === group.group) body.push(`<i class="axis-mark" style="left:${px(layout.xOf(mark.ms))};top:${markTop}px"></i>`);
    const lanesTop = markTop + MARK_ROW;
    for (const bar of group.bars) {
      const event = events.get(bar.id);
      if (event != null) body.push(renderBar(event, bar.x, lanesTop + bar.lane * (LANE + LANE_GAP), bar.width, layout, ctx));
    }
    y = lanesTop + group.lanes * (LANE + LANE_GAP) + 6;
  }
  const height = y + TICK_ROW;
  for (const gap of layout.breaks) {
    const label = layout.breakPx >= 30 ? `<span>${escapeHtml(formatDuration(gap.idleMs))}</span>` : "";
    body.push(
      `<div class="axis-break" style="left:${px(gap.x)};width:${px(layout.breakPx)};height:${y - TURN_ROW}px" title="${escapeHtml(`${formatDuration(gap.idleMs)} idle, cut short`)}" role="img" aria-label="${escapeHtml(`break: ${formatDuration(gap.idleMs)} idle`)}">${label}</div>`,
    );
  }
  let lastLabel = Number.NEGATIVE_INFINITY;
  for (const turn of turns) {
    const x = layout.xOf(turn.ms);
    const shown = x - lastLabel >= 22;
    if (shown) lastLabel = x;
    body.push(
      `<a class="axis-turn" href="#turn-${turn.index}" style="left:${px(x)};height:${y}px" title="${escapeHtml(`Turn ${turn.index}: ${turn.prompt}`)}" aria-label="turn ${turn.index}">${shown ? `T${turn.index}` : ""}</a>`,
    );
  }
  body.push(...renderTicks(layout, ctx.startMs ?? from, y));
  const omitted = dated.length - kept.length;
  const note =
    omitted === 0
      ? ""
      : `<p class="cut">The first ${formatInteger(omitted)} tool calls are not drawn: the axis shows the latest ${formatInteger(kept.length)}; the timeline below lists them all.</p>`;
  return `${head}${legend()}${note}<div class="axis-frame"><div class="axis-labels" style="height:${height + TIP_ROOM}px">${labels.join("")}</div><div class="axis-scroll"><div class="axis" style="width:${layout.width}px;height:${height + TIP_ROOM}px">${body.join("")}</div></div></div></section>`;
}

function renderBar(event: ToolEventRecord, x: number, top: number, width: number, layout: AxisLayout, ctx: RenderContext): string {
  const what = describeToolCall(event.tool_name, event.tool_input, ctx.projectDir, 80);
  const when = formatOffset(event.timestamp_start, ctx.startMs);
  const failed = event.outcome === "failed" ? " failed" : "";
  const said = `#${event.id} ${event.tool_name}${what === "" ? "" : ` ${what}`}, ${when === "" ? "" : `${when}, `}${formatDuration(event.duration_ms)}, ${event.verdict}${failed}`;
  // A tip near the right end opens leftwards, so it stays inside the axis.
  const side = x > layout.width - 320 ? " tip-left" : "";
  return `<a class="axis-bar ab-${event.verdict}${event.outcome === "failed" ? " ab-failed" : ""}${side}" href="#ev-${event.id}" style="left:${px(x)};top:${top}px;width:${px(width)}" aria-label="${escapeHtml(said)}"><span class="tip"><b>#${event.id} ${escapeShown(event.tool_name)}</b> ${escapeShown(what)}<br>${escapeHtml(when)} · ${escapeHtml(formatDuration(event.duration_ms))} · ${event.verdict}${failed}</span></a>`;
}

function renderTicks(layout: AxisLayout, originMs: number, top: number): string[] {
  const step = NICE_STEPS_MS.find((ms) => ms * layout.pxPerMs >= 110) ?? 4 * 3600_000;
  const out: string[] = [];
  let lastX = Number.NEGATIVE_INFINITY;
  const tick = (ms: number) => {
    const x = layout.xOf(ms);
    if (x - lastX < 70 || out.length >= 800) return;
    lastX = x;
    out.push(
      `<span class="axis-tick" style="left:${px(x)};top:${top}px">${escapeHtml(formatOffset(new Date(ms).toISOString(), originMs))}</span>`,
    );
  };
  for (const [start, end] of layout.spans) {
    tick(start);
    for (let ms = originMs + Math.ceil((start - originMs) / step) * step; ms <= end; ms += step) if (ms > start) tick(ms);
  }
  return out;
}

function legend(): string {
  const key = (cls: string, label: string) => `<span class="key"><i class="${cls}"></i>${label}</span>`;
  return `<p class="legend axis-legend">${key("ab-allowed", "allowed")}${key("ab-warned", "warned")}${key("ab-blocked", "blocked")}${key("ab-allowed ab-failed", "failed")}${key("axis-mark-key", "model response")}${key("axis-turn-key", "prompt")}${key("axis-break-key", "idle over 1 min, cut short")}</p>`;
}

function px(value: number): string {
  return `${Math.round(value * 10) / 10}px`;
}
