import { TimeZoneError } from "../../history/local-dates.js";

/** A wall clock in one time zone: the day and minute an instant falls on there. */
export interface LocalClock {
  readonly timeZone: string;
  at(epochMs: number): { readonly day: string; readonly time: string };
}

/** Throws TimeZoneError for a name `Intl` does not know. */
export function localClock(timeZone: string): LocalClock {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
  } catch (error) {
    throw new TimeZoneError(`unknown time zone "${timeZone}": give an IANA name such as UTC, Europe/Paris or America/New_York`, {
      cause: error,
    });
  }
  return {
    timeZone,
    at(epochMs) {
      const parts: Record<string, string> = {};
      for (const part of format.formatToParts(epochMs)) parts[part.type] = part.value;
      return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
    },
  };
}
