import { emptyTally, type LiveCall, type LiveUsage, type RecordTally } from "@warden/core";

/** Test support: the figures a live view shows, built by hand. */

const counts = (input: number, output: number, cacheWrite = 0, cacheRead = 0) => ({
  input_tokens: input,
  output_tokens: output,
  cache_write_5m_tokens: cacheWrite,
  cache_write_1h_tokens: 0,
  cache_read_tokens: cacheRead,
  web_search_requests: 0,
  responses: 3,
});

/** 2,000 in, 40,000 cache write, 140,000 cache read, 12,000 out on claude-sonnet-4-5, costing $0.4213. */
export function sonnetUsage(overrides: { unpriced?: readonly string[] } = {}): LiveUsage {
  const sonnet = { ...counts(2000, 12_000, 40_000, 140_000), fast_mode: null };
  return {
    found: true,
    usage: { by_model: { "claude-sonnet-4-5-20250929": sonnet }, total: counts(2000, 12_000, 40_000, 140_000) },
    cost: {
      by_model: { "claude-sonnet-4-5-20250929": { priced_as: "claude-sonnet-4-5", price_source: "warden", cost_usd: 0.4213 } },
      total_cost_usd: 0.4213,
      unpriced_models: overrides.unpriced ?? [],
      prices_source: "test",
      prices_retrieved: "2026-11-21",
    },
    transcript_offset: 1000,
  };
}

export function call(what: string, verdict: LiveCall["verdict"], reason: string | null = null): LiveCall {
  return {
    record_id: 1,
    timestamp: "2026-11-21T10:04:01.000Z",
    tool_name: "Bash",
    what,
    verdict,
    severity: verdict === "allowed" ? null : "high",
    reason,
  };
}

/** A tally of the given calls, in order. */
export function tallyOf(calls: readonly LiveCall[]): RecordTally {
  const tally = emptyTally();
  for (const c of calls) {
    tally.calls++;
    tally.verdicts[c.verdict]++;
    tally.recent.push(c);
    if (c.verdict !== "allowed") tally.last_flagged = c;
  }
  return { ...tally, started_at: "2026-11-21T10:00:00.000Z", last_record_at: "2026-11-21T10:04:12.000Z" };
}
