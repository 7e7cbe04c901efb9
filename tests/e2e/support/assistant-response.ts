import { randomBytes } from "node:crypto";
import type { JsonRecord } from "./json-guards.js";

/**
 * Builds assistant messages the way the Anthropic Messages API returns them, both as one JSON
 * body and as the SSE event sequence of a streamed response.
 */

export interface ToolUseSpec {
  readonly name: string;
  readonly input: JsonRecord;
  /** Fixed id for the call; a fresh `toolu_…` id is generated when omitted. */
  readonly id?: string;
}

/** One scripted assistant turn. Several tool uses in one turn are parallel tool calls. */
export interface AssistantTurn {
  readonly text?: string;
  readonly toolUses?: readonly ToolUseSpec[];
  /** Defaults to `tool_use` when the turn has tool uses, else `end_turn`. */
  readonly stopReason?: "end_turn" | "tool_use" | "max_tokens" | "stop_sequence";
  /** Overrides of the generated usage numbers. */
  readonly usage?: Partial<UsageNumbers>;
}

/** A scripted API failure (e.g. 400 invalid_request_error). Claude Code retries 429/5xx, so prefer 4xx. */
export interface ApiErrorTurn {
  readonly error: { readonly status: number; readonly type: string; readonly message: string };
}

export interface UsageNumbers {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadInputTokens: number;
  readonly ephemeral5mInputTokens: number;
  readonly ephemeral1hInputTokens: number;
}

export interface ApiUsage {
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_creation_input_tokens: number;
  readonly cache_read_input_tokens: number;
  readonly cache_creation: { readonly ephemeral_5m_input_tokens: number; readonly ephemeral_1h_input_tokens: number };
  readonly service_tier: "standard";
}

export type ContentBlock =
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "tool_use"; readonly id: string; readonly name: string; readonly input: JsonRecord };

export interface AssistantMessage {
  readonly id: string;
  readonly type: "message";
  readonly role: "assistant";
  readonly model: string;
  readonly content: readonly ContentBlock[];
  readonly stop_reason: string;
  readonly stop_sequence: null;
  readonly usage: ApiUsage;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Ids shaped like the API's: a prefix, `01`, then 22 base62 characters. */
export function apiId(prefix: "msg" | "toolu" | "req"): string {
  const bytes = randomBytes(22);
  let tail = "";
  for (const byte of bytes) tail += BASE62[byte % BASE62.length];
  return `${prefix}_01${tail}`;
}

/**
 * Usage for the n-th response (1-based). Every field grows with n, so no two responses of a run
 * share a number and a double-counted or dropped response changes every total.
 */
export function usageFor(n: number, overrides: Partial<UsageNumbers> = {}): ApiUsage {
  const numbers: UsageNumbers = {
    inputTokens: 4 + 3 * n + (n % 5),
    outputTokens: 37 + 19 * n + ((n * 13) % 17),
    cacheReadInputTokens: 9_000 + 1_237 * n,
    ephemeral5mInputTokens: 310 + 113 * n,
    ephemeral1hInputTokens: 47 + 29 * n,
    ...overrides,
  };
  return {
    input_tokens: numbers.inputTokens,
    output_tokens: numbers.outputTokens,
    cache_creation_input_tokens: numbers.ephemeral5mInputTokens + numbers.ephemeral1hInputTokens,
    cache_read_input_tokens: numbers.cacheReadInputTokens,
    cache_creation: {
      ephemeral_5m_input_tokens: numbers.ephemeral5mInputTokens,
      ephemeral_1h_input_tokens: numbers.ephemeral1hInputTokens,
    },
    service_tier: "standard",
  };
}

export function buildAssistantMessage(turn: AssistantTurn, model: string, n: number): AssistantMessage {
  const content: ContentBlock[] = [];
  if (turn.text != null) content.push({ type: "text", text: turn.text });
  for (const use of turn.toolUses ?? []) {
    content.push({ type: "tool_use", id: use.id ?? apiId("toolu"), name: use.name, input: use.input });
  }
  const hasToolUse = content.some((block) => block.type === "tool_use");
  return {
    id: apiId("msg"),
    type: "message",
    role: "assistant",
    model,
    content,
    stop_reason: turn.stopReason ?? (hasToolUse ? "tool_use" : "end_turn"),
    stop_sequence: null,
    usage: usageFor(n, turn.usage),
  };
}

export interface SseEvent {
  readonly event: string;
  readonly data: JsonRecord;
}

/** The event sequence the API streams for `message`, deltas split into a few chunks as it does. */
export function streamEvents(message: AssistantMessage): SseEvent[] {
  const { usage } = message;
  const events: SseEvent[] = [
    {
      event: "message_start",
      // The API reports the prompt side in message_start and only a token or two of output.
      data: { type: "message_start", message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } } },
    },
    { event: "ping", data: { type: "ping" } },
  ];
  message.content.forEach((block, index) => {
    if (block.type === "text") {
      events.push({
        event: "content_block_start",
        data: { type: "content_block_start", index, content_block: { type: "text", text: "" } },
      });
      for (const piece of chunks(block.text, 3)) {
        events.push({
          event: "content_block_delta",
          data: { type: "content_block_delta", index, delta: { type: "text_delta", text: piece } },
        });
      }
    } else {
      events.push({
        event: "content_block_start",
        data: { type: "content_block_start", index, content_block: { type: "tool_use", id: block.id, name: block.name, input: {} } },
      });
      // The API opens every tool_use stream with an empty partial_json before the real pieces.
      for (const piece of ["", ...chunks(JSON.stringify(block.input), 3)]) {
        events.push({
          event: "content_block_delta",
          data: { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: piece } },
        });
      }
    }
    events.push({ event: "content_block_stop", data: { type: "content_block_stop", index } });
  });
  events.push(
    {
      event: "message_delta",
      data: {
        type: "message_delta",
        delta: { stop_reason: message.stop_reason, stop_sequence: null },
        usage: {
          input_tokens: usage.input_tokens,
          cache_creation_input_tokens: usage.cache_creation_input_tokens,
          cache_read_input_tokens: usage.cache_read_input_tokens,
          output_tokens: usage.output_tokens,
        },
      },
    },
    { event: "message_stop", data: { type: "message_stop" } },
  );
  return events;
}

export function formatSse(event: SseEvent): string {
  return `event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

function chunks(text: string, count: number): string[] {
  if (text.length === 0) return [];
  const size = Math.ceil(text.length / count);
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}
