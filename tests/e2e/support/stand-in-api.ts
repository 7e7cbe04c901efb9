/**
 * A scripted stand-in for the Anthropic Messages API, for running the real Claude Code CLI offline.
 * It records every request and answers `POST /v1/messages` with the script's next turn.
 *
 * What Claude Code 2.1.197 does against it (`-p`, probed 2026-11, see harness.test.ts):
 * - Traffic: one `HEAD /`, then only `POST /v1/messages?beta=true`, always `stream: true`, model
 *   `claude-opus-4-8` unless `--model`. No count_tokens, title or summary queries (with or without
 *   CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC). `messages` may hold `role: "system"` entries
 *   (agent and skill listings). `/compact` sends the main thread's system prompt and tools plus
 *   a summary instruction: kind `compact`, answered by default with an <analysis>/<summary> text.
 * - Subagents: a scripted `Agent` tool_use `{description, prompt, subagent_type:
 *   "general-purpose"}` starts a loop whose requests carry the `x-claude-code-agent-id` header
 *   (= hooks' `agent_id`, = `subagents/agent-<id>.jsonl`), `cc_is_subagent=true` in the first
 *   system block and their own `messages` starting at the Agent prompt (`step` 0). Its tool calls
 *   fire PreToolUse/PostToolUse with `agent_id` and `agent_type`; the Agent tool_result is its
 *   last text plus an `agentId: …` / `<usage>` trailer. `modelUsage` and `total_cost_usd`
 *   include it, the result's `usage` does not.
 * - `--resume <id>`: same session_id, the same `<id>.jsonl` appended to, SessionStart `source:
 *   "resume"`; the first request carries the whole earlier conversation plus the new prompt. The
 *   result's usage covers that run only, and `modelUsage` keys can differ between runs
 *   (`claude-opus-4-8[1m]` then `claude-opus-4-8`): sum over keys.
 * - Hook output in the next request: a PreToolUse deny becomes an `is_error` tool_result whose
 *   content is the bare reason (also in `permission_denials`). PostToolUse `additionalContext`
 *   becomes a text block `<system-reminder>\nPostToolUse:<Tool> hook additional context:
 *   <text>\n</system-reminder>` after the tool_results of that user message.
 * - Transcript: assistant lines carry our `msg_` id and `request-id` as `requestId`; every line
 *   of a split response repeats its final usage. A compaction's usage is in `modelUsage` but no
 *   transcript line carries it, and it fires SubagentStop with `agent_type: ""` and an
 *   `agent_transcript_path` that is never written.
 * - Glob and Grep are only offered when listed in `--allowedTools`. WebFetch cannot work
 *   offline (domain preflight to claude.ai; http is upgraded to https).
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { apiId, buildAssistantMessage, formatSse, streamEvents, type ApiErrorTurn, type AssistantTurn } from "./assistant-response.js";
import { issuedToolUses, sumUsage, type Exchange, type IssuedToolUse, type TokenTotals } from "./exchange.js";
import { isRecord, preview, tryParseJson } from "./json-guards.js";
import { toModelRequest, toolResults, type ModelRequest, type ToolResultView } from "./model-request.js";

/**
 * Decides the next assistant turn. `undefined` gets the default: a summary for a compaction,
 * "OK." otherwise.
 */
export type Script = (request: ModelRequest) => AssistantTurn | ApiErrorTurn | undefined;

export interface StandInOptions {
  /**
   * Usage numbers are generated from a running response count starting here (default 1). Give a
   * second stand-in a different start so its numbers do not repeat the first one's.
   */
  readonly firstResponseNumber?: number;
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
  /** The parsed body, or undefined when it was empty or not JSON. */
  readonly body: unknown;
}

export interface StandIn {
  /** For ANTHROPIC_BASE_URL. */
  readonly url: string;
  /** Every HTTP request received, in arrival order, whatever its path. */
  readonly requests: readonly RecordedRequest[];
  /** The Messages requests and what was answered, in arrival order. */
  readonly exchanges: readonly Exchange[];
  /** Errors thrown by the script; the client got a 400 for each. */
  readonly scriptErrors: readonly Error[];
  /** Sum of the usage of every answered response, in modelUsage's key names. */
  usageTotals(): TokenTotals;
  /** Every tool_use sent so far, in order (the ids hooks and transcripts must match). */
  toolUses(): IssuedToolUse[];
  /** The first Messages request whose last user message carries the result of `toolUseId`. */
  requestWithToolResult(toolUseId: string): ModelRequest | undefined;
  /** The result of `toolUseId` as the model received it in that request. */
  toolResultFor(toolUseId: string): ToolResultView | undefined;
  /** Replaces the script, e.g. before a `--resume` run against the same stand-in. */
  setScript(next: Script): void;
  close(): Promise<void>;
}

