import { isNumber, recordsOf, type JsonRecord } from "./json-guards.js";

/** Readers for a few fields of a report (`readReport`), for the comparisons tests make. */

/** The report's `events` (tool event records), empty when absent. */
export function reportEvents(report: JsonRecord | undefined): readonly JsonRecord[] {
  return recordsOf(report?.["events"]);
}

/** The report's `conversation` entries (`{role, text, timestamp, model?}`), empty when absent. */
export function reportConversation(report: JsonRecord | undefined): readonly JsonRecord[] {
  return recordsOf(report?.["conversation"]);
}

/** The report's total `cost_usd`; NaN when it is null or absent, so it equals nothing. */
export function reportTotalCost(report: JsonRecord | undefined): number {
  const cost = report?.["cost_usd"];
  return isNumber(cost) ? cost : Number.NaN;
}
