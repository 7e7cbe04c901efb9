import { QUARTER_HOUR_MS } from "./usage-scan.js";

/**
 * Calendar dates of quarter-hour cells in a time zone (an IANA name, e.g. "Europe/Paris" or "UTC").
 * Every offset in use today is a multiple of 15 minutes, so a cell never straddles midnight.
 */
export interface LocalDates {
  readonly timeZone: string;
  /** `YYYY-MM-DD` of the cell's start. */
  dayOf(quarter: number): string;
}

export class TimeZoneError extends Error {
  override name = "TimeZoneError";
}

export function localDates(timeZone: string): LocalDates {
  const format = zoneFormat(timeZone);
  // Asking Intl costs microseconds, and a year of history has tens of thousands of cells: the
  // offset is asked twice per UTC day, and per cell only on the days it changes (DST).
  const offsets = new Map<number, number | null>();
  const names = new Map<number, string>();
  const offsetOfDay = (utcDay: number): number | null => {
    let offset = offsets.get(utcDay);
    if (offset === undefined) {
      const start = utcDay * DAY_MS;
      const atStart = offsetAt(format, start);
      offset = atStart === offsetAt(format, start + DAY_MS - QUARTER_HOUR_MS) ? atStart : null;
      offsets.set(utcDay, offset);
    }
    return offset;
  };
  return {
    // As given: ICU may resolve a current name to an older alias (Asia/Kolkata to Asia/Calcutta).
    timeZone,
    dayOf(quarter) {
      const at = quarter * QUARTER_HOUR_MS;
      const offset = offsetOfDay(Math.floor(at / DAY_MS)) ?? offsetAt(format, at);
      const localDay = Math.floor((at + offset) / DAY_MS);
      let day = names.get(localDay);
      if (day == null) {
        day = new Date(localDay * DAY_MS).toISOString().slice(0, 10);
        names.set(localDay, day);
      }
      return day;
    },
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** How far the zone's wall clock is ahead of UTC at `epochMs`, to the minute. */
function offsetAt(format: Intl.DateTimeFormat, epochMs: number): number {
  const parts = Object.fromEntries(format.formatToParts(epochMs).map((part) => [part.type, Number(part.value)]));
  const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, (parts.hour ?? 0) % 24, parts.minute ?? 0);
  return wall - Math.floor(epochMs / 60_000) * 60_000;
}

/**
 * The time zone days are cut in when none is asked for: `$TZ` when it names an IANA zone (a leading
 * `:` allowed), else the machine's as `Intl` resolves it, else UTC. `$TZ` may also hold what only
 * the C library reads (`:/etc/localtime`, `UTC0`, `EST5EDT` rules, or nothing): Intl then resolves
 * no zone (undefined, or "Etc/Unknown"), which must not fail a command that was given no --timezone.
 */
export function defaultTimeZone(tz: string | undefined): string {
  const named = tz?.replace(/^:/, "");
  if (named != null && named !== "" && isTimeZone(named)) return named;
  return systemTimeZone();
}

/**
 * A formatter of the day and minute in `timeZone` (24-hour clock); TimeZoneError for a name Intl
 * does not know.
 */
export function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
  } catch (error) {
    throw new TimeZoneError(`unknown time zone "${timeZone}": give an IANA name such as UTC, Europe/Paris or America/New_York`, {
      cause: error,
    });
  }
}

/** The machine's own time zone, as `Intl` resolves it (TZ, else the system's); UTC when it resolves none. */
export function systemTimeZone(): string {
  const resolved: string | undefined = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return resolved != null && isTimeZone(resolved) ? resolved : "UTC";
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-CA", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The Monday of a `YYYY-MM-DD` day's ISO week. */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

const DAY = /^(\d{4})-?(\d{2})-?(\d{2})$/;

/** `YYYY-MM-DD` (or `YYYYMMDD`, as ccusage takes it) as `YYYY-MM-DD`; null when it is not a real date. */
export function parseDay(text: string): string | null {
  const match = DAY.exec(text.trim());
  if (match == null) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : day;
}
