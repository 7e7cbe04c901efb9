import { describe, expect, it } from "vitest";
import { defaultTimeZone, localDates, mondayOf, parseDay, systemTimeZone, TimeZoneError } from "./local-dates.js";
import { QUARTER_HOUR_MS } from "./usage-scan.js";

const quarterOf = (iso: string): number => Math.floor(Date.parse(iso) / QUARTER_HOUR_MS);

describe("parseDay", () => {
  it("takes YYYY-MM-DD and YYYYMMDD", () => {
    expect([parseDay("2026-11-21"), parseDay("20261121"), parseDay(" 2026-11-21 ")]).toEqual(["2026-11-21", "2026-11-21", "2026-11-21"]);
  });

  it("refuses a day that is not in the calendar, or not a day", () => {
    expect([parseDay("2026-02-29"), parseDay("2026-13-01"), parseDay("21/11/2026"), parseDay("")]).toEqual([null, null, null, null]);
  });
});

describe("mondayOf", () => {
  it("gives the Monday of the ISO week, Sunday included", () => {
    expect(["2026-11-23", "2026-11-25", "2026-11-29", "2026-11-30"].map(mondayOf)).toEqual([
      "2026-11-23",
      "2026-11-23",
      "2026-11-23",
      "2026-11-30",
    ]);
  });

  it("crosses month and year ends", () => {
    expect([mondayOf("2026-03-01"), mondayOf("2027-01-03")]).toEqual(["2026-02-23", "2026-12-28"]);
  });
});

describe("localDates", () => {
  it("dates a quarter hour by the time zone's calendar, Nepal's +5:45 included", () => {
    const nepal = localDates("Asia/Kathmandu");
    expect([nepal.dayOf(quarterOf("2026-11-21T18:00:00Z")), nepal.dayOf(quarterOf("2026-11-21T18:15:00Z"))]).toEqual([
      "2026-11-21",
      "2026-11-22",
    ]);
  });

  it("keeps the time zone's name as given", () => {
    expect(localDates("Asia/Kolkata").timeZone).toBe("Asia/Kolkata");
  });

  it("refuses an unknown time zone with a TimeZoneError naming it", () => {
    expect(() => localDates("Mars/Olympus")).toThrow(
      new TimeZoneError('unknown time zone "Mars/Olympus": give an IANA name such as UTC, Europe/Paris or America/New_York'),
    );
  });
});

describe("defaultTimeZone", () => {
  it("takes $TZ when it names an IANA zone, with or without a leading colon", () => {
    expect([defaultTimeZone("Asia/Kolkata"), defaultTimeZone(":Europe/Paris")]).toEqual(["Asia/Kolkata", "Europe/Paris"]);
  });

  it("falls back to the machine's zone when $TZ is unset, empty, a file or a POSIX rule", () => {
    expect([undefined, "", ":/etc/localtime", "UTC0"].map(defaultTimeZone)).toEqual(Array(4).fill(systemTimeZone()));
  });
});
