import type { ResponseUsage } from "./transcript-state.js";
import { SYNTHETIC_MODEL, transcriptLineSchemas, type AssistantLine, type Usage } from "./transcript-line.js";

/**
 * De-duplicated token accounting. Claude Code writes one transcript line per content block of an
 * API response, each repeating that response's usage (earlier ones with partial output_tokens),
 * so usage is kept once per response: keyed by `message.id:requestId` (or `message.id` alone
 * without a requestId), merged field by field with the maximum, summed per model at the end.
 */

/** Token counts summed over de-duplicated API responses. */
export interface TokenCounts {
  input_tokens: number;
  output_tokens: number;
  /** Cache writes billed at the 5-minute rate. */
  cache_write_5m_tokens: number;
  /** Cache writes billed at the 1-hour rate. */
  cache_write_1h_tokens: number;
  cache_read_tokens: number;
  web_search_requests: number;
  /** API responses counted. */
  responses: number;
}

export interface ModelUsage extends TokenCounts {
  /** The part of the counts from responses served in fast mode (`usage.speed: "fast"`); null when none. */
  fast_mode: TokenCounts | null;
}

export interface UsageTotals {
  /** Keyed by the model id as the transcript names it (`message.model`). */
  by_model: Record<string, ModelUsage>;
  total: TokenCounts;
}

/** The key a response's lines share; null when the line has no message id. */
export function responseKey(messageId: string | null | undefined, requestId: string | null | undefined): string | null {
  if (messageId == null || messageId === "") return null;
  return requestId == null || requestId === "" ? messageId : `${messageId}:${requestId}`;
}

/**
 * The usage one assistant line reports, keyed for de-duplication: its response's, and that of each
 * advisor call riding inside it (`usage.iterations[]` of type `advisor_message`), which Claude Code
 * bills to the advisor's model. Lines Claude Code makes up itself (`<synthetic>`) report none.
 * `lineKey` stands in for the response key when the line has no message id.
 */
export function forEachResponse(
  line: AssistantLine,
  agentId: string | null,
  lineKey: string,
  visit: (key: string, usage: ResponseUsage) => void,
): void {
  const model = line.message.model ?? "unknown";
  const usage = line.message.usage;
  if (usage == null || model === SYNTHETIC_MODEL) return;
  const key = responseKey(line.message.id, line.requestId) ?? lineKey;
  visit(key, responseUsageOf(usage, model, agentId));
  (usage.iterations ?? []).forEach((entry, index) => {
    const iteration = transcriptLineSchemas().usageIteration.safeParse(entry);
    if (!iteration.success || iteration.data.type !== "advisor_message" || iteration.data.model == null) return;
    visit(`${key}#advisor-${index}`, responseUsageOf(iteration.data, iteration.data.model, agentId));
  });
}

/** What one transcript line says about its response's usage. */
export function responseUsageOf(usage: Usage, model: string, agentId: string | null): ResponseUsage {
  return {
    model,
    agent_id: agentId,
    fast: usage.speed === "fast",
    input_tokens: whole(usage.input_tokens),
    output_tokens: whole(usage.output_tokens),
    cache_creation_tokens: whole(usage.cache_creation_input_tokens),
    cache_1h_tokens: whole(usage.cache_creation?.ephemeral_1h_input_tokens),
    cache_read_tokens: whole(usage.cache_read_input_tokens),
    web_search_requests: whole(usage.server_tool_use?.web_search_requests),
  };
}

/** A count as a non-negative integer: missing, negative or non-finite values count as 0. */
function whole(value: number | null | undefined): number {
  return value != null && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

/**
 * Records one line's view of a response. A later line of the same response keeps the largest
 * value of each count, and its model and agent (the last word on who served it).
 */
export function recordResponse(responses: Record<string, ResponseUsage>, key: string, next: ResponseUsage): void {
  const previous = responses[key];
  responses[key] = previous == null ? next : mergeResponse(previous, next);
}

/** One response as two of its lines show it: the largest of each count, the later line's model and agent. */
export function mergeResponse(previous: ResponseUsage, next: ResponseUsage): ResponseUsage {
  return {
    model: next.model,
    agent_id: next.agent_id,
    fast: next.fast || previous.fast,
    input_tokens: Math.max(previous.input_tokens, next.input_tokens),
    output_tokens: Math.max(previous.output_tokens, next.output_tokens),
    cache_creation_tokens: Math.max(previous.cache_creation_tokens, next.cache_creation_tokens),
    cache_1h_tokens: Math.max(previous.cache_1h_tokens, next.cache_1h_tokens),
    cache_read_tokens: Math.max(previous.cache_read_tokens, next.cache_read_tokens),
    web_search_requests: Math.max(previous.web_search_requests, next.web_search_requests),
  };
}

export function emptyTokenCounts(): TokenCounts {
  return {
    input_tokens: 0,
    output_tokens: 0,
    cache_write_5m_tokens: 0,
    cache_write_1h_tokens: 0,
    cache_read_tokens: 0,
    web_search_requests: 0,
    responses: 0,
  };
}

/**
 * Adds one response to `into`. As Claude Code bills it, the 1-hour share of the cache writes is
 * `ephemeral_1h_input_tokens` capped at `cache_creation_input_tokens`; the rest is 5-minute.
 */
export function addResponse(into: TokenCounts, response: ResponseUsage): void {
  const oneHour = Math.min(response.cache_1h_tokens, response.cache_creation_tokens);
  into.input_tokens += response.input_tokens;
  into.output_tokens += response.output_tokens;
  into.cache_write_5m_tokens += response.cache_creation_tokens - oneHour;
  into.cache_write_1h_tokens += oneHour;
  into.cache_read_tokens += response.cache_read_tokens;
  into.web_search_requests += response.web_search_requests;
  into.responses += 1;
}

/** Adds `counts` to `into`, field by field. */
export function addCounts(into: TokenCounts, counts: TokenCounts): void {
  into.input_tokens += counts.input_tokens;
  into.output_tokens += counts.output_tokens;
  into.cache_write_5m_tokens += counts.cache_write_5m_tokens;
  into.cache_write_1h_tokens += counts.cache_write_1h_tokens;
  into.cache_read_tokens += counts.cache_read_tokens;
  into.web_search_requests += counts.web_search_requests;
  into.responses += counts.responses;
}

/** Per-model and overall totals of the recorded responses. */
export function summarizeUsage(responses: Readonly<Record<string, ResponseUsage>>): UsageTotals {
  const byModel: Record<string, ModelUsage> = {};
  const total = emptyTokenCounts();
  for (const response of Object.values(responses)) {
    const model = (byModel[response.model] ??= { ...emptyTokenCounts(), fast_mode: null });
    addResponse(model, response);
    addResponse(total, response);
    if (response.fast) addResponse((model.fast_mode ??= emptyTokenCounts()), response);
  }
  return { by_model: byModel, total };
}
