import { defaultTimeZone, TimeZoneError, zoneFormat } from "@warden/core";
import { CliUsageError, type CliIo } from "./cli-io.js";

/**
 * The time zone days are cut in: `--timezone` when given, checked before any transcript is read
 * (a mistyped zone should not cost a scan of every transcript), else `$TZ` or the system's.
 */
export function timeZoneOption(given: string | undefined, io: Pick<CliIo, "env">): string {
  if (given == null) return defaultTimeZone(io.env.TZ);
  try {
    zoneFormat(given);
    return given;
  } catch (error) {
    if (error instanceof TimeZoneError) throw new CliUsageError(`--timezone: ${error.message}`, { cause: error });
    throw error;
  }
}
