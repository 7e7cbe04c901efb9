import { describe, expect, it } from "vitest";
import { DEFAULT_AXIS_OPTIONS, layOutTimeAxis, type AxisCall } from "./time-axis-layout.js";

const call = (id: number, startS: number, endS: number, group = "main"): AxisCall => ({
  id,
  startMs: startS * 1000,
  endMs: endS * 1000,
  group,
});
const lanesOf = (calls: AxisCall[]) => layOutTimeAxis(calls, []).groups.map((g) => [g.group, g.bars.map((bar) => [bar.id, bar.lane])]);

describe("layOutTimeAxis lanes", () => {
  it("puts calls that run at the same time on separate lanes", () => {
    expect(lanesOf([call(1, 0, 10), call(2, 2, 6), call(3, 4, 8)])).toEqual([
      [
        "main",
        [
          [1, 0],
          [2, 1],
          [3, 2],
        ],
      ],
    ]);
  });

  it("reuses a lane once its call has ended", () => {
    expect(lanesOf([call(1, 0, 4), call(2, 1, 3), call(3, 5, 9)])).toEqual([
      [
        "main",
        [
          [1, 0],
          [2, 1],
          [3, 0],
        ],
      ],
    ]);
  });

  it("gives each subagent lanes of its own, after the main thread", () => {
    const layout = layOutTimeAxis([call(1, 2, 8, "a1"), call(2, 0, 10), call(3, 3, 4, "a1")], []);
    expect(layout.groups.map((g) => [g.group, g.lanes])).toEqual([
      ["main", 1],
      ["a1", 2],
    ]);
  });

  it("keeps calls of one instant (a blocked call) from drawing over each other", () => {
    expect(lanesOf([call(1, 5, 5), call(2, 5, 5)])).toEqual([
      [
        "main",
        [
          [1, 0],
          [2, 1],
        ],
      ],
    ]);
  });
});

describe("layOutTimeAxis idle gaps", () => {
  it("cuts an idle stretch longer than the gap down to one break saying how long it was", () => {
    const layout = layOutTimeAxis([call(1, 0, 10), call(2, 610, 620)], []);
    expect(layout.breaks).toEqual([{ x: 10_000 * layout.pxPerMs, idleMs: 600_000 }]);
  });

  it("draws the time after a break right after it, at the same scale", () => {
    const layout = layOutTimeAxis([call(1, 0, 10), call(2, 610, 620)], []);
    const [, second] = layout.groups[0]?.bars ?? [];
    expect([second?.x, second?.width]).toEqual([10_000 * layout.pxPerMs + DEFAULT_AXIS_OPTIONS.breakPx, 10_000 * layout.pxPerMs]);
  });

  it("keeps idle time up to the gap on the axis", () => {
    expect(layOutTimeAxis([call(1, 0, 10), call(2, 50, 60)], []).breaks).toEqual([]);
  });

  it("counts response moments as activity that bridges a gap", () => {
    expect(layOutTimeAxis([call(1, 0, 10), call(2, 100, 110)], [{ ms: 55_000, group: "main" }]).breaks).toEqual([]);
  });

  it("spreads a short session over the target width", () => {
    const layout = layOutTimeAxis([call(1, 0, 10), call(2, 5, 20)], []);
    expect(layout.width).toBe(DEFAULT_AXIS_OPTIONS.targetWidthPx);
  });

  it("draws a long session no wider than the maximum", () => {
    const calls = Array.from({ length: 2000 }, (_, i) => call(i, i * 50, i * 50 + 40));
    expect(layOutTimeAxis(calls, []).width).toBeLessThanOrEqual(DEFAULT_AXIS_OPTIONS.maxWidthPx);
  });
});
