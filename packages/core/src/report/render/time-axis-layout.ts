/**
 * Where things go on the report's time axis. Time runs left to right at one scale, except that
 * idle stretches longer than `gapMs` are cut down to a fixed-width break (saying how long they
 * were). Each group (the main thread, each subagent) gets as many lanes as it ran calls at once:
 * a call takes the first lane free at its start, so overlapping calls sit one above the other.
 */
export interface AxisCall {
  readonly id: number;
  readonly startMs: number;
  readonly endMs: number;
  /** "main" or a subagent's id. */
  readonly group: string;
}

export interface AxisPoint {
  readonly ms: number;
  readonly group: string;
}

export interface AxisOptions {
  /** Idle time longer than this becomes a break. */
  readonly gapMs: number;
  readonly breakPx: number;
  /** The narrowest a call is drawn, so an instant (a blocked call) still shows and takes its place. */
  readonly minBarPx: number;
  /** The width a short session is spread over. */
  readonly targetWidthPx: number;
  /** A long session is drawn no wider than this (it scrolls)... */
  readonly maxWidthPx: number;
  /** ...and no denser than this, unless maxWidthPx forces it. */
  readonly minPxPerSecond: number;
}

export const DEFAULT_AXIS_OPTIONS: AxisOptions = {
  gapMs: 60_000,
  breakPx: 44,
  minBarPx: 5,
  targetWidthPx: 940,
  maxWidthPx: 30_000,
  minPxPerSecond: 2,
};

export interface AxisBar {
  readonly id: number;
  readonly lane: number;
  readonly x: number;
  readonly width: number;
}

export interface AxisGroup {
  readonly group: string;
  readonly lanes: number;
  readonly bars: readonly AxisBar[];
}

export interface AxisBreak {
  readonly x: number;
  readonly idleMs: number;
}

export interface AxisLayout {
  readonly width: number;
  readonly pxPerMs: number;
  /** The width of each break (narrower than asked when there are very many). */
  readonly breakPx: number;
  readonly breaks: readonly AxisBreak[];
  /** In order of first call (main first when it has any). */
  readonly groups: readonly AxisGroup[];
  /** x of a moment; moments inside a break map to the break's start. */
  readonly xOf: (ms: number) => number;
  /** Active stretches: [startMs, endMs, x]. */
  readonly spans: readonly (readonly [number, number, number])[];
}

/** Lays out calls and moments (responses, prompts) on one axis. */
export function layOutTimeAxis(
  calls: readonly AxisCall[],
  points: readonly AxisPoint[],
  options: AxisOptions = DEFAULT_AXIS_OPTIONS,
): AxisLayout {
  const intervals = [
    ...calls.map((call) => [call.startMs, Math.max(call.startMs, call.endMs)] as const),
    ...points.map((point) => [point.ms, point.ms] as const),
  ].toSorted((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of intervals) {
    const last = merged.at(-1);
    if (last != null && start - last[1] <= options.gapMs) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const activeMs = merged.reduce((sum, [start, end]) => sum + (end - start), 0);
  // Many breaks (a long session of short turns) narrow down to take at most 40% of the widest axis.
  const breakCount = Math.max(0, merged.length - 1);
  const breakPx = breakCount === 0 ? options.breakPx : Math.min(options.breakPx, Math.max(8, (options.maxWidthPx * 0.4) / breakCount));
  const breaksPx = breakCount * breakPx;
  const room = Math.max(1, options.targetWidthPx - breaksPx - options.minBarPx);
  const wanted = Math.max(room / Math.max(activeMs, 1), options.minPxPerSecond / 1000);
  const pxPerMs = Math.min(wanted, Math.max(1, options.maxWidthPx - breaksPx - options.minBarPx) / Math.max(activeMs, 1));
  const spans: [number, number, number][] = [];
  const breaks: AxisBreak[] = [];
  let x = 0;
  merged.forEach(([start, end], index) => {
    if (index > 0) {
      breaks.push({ x, idleMs: start - (merged[index - 1]?.[1] ?? start) });
      x += breakPx;
    }
    spans.push([start, end, x]);
    x += (end - start) * pxPerMs;
  });
  const xOf = (ms: number): number => {
    let low = 0;
    let high = spans.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((spans[middle]?.[0] ?? 0) <= ms) low = middle + 1;
      else high = middle;
    }
    const span = spans[low - 1];
    if (span == null) return 0;
    return span[2] + (Math.min(ms, span[1]) - span[0]) * pxPerMs;
  };
  const groups = new Map<string, { lanes: number[]; bars: AxisBar[] }>();
  const order = [...calls].toSorted((a, b) => a.startMs - b.startMs || a.id - b.id);
  if (order.some((call) => call.group === "main")) groups.set("main", { lanes: [], bars: [] });
  for (const call of order) {
    const group = groups.get(call.group) ?? { lanes: [], bars: [] };
    groups.set(call.group, group);
    const left = xOf(call.startMs);
    const width = Math.max(options.minBarPx, xOf(call.endMs) - left);
    // A lane is free when its last bar ends before this one starts, with a pixel between them.
    let lane = group.lanes.findIndex((end) => end + 1 <= left);
    if (lane < 0) lane = group.lanes.push(0) - 1;
    group.lanes[lane] = left + width;
    group.bars.push({ id: call.id, lane, x: left, width });
  }
  return {
    width: Math.min(Math.ceil(x + options.minBarPx), Math.max(options.maxWidthPx, options.targetWidthPx)),
    pxPerMs,
    breakPx,
    breaks,
    groups: [...groups].map(([group, { lanes, bars }]) => ({ group, lanes: lanes.length, bars })),
    xOf,
    spans,
  };
}
