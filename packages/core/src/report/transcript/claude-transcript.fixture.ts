import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/**
 * Test support: transcript lines shaped exactly as Claude Code 2.1.197 writes them (key order and
 * fields from a captured `-p` run), and a temporary `~/.claude/projects/<slug>/` to put them in.
 */

export interface FixtureProject {
  readonly projectDir: string;
  readonly sessionId: string;
  readonly transcriptPath: string;
  /** `<project>/<session>/subagents/`. */
  readonly subagentDir: string;
  write(path: string, lines: readonly string[], unterminatedTail?: string): void;
  cleanup(): void;
}

export function createFixtureProject(sessionId = randomUUID()): FixtureProject {
  const root = mkdtempSync(join(tmpdir(), "warden-transcript-"));
  const projectDir = join(root, ".claude", "projects", "-home-dev-app");
  mkdirSync(projectDir, { recursive: true });
  return {
    projectDir,
    sessionId,
    transcriptPath: join(projectDir, `${sessionId}.jsonl`),
    subagentDir: join(projectDir, sessionId, "subagents"),
    write(path, lines, unterminatedTail = "") {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, lines.map((line) => `${line}\n`).join("") + unterminatedTail);
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface LineContext {
  readonly sessionId: string;
  /** Set for subagent lines (they are also `isSidechain: true`). */
  readonly agentId?: string;
  readonly isSidechain?: boolean;
  readonly timestamp?: string;
}

export interface UsageNumbers {
  readonly input: number;
  readonly output: number;
  readonly cacheWrite5m?: number;
  readonly cacheWrite1h?: number;
  readonly cacheRead?: number;
  readonly webSearches?: number;
  readonly speed?: "standard" | "fast";
  readonly iterations?: readonly unknown[];
}

export function usage(numbers: UsageNumbers): Record<string, unknown> {
  const write5m = numbers.cacheWrite5m ?? 0;
  const write1h = numbers.cacheWrite1h ?? 0;
  return {
    input_tokens: numbers.input,
    cache_creation_input_tokens: write5m + write1h,
    cache_read_input_tokens: numbers.cacheRead ?? 0,
    output_tokens: numbers.output,
    server_tool_use: { web_search_requests: numbers.webSearches ?? 0, web_fetch_requests: 0 },
    service_tier: "standard",
    cache_creation: { ephemeral_1h_input_tokens: write1h, ephemeral_5m_input_tokens: write5m },
    inference_geo: "",
    iterations: numbers.iterations ?? [],
    speed: numbers.speed ?? "standard",
  };
}

export type Block =
  | { readonly type: "text"; readonly text: string }
  /** Claude Code often keeps only the signature: `thinking` is then "". */
  | { readonly type: "thinking"; readonly thinking: string; readonly signature?: string }
  | { readonly type: "tool_use"; readonly id: string; readonly name: string; readonly input: Record<string, unknown> };

export interface Response {
  readonly id: string;
  /** Omitted by some providers and proxies. */
  readonly requestId?: string;
  readonly model: string;
  readonly blocks: readonly Block[];
  readonly usage: UsageNumbers;
}

/**
 * One line per content block, each repeating the response's usage; as Claude Code streams, the
 * earlier lines carry a partial, growing output_tokens and only the last one the final count.
 */
export function assistantLines(context: LineContext, response: Response): string[] {
  return response.blocks.map((block, index) => {
    const last = index === response.blocks.length - 1;
    const output = last ? response.usage.output : Math.ceil((response.usage.output * (index + 1)) / (response.blocks.length + 1));
    return JSON.stringify({
      ...head(context),
      message: {
        id: response.id,
        type: "message",
        role: "assistant",
        model: response.model,
        content: [block],
        stop_reason: last ? (block.type === "tool_use" ? "tool_use" : "end_turn") : null,
        stop_sequence: null,
        usage: usage({ ...response.usage, output }),
        stop_details: null,
      },
      ...(response.requestId != null && { requestId: response.requestId }),
      type: "assistant",
      uuid: randomUUID(),
      timestamp: context.timestamp ?? "2026-11-21T10:00:01.000Z",
      ...tail(context),
    });
  });
}

export function promptLine(context: LineContext, text: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    ...head(context),
    promptId: randomUUID(),
    type: "user",
    message: { role: "user", content: text },
    ...extra,
    uuid: randomUUID(),
    timestamp: context.timestamp ?? "2026-11-21T10:00:00.000Z",
    permissionMode: "default",
    promptSource: "sdk",
    ...tail(context),
  });
}

export function toolResultLine(context: LineContext, toolUseId: string, content: string, toolUseResult: unknown): string {
  return JSON.stringify({
    ...head(context),
    type: "user",
    message: { role: "user", content: [{ tool_use_id: toolUseId, type: "tool_result", content, is_error: false }] },
    uuid: randomUUID(),
    timestamp: context.timestamp ?? "2026-11-21T10:00:02.000Z",
    toolUseResult,
    sourceToolAssistantUUID: randomUUID(),
    ...tail(context),
  });
}

/**
 * What a compaction leaves in the transcript: a `compact_boundary` system line restarting the
 * chain, then the summary as a user line the model sees in place of everything before it.
 * The lines before stay in the file.
 */
export function compactBoundaryLines(context: LineContext, trigger: "auto" | "manual", preTokens: number): string[] {
  const timestamp = context.timestamp ?? "2026-11-21T10:00:03.000Z";
  return [
    JSON.stringify({
      parentUuid: null,
      logicalParentUuid: randomUUID(),
      isSidechain: false,
      ...tail(context),
      type: "system",
      subtype: "compact_boundary",
      content: "Conversation compacted",
      isMeta: false,
      timestamp,
      uuid: randomUUID(),
      level: "info",
      compactMetadata: { trigger, preTokens },
    }),
    promptLine(
      { ...context, timestamp },
      "This session is being continued from a previous conversation that ran out of context. Summary: …",
      {
        isCompactSummary: true,
        isVisibleInTranscriptOnly: true,
      },
    ),
  ];
}

/** The metadata and attachment lines around a `-p` run's conversation. */
export function metadataLines(context: LineContext): string[] {
  const { sessionId } = context;
  return [
    JSON.stringify({ type: "queue-operation", operation: "enqueue", timestamp: "2026-11-21T10:00:00.000Z", sessionId, content: "go" }),
    JSON.stringify({ type: "queue-operation", operation: "dequeue", timestamp: "2026-11-21T10:00:00.000Z", sessionId }),
    JSON.stringify({
      ...head(context),
      attachment: { type: "skill_listing", content: "- review: reviews code" },
      type: "attachment",
      uuid: randomUUID(),
      ...tail(context),
    }),
    JSON.stringify({ type: "last-prompt", lastPrompt: "go", leafUuid: randomUUID(), sessionId }),
  ];
}

function head(context: LineContext): Record<string, unknown> {
  return {
    parentUuid: randomUUID(),
    isSidechain: context.isSidechain ?? context.agentId != null,
    ...(context.agentId != null && { agentId: context.agentId }),
  };
}

function tail(context: LineContext): Record<string, unknown> {
  return {
    userType: "external",
    entrypoint: "sdk-cli",
    cwd: "/home/dev/app",
    sessionId: context.sessionId,
    version: "2.1.197",
    gitBranch: "main",
  };
}
