import type { PriceTable } from "../report/pricing/price-table.js";
import { costOfUsage, type UsageCost } from "../report/pricing/usage-cost.js";
import type { SessionStore } from "../store/session-store.js";
import { readTranscriptIncrementally } from "../report/transcript-cache.js";
import { readTranscript, type UsageTotals } from "../report/transcript/index.js";

/** A running session's de-duplicated usage and its cost, as the session report will count them. */
export interface LiveUsage {
  /** False when the transcript does not exist (yet): Claude Code writes it at the first message. */
  readonly found: boolean;
  readonly usage: UsageTotals;
  readonly cost: UsageCost;
  /** Bytes of the main transcript read so far (the offset the next reading starts from). */
  readonly transcript_offset: number;
}

/**
 * Reads the session's transcript. With a store, from where the last reading stopped (the
 * transcript cache the reports use, so they continue from it too); without one, Warden has nowhere
 * of its own to keep a reading state, and reads the whole transcript each time.
 */
export async function readLiveUsage(
  transcriptPath: string,
  store: SessionStore | undefined,
  sessionId: string,
  table?: PriceTable,
): Promise<LiveUsage> {
  const reading =
    store == null ? await readTranscript(transcriptPath) : (await readTranscriptIncrementally(store, sessionId, transcriptPath)).reading;
  return {
    found: reading.found,
    usage: reading.usage,
    cost: costOfUsage(reading.usage.by_model, table),
    transcript_offset: reading.files[0]?.offset ?? 0,
  };
}
