import type { IncomingHttpHeaders } from "node:http";
import { arrayOf, isRecord, isString, recordsOf, stringField, type JsonRecord } from "./json-guards.js";

/** A read-only view of one `POST /v1/messages` body, with the questions scripts ask of it. */

/**
 * - `main`: the main thread's agentic loop.
 * - `subagent`: a subagent's loop (Agent tool); `agentId` says which.
 * - `compact`: a compaction (`/compact` or auto); must be answered with text only.
 * - `side`: a tool-less side query (none seen in `-p` runs of 2.1.197, kept for safety).
 */
export type RequestKind = "main" | "subagent" | "compact" | "side";

export interface ModelRequest {
  /** Position among the Messages requests of this stand-in, 0-based, in arrival order. */
  readonly index: number;
  readonly kind: RequestKind;
  /** The subagent's id (`x-claude-code-agent-id` header), for `subagent` requests. */
  readonly agentId: string | undefined;
  /**
   * Assistant turns since the latest prompt: 0 for the first request after a prompt, then 1, 2, …
   * A resumed session starts again at 0, and so does each subagent.
   */
  readonly step: number;
  /** Text of the latest prompt message, system-reminder blocks included. */
  readonly promptText: string;
  readonly model: string;
  readonly stream: boolean;
  readonly headers: IncomingHttpHeaders;
  readonly body: JsonRecord;
  readonly systemText: string;
  readonly messages: readonly JsonRecord[];
  readonly toolNames: readonly string[];
}

export interface ToolResultView {
  readonly toolUseId: string;
  readonly isError: boolean;
  /** The result's text, blocks joined with newlines. */
  readonly text: string;
}

export function toModelRequest(index: number, body: JsonRecord, headers: IncomingHttpHeaders): ModelRequest {
  const messages = recordsOf(body["messages"]);
  const systemText = textOf(body["system"]);
  const toolNames = recordsOf(body["tools"]).map((tool) => stringField(tool, "name") ?? "");
  const agentHeader = headers["x-claude-code-agent-id"];
  const agentId = isString(agentHeader) ? agentHeader : undefined;
  const promptIndex = messages.findLastIndex(isPromptMessage);
  const lastText = textOf(recordsOf(messages.at(-1)?.["content"]).filter((block) => block["type"] === "text"));
  return {
    index,
    kind: classify({ agentId, systemText, toolNames, lastText }),
    agentId,
    step: messages.slice(promptIndex + 1).filter((message) => message["role"] === "assistant").length,
    promptText: promptIndex >= 0 ? textOf(messages[promptIndex]?.["content"]) : "",
    model: stringField(body, "model") ?? "",
    stream: body["stream"] === true,
    headers,
    body,
    systemText,
    messages,
    toolNames,
  };
}

interface Signals {
  readonly agentId: string | undefined;
  readonly systemText: string;
  readonly toolNames: readonly string[];
  readonly lastText: string;
}

/**
 * What 2.1.197 shows: a subagent's requests carry the `x-claude-code-agent-id` header,
 * `cc_is_subagent=true` in the billing system block and a system prompt starting "You are an
 * agent for Claude Code". A compaction reuses the main thread's system prompt and tools (for the
 * prompt cache) and appends a summary instruction to the last user message.
 */
function classify(signals: Signals): RequestKind {
  if (signals.lastText.includes(COMPACT_MARKER)) return "compact";
  if (signals.agentId != null || signals.systemText.includes("cc_is_subagent=true")) return "subagent";
  if (signals.toolNames.length === 0) return "side";
  return "main";
}

const COMPACT_MARKER = "Your task is to create a detailed summary of the conversation so far";

/** A user message that is a prompt, not a tool-result carrier. */
function isPromptMessage(message: JsonRecord): boolean {
  if (message["role"] !== "user") return false;
  return !recordsOf(message["content"]).some((block) => block["type"] === "tool_result");
}

/** The last message with role `user` (tool results arrive in one). */
export function lastUserMessage(request: ModelRequest): JsonRecord | undefined {
  return request.messages.findLast((message) => message["role"] === "user");
}

/** Tool results carried by the last user message. */
export function toolResults(request: ModelRequest): ToolResultView[] {
  return toolResultsOf(lastUserMessage(request));
}

/** Tool results anywhere in the conversation so far. */
export function allToolResults(request: ModelRequest): ToolResultView[] {
  return request.messages.flatMap(toolResultsOf);
}

function toolResultsOf(message: JsonRecord | undefined): ToolResultView[] {
  return recordsOf(message?.["content"])
    .filter((block) => block["type"] === "tool_result")
    .map((block) => ({
      toolUseId: stringField(block, "tool_use_id") ?? "",
      isError: block["is_error"] === true,
      text: textOf(block["content"]),
    }));
}

/** Text blocks of the last user message (the prompt, system-reminders, hook context), joined. */
export function lastUserText(request: ModelRequest): string {
  const message = lastUserMessage(request);
  return recordsOf(message?.["content"])
    .filter((block) => block["type"] === "text")
    .map((block) => stringField(block, "text") ?? "")
    .join("\n")
    .concat(isString(message?.["content"]) ? message["content"] : "");
}

/** Whether `needle` occurs anywhere in the request body (system, messages, tools). */
export function requestIncludes(request: ModelRequest, needle: string): boolean {
  return JSON.stringify(request.body).includes(needle);
}

/** Flattens a string, a text block or an array of blocks into plain text. */
export function textOf(value: unknown): string {
  if (isString(value)) return value;
  if (isRecord(value)) return stringField(value, "text") ?? textOf(value["content"]);
  return arrayOf(value)
    .map((item) => textOf(item))
    .filter((text) => text.length > 0)
    .join("\n");
}
