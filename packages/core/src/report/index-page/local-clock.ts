import { zoneFormat } from "../../history/local-dates.js";

/** A wall clock in one time zone: the day and minute an instant falls on there. */
export interface LocalClock {
  readonly timeZone: string;
  at(epochMs: number): { readonly day: string; readonly time: string };
}

/** Throws TimeZoneError for a name `Intl` does not know. */
export function localClock(timeZone: string): LocalClock {
  const format = zoneFormat(timeZone);
  return {
    timeZone,
    at(epochMs) {
      const parts: Record<string, string> = {};
      for (const part of format.formatToParts(epochMs)) parts[part.type] = part.value;
      return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
    },
  };
}