export async function startStandIn(initialScript: Script, options: StandInOptions = {}): Promise<StandIn> {
  const requests: RecordedRequest[] = [];
  const exchanges: Exchange[] = [];
  const scriptErrors: Error[] = [];
  const firstResponseNumber = options.firstResponseNumber ?? 1;
  let script = initialScript;

  const answerMessages = (body: unknown, headers: IncomingHttpHeaders, res: ServerResponse): void => {
    if (!isRecord(body)) {
      sendError(res, 400, "invalid_request_error", `stand-in expected a JSON object body, received ${preview(body)}`);
      return;
    }
    const request = toModelRequest(exchanges.length, body, headers);
    const requestId = apiId("req");
    let turn: AssistantTurn | ApiErrorTurn;
    try {
      turn = script(request) ?? defaultTurn(request);
    } catch (error) {
      const cause = error instanceof Error ? error : new Error(String(error));
      scriptErrors.push(cause);
      turn = { error: { status: 400, type: "invalid_request_error", message: `stand-in script failed: ${cause.message}` } };
    }
    if ("error" in turn) {
      exchanges.push({ request, requestId, response: turn });
      sendError(res, turn.error.status, turn.error.type, turn.error.message, requestId);
      return;
    }
    // Usage numbers follow the count of answered turns, so each response's differ from the last.
    const answered = exchanges.filter((exchange) => !("error" in exchange.response)).length;
    const message = buildAssistantMessage(turn, request.model, firstResponseNumber + answered);
    exchanges.push({ request, requestId, response: message });
    if (request.stream) {
      res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "request-id": requestId });
      for (const event of streamEvents(message)) res.write(formatSse(event));
      res.end();
    } else {
      sendJson(res, 200, message, requestId);
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse, rawBody: string): void => {
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    const body = rawBody.length > 0 ? tryParseJson(rawBody) : undefined;
    requests.push({ method, url, headers: req.headers, rawBody, body });
    const path = url.split("?")[0];
    if (method === "POST" && path === "/v1/messages") {
      answerMessages(body, req.headers, res);
    } else if (method === "POST" && path === "/v1/messages/count_tokens") {
      // A rough count is all the client uses it for (context-size estimates).
      sendJson(res, 200, { input_tokens: Math.ceil(rawBody.length / 4) }, apiId("req"));
    } else if (method === "HEAD" || (method === "GET" && path === "/")) {
      // Claude Code probes the base URL with `HEAD /` before its first request.
      res.writeHead(200).end();
    } else {
      sendError(res, 404, "not_found_error", `stand-in has no route for ${method} ${url}`);
    }
  };

  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (chunk: Buffer) => parts.push(chunk));
    req.on("end", () => handle(req, res, Buffer.concat(parts).toString("utf8")));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!isAddressInfo(address)) throw new Error(`stand-in API: expected a TCP address, got ${preview(address)}`);

  const requestWithToolResult = (toolUseId: string): ModelRequest | undefined =>
    exchanges.map((exchange) => exchange.request).find((request) => toolResults(request).some((result) => result.toolUseId === toolUseId));

  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    exchanges,
    scriptErrors,
    toolUses: () => exchanges.flatMap(issuedToolUses),
    usageTotals: () => sumUsage(exchanges),
    setScript: (next) => {
      script = next;
    },
    requestWithToolResult,
    toolResultFor: (toolUseId) => {
      const request = requestWithToolResult(toolUseId);
      return request == null ? undefined : toolResults(request).find((result) => result.toolUseId === toolUseId);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function defaultTurn(request: ModelRequest): AssistantTurn {
  if (request.kind === "compact") {
    return {
      text: "<analysis>Scripted compaction.</analysis>\n<summary>The conversation so far was scripted by the stand-in API.</summary>",
    };
  }
  return { text: "OK." };
}

function isAddressInfo(value: unknown): value is AddressInfo {
  return isRecord(value) && typeof value["port"] === "number";
}

function sendJson(res: ServerResponse, status: number, payload: unknown, requestId: string): void {
  res.writeHead(status, { "content-type": "application/json", "request-id": requestId });
  res.end(JSON.stringify(payload));
}

function sendError(res: ServerResponse, status: number, type: string, message: string, requestId = apiId("req")): void {
  sendJson(res, status, { type: "error", error: { type, message }, request_id: requestId }, requestId);
}
