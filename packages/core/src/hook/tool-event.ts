import { boundValue } from "../store/bounded-value.js";
import { filesAccessed } from "./files-accessed.js";
import type { HookContext } from "./hook-context.js";
import type { PostToolUseFailurePayload, PostToolUsePayload, PreToolUsePayload } from "./hook-payload.js";
import { parseMcpToolName } from "../support/mcp-tool-name.js";
import type { PendingCall } from "../store/pending-call.js";
import type { RecordDraft, ToolEventRecord, Truncation } from "../store/session-record.js";
import type { Finding, Severity, Verdict } from "../verdict.js";

/** How the call ended, and the guard's view of it; the parts of an event no payload carries. */
export interface EventOutcome {
  readonly outcome: ToolEventRecord["outcome"];
  readonly timestampStart: string;
  readonly timestampEnd: string;
  readonly durationMs: number;
  readonly toolOutput: unknown;
  readonly error?: string;
  readonly interrupted?: boolean;
  readonly verdict: Verdict;
  readonly severity: Severity | null;
  readonly findings: readonly Finding[];
  readonly reason?: string;
  readonly scanTimeMs: number;
}

type ToolPayloadLike = Pick<
  PreToolUsePayload,
  "tool_name" | "tool_input" | "tool_use_id" | "cwd" | "agent_id" | "agent_type" | "prompt_id"
>;

/** Builds the one `event` record of a tool call, bounding large inputs and outputs. */
export function toolEventDraft(ctx: HookContext, payload: ToolPayloadLike, outcome: EventOutcome): RecordDraft<ToolEventRecord> {
  const limit = ctx.config.maxValueBytes;
  const input = boundValue(payload.tool_input ?? null, limit, "tool_input");
  const output = boundValue(outcome.toolOutput ?? null, limit, "tool_output");
  const error = outcome.error == null ? undefined : boundValue(outcome.error, limit, "error");
  const truncated: Truncation[] = [...input.truncated, ...output.truncated, ...(error?.truncated ?? [])];
  return {
    type: "event",
    tool_use_id: payload.tool_use_id ?? null,
    tool_name: payload.tool_name,
    outcome: outcome.outcome,
    timestamp_start: outcome.timestampStart,
    timestamp_end: outcome.timestampEnd,
    duration_ms: outcome.durationMs,
    tool_input: input.value,
    tool_output: output.value,
    // A blocked call reaches the model as an error result carrying the reason.
    is_error: outcome.outcome === "failed" || outcome.outcome === "blocked",
    ...(typeof error?.value === "string"
      ? { error: error.value }
      : outcome.outcome === "blocked" && outcome.reason
        ? { error: outcome.reason }
        : {}),
    ...(outcome.interrupted ? { interrupted: true } : {}),
    working_dir: payload.cwd,
    files_accessed: filesAccessed(payload.tool_name, payload.tool_input, payload.cwd, ctx.home),
    ...(payload.agent_id ? { agent_id: payload.agent_id } : {}),
    ...(payload.agent_type && payload.agent_id ? { agent_type: payload.agent_type } : {}),
    ...mcpNames(payload.tool_name),
    ...(payload.prompt_id ? { prompt_id: payload.prompt_id } : {}),
    verdict: outcome.verdict,
    severity: outcome.severity,
    // A rule evaluated only in part (a tier it needs was unavailable) is kept as a finding, not as a match.
    rules_matched: [...new Set(outcome.findings.filter((f) => f.evaluation !== "partial").map((f) => f.rule))],
    findings: [...outcome.findings],
    ...(outcome.reason ? { reason: outcome.reason } : {}),
    scan_time_ms: round(outcome.scanTimeMs),
    ...(truncated.length > 0 ? { truncated } : {}),
  };
}

function mcpNames(toolName: string): { mcp_server?: string; mcp_tool?: string } {
  const mcp = parseMcpToolName(toolName);
  return mcp ? { mcp_server: mcp.server, mcp_tool: mcp.tool } : {};
}

/** Start and duration of a completed call: Claude Code's own duration_ms wins over our clocks. */
export function completedTiming(
  pending: PendingCall | undefined,
  payload: PostToolUsePayload | PostToolUseFailurePayload,
  end: Date,
): { timestampStart: string; timestampEnd: string; durationMs: number } {
  const timestampEnd = end.toISOString();
  if (pending) {
    const measured = end.getTime() - Date.parse(pending.timestamp_start);
    return { timestampStart: pending.timestamp_start, timestampEnd, durationMs: payload.duration_ms ?? Math.max(0, measured) };
  }
  const durationMs = payload.duration_ms ?? 0;
  return { timestampStart: new Date(end.getTime() - durationMs).toISOString(), timestampEnd, durationMs };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
