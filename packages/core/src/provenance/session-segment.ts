import path from "node:path";
import * as z from "zod/mini";
import { lazySchema } from "../support/lazy-schema.js";
import { ensureContainedDir } from "../store/contained-path.js";
import { readSmallJson, writeFileAtomic, type SessionStore } from "../store/session-store.js";
import { checkpointStatePath } from "../store/warden-paths.js";
import type { SessionRecord } from "../store/session-record.js";
import { readTranscript } from "../report/transcript/index.js";
import { summarizeTranscript } from "../report/transcript/summarize-transcript.js";
import type { ModelUsage, TokenCounts, UsageTotals } from "../report/transcript/index.js";
import { parseTranscriptState } from "../report/transcript/transcript-state.js";
import { costOfUsage, type PriceTable } from "../report/pricing/index.js";
import { MAX_FLAGGED, type FlaggedEvent, type Segment } from "./trace-note.js";

/**
 * Where the session's previous checkpoint ended: its last record id and the transcript reader's
 * state at that point (offsets and running totals), so the next segment reads only what is new.
 */
const checkpointStateSchema = lazySchema(() =>
  z.object({ transcript_path: z.nullable(z.string()), record_id: z.number(), state: z.unknown() }),
);

/**
 * The part of the session since its previous checkpoint: the records appended since (the events
 * with their verdicts, the prompts) and the transcript's de-duplicated tokens and cost over the same
 * stretch. Moves the session's checkpoint to now.
 */
export async function takeSegment(
  store: SessionStore,
  sessionId: string,
  records: readonly SessionRecord[],
  transcriptPath: string | null,
  prices?: PriceTable,
): Promise<Segment> {
  const saved = readSmallJson(checkpointStatePath(store.paths, sessionId), checkpointStateSchema());
  const fromId = (saved?.record_id ?? 0) + 1;
  const inRange = records.filter((r) => r.id >= fromId);
  const toId = records[records.length - 1]?.id ?? fromId - 1;
  const previous = saved != null && saved.transcript_path === transcriptPath && saved.state != null ? safeState(saved.state) : undefined;
  const reading = transcriptPath == null ? undefined : await readTranscript(transcriptPath, previous == null ? {} : { resume: previous });
  const byModel = reading == null ? {} : usageSince(previous == null ? null : summarizeTranscript(previous).usage, reading.usage);
  const cost = costOfUsage(byModel, prices);
  const tokens = Object.values(byModel).reduce(
    (t, u) => ({
      input: t.input + u.input_tokens,
      output: t.output + u.output_tokens,
      cache_write: t.cache_write + u.cache_write_5m_tokens + u.cache_write_1h_tokens,
      cache_read: t.cache_read + u.cache_read_tokens,
    }),
    { input: 0, output: 0, cache_write: 0, cache_read: 0 },
  );
  const events = inRange.filter((r) => r.type === "event");
  const file = checkpointStatePath(store.paths, sessionId);
  ensureContainedDir(store.paths.root, path.dirname(file));
  writeFileAtomic(
    file,
    JSON.stringify({ transcript_path: transcriptPath, record_id: toId, state: reading?.state ?? saved?.state ?? null }),
  );
  const mainFrom = previous == null || transcriptPath == null ? 0 : (previous.files[transcriptPath]?.offset ?? 0);
  const mainTo = reading?.found === true ? reading.files[0]?.offset : undefined;
  return {
    session_id: sessionId,
    transcript: mainTo == null ? null : { from: mainFrom, to: mainTo },
    records: { from: fromId, to: toId },
    prompts: inRange.filter((r) => r.type === "prompt").length,
    events: events.length,
    verdicts: {
      allowed: events.filter((e) => e.verdict === "allowed").length,
      warned: events.filter((e) => e.verdict === "warned").length,
      blocked: events.filter((e) => e.verdict === "blocked").length,
    },
    flagged: events
      .filter((e) => e.verdict !== "allowed")
      .slice(0, MAX_FLAGGED)
      .map((e): FlaggedEvent => ({
        record_id: e.id,
        tool_name: e.tool_name,
        verdict: e.verdict,
        severity: e.severity,
        rules: e.rules_matched,
        what: (e.reason ?? e.findings[0]?.message ?? "").slice(0, 300),
      })),
    tokens,
    cost_usd: Object.keys(byModel).length === 0 ? 0 : cost.total_cost_usd,
    unpriced_models: [...cost.unpriced_models],
    models: Object.entries(byModel)
      .toSorted(([, a], [, b]) => b.output_tokens - a.output_tokens)
      .map(([model]) => model),
  };
}

function safeState(value: unknown) {
  try {
    return parseTranscriptState(value);
  } catch {
    return undefined;
  }
}

/** Usage now minus usage at the previous checkpoint, per model; models with nothing new are left out. */
function usageSince(before: UsageTotals | null, after: UsageTotals): Record<string, ModelUsage> {
  const result: Record<string, ModelUsage> = {};
  for (const [model, now] of Object.entries(after.by_model)) {
    const then = before?.by_model[model];
    const counts = subtract(now, then);
    if (counts.responses === 0 && counts.input_tokens + counts.output_tokens + counts.cache_read_tokens === 0) continue;
    const fast = now.fast_mode == null ? null : subtract(now.fast_mode, then?.fast_mode ?? undefined);
    result[model] = { ...counts, fast_mode: fast };
  }
  return result;
}

function subtract(a: TokenCounts, b: TokenCounts | undefined): TokenCounts {
  return {
    input_tokens: a.input_tokens - (b?.input_tokens ?? 0),
    output_tokens: a.output_tokens - (b?.output_tokens ?? 0),
    cache_write_5m_tokens: a.cache_write_5m_tokens - (b?.cache_write_5m_tokens ?? 0),
    cache_write_1h_tokens: a.cache_write_1h_tokens - (b?.cache_write_1h_tokens ?? 0),
    cache_read_tokens: a.cache_read_tokens - (b?.cache_read_tokens ?? 0),
    web_search_requests: a.web_search_requests - (b?.web_search_requests ?? 0),
    responses: a.responses - (b?.responses ?? 0),
  };
}
