import { describe, expect, it } from "vitest";
import {
  baseName,
  formatCompact,
  formatCost,
  formatDateTime,
  formatDuration,
  formatOffset,
  formatShare,
  relativePath,
} from "./format-values.js";

describe("format values", () => {
  it.each([
    [null, "—"],
    [850, "850 ms"],
    [12_340, "12.3 s"],
    [245_000, "4m 05s"],
    [3_725_000, "1h 02m"],
  ])("formats a duration of %j ms", (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it.each([
    [0, "$0.00"],
    [0.0042, "$0.0042"],
    [1.5, "$1.50"],
  ])("formats a cost of %d", (usd, expected) => {
    expect(formatCost(usd)).toBe(expected);
  });

  it.each([
    [999, "999"],
    [1234, "1.2k"],
    [2_000_000, "2M"],
  ])("formats %d compactly", (n, expected) => {
    expect(formatCompact(n)).toBe(expected);
  });

  it.each([
    [0, "0%"],
    [0.004, "<1%"],
    [10 / 14, "71%"],
    [0.996, ">99%"],
    [1, "100%"],
  ])("formats a share of %d as a percentage that is never 0 or 100 unless exact", (share, expected) => {
    expect(formatShare(share)).toBe(expected);
  });

  it("formats timestamps in UTC", () => {
    expect(formatDateTime("2026-03-02T15:03:11.250+01:00")).toBe("2026-03-02 14:03:11 UTC");
  });

  it("formats offsets from the session start", () => {
    expect([
      formatOffset("2026-03-02T14:04:31Z", Date.parse("2026-03-02T14:00:00Z")),
      formatOffset("2026-03-02T15:02:07Z", Date.parse("2026-03-02T14:00:00Z")),
    ]).toEqual(["+04:31", "+1:02:07"]);
  });

  it("shortens paths inside the project only", () => {
    expect([relativePath("/p/app/src/a.ts", "/p/app"), relativePath("/p/application/a.ts", "/p/app")]).toEqual([
      "src/a.ts",
      "/p/application/a.ts",
    ]);
  });

  it("names a project by its last path segment", () => {
    expect([baseName("/home/dev/shop-api/"), baseName("C:\\src\\app")]).toEqual(["shop-api", "app"]);
  });
});
