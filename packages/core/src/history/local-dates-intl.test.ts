import { describe, expect, it } from "vitest";
import { localDates } from "./local-dates.js";
import { QUARTER_HOUR_MS } from "./usage-scan.js";

/** Every quarter-hour of 2026, day by day as Intl names it: the reference the shortcut must equal. */
function mismatches(timeZone: string): string[] {
  const dates = localDates(timeZone);
  const reference = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const wrong: string[] = [];
  const first = Date.UTC(2026, 0, 1) / QUARTER_HOUR_MS;
  const last = Date.UTC(2027, 0, 1) / QUARTER_HOUR_MS;
  for (let quarter = first; quarter < last; quarter++) {
    const expected = reference.format(quarter * QUARTER_HOUR_MS);
    if (dates.dayOf(quarter) !== expected) wrong.push(new Date(quarter * QUARTER_HOUR_MS).toISOString());
  }
  return wrong;
}

describe("localDates", () => {
  // Offsets of +5:30 and -3:30, +12:45 with DST, a 30-minute DST shift, and plain hourly DST.
  it.each(["UTC", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham", "Australia/Lord_Howe", "Europe/Paris", "America/New_York"])(
    "names the same calendar day as Intl for every quarter-hour of a year in %s",
    (timeZone) => {
      expect(mismatches(timeZone)).toEqual([]);
    },
  );
});
