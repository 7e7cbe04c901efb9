import type { ApiErrorTurn, AssistantMessage } from "./assistant-response.js";
import type { ModelRequest } from "./model-request.js";

/** What the stand-in was asked and what it answered, and the totals tests compare against. */

export interface Exchange {
  readonly request: ModelRequest;
  /** The `request-id` header sent back (`req_…`). */
  readonly requestId: string;
  readonly response: AssistantMessage | ApiErrorTurn;
}

/** A tool_use the stand-in sent, with where it was sent. */
export interface IssuedToolUse {
  readonly id: string;
  readonly name: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly kind: ModelRequest["kind"];
  readonly agentId: string | undefined;
  readonly messageId: string;
  readonly requestId: string;
}

/** Token sums in the key names of Claude Code's `modelUsage`. */
export interface TokenTotals {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadInputTokens: number;
  readonly cacheCreationInputTokens: number;
}

export function sumUsage(exchanges: readonly Exchange[]): TokenTotals {
  const totals = { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 };
  for (const { response } of exchanges) {
    if ("error" in response) continue;
    totals.inputTokens += response.usage.input_tokens;
    totals.outputTokens += response.usage.output_tokens;
    totals.cacheReadInputTokens += response.usage.cache_read_input_tokens;
    totals.cacheCreationInputTokens += response.usage.cache_creation_input_tokens;
  }
  return totals;
}

export function issuedToolUses(exchange: Exchange): IssuedToolUse[] {
  const { request, requestId, response } = exchange;
  if ("error" in response) return [];
  return response.content.flatMap((block) =>
    block.type === "tool_use"
      ? [
          {
            id: block.id,
            name: block.name,
            input: block.input,
            kind: request.kind,
            agentId: request.agentId,
            messageId: response.id,
            requestId,
          },
        ]
      : [],
  );
}
