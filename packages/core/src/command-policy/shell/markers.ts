/**
 * Markers the analysis leaves in words. They are control characters no command line holds, so a
 * word carrying one is known to be dynamic: its value is only known when the shell runs it.
 */

/** Before `{NAME}`: a variable the command line does not set. */
export const DYNAMIC = "\u0001";
/** Around the index of a lifted `$( … )`, backtick or process substitution. */
export const SUB_OPEN = "\u0002";
export const SUB_CLOSE = "\u0003";

export function subMarker(index: number): string {
  return `${SUB_OPEN}${index}${SUB_CLOSE}`;
}
