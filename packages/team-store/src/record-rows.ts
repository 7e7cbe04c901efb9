import path from "node:path";
import { boundValue, redactValue, type Finding, type SessionRecord, type ToolEventRecord } from "@warden/core";
import { checkpointRow, type CheckpointRow } from "./checkpoint-rows.js";
import { cut, SHIPPED_LIMITS } from "./shipped-limits.js";

/** Who shipped the rows: the team sees sessions by developer and machine. */
export interface Identity {
  readonly user: string;
  readonly machine: string;
}

/** What a batch says about the session itself; null fields leave the stored value as it is. */
export interface SessionPatch {
  readonly session_id: string;
  readonly user_name: string;
  readonly machine: string;
  readonly project: string | null;
  readonly project_dir: string | null;
  readonly git_branch: string | null;
  readonly git_commit: string | null;
  readonly started_at: string | null;
  readonly warden_version: string | null;
  /** `ended`: the batch ends with an end record; `reopened`: resumed after one; null: no change. */
  readonly end: { readonly state: "ended"; readonly at: string; readonly reason: string } | { readonly state: "reopened" } | null;
}

export interface EventRow {
  session_id: string;
  record_id: number;
  tool_use_id: string | null;
  tool_name: string;
  mcp_server: string | null;
  agent_id: string | null;
  prompt_id: string | null;
  outcome: string;
  verdict: string;
  severity: string | null;
  rules: string[];
  reason: string | null;
  started_at: string;
  ended_at: string;
  duration_ms: number;
  scan_time_ms: number;
  is_error: boolean;
  working_dir: string;
  files: string[];
  tool_input: unknown;
  output_preview: string | null;
  output_bytes: number | null;
}

export interface PromptRow {
  session_id: string;
  record_id: number;
  prompt_id: string | null;
  submitted_at: string;
  verdict: string;
  prompt: string;
}

export interface FindingRow {
  session_id: string;
  record_id: number;
  ordinal: number;
  subject: "tool" | "prompt";
  tool_name: string | null;
  found_at: string;
  verdict: string;
  rule: string;
  severity: string;
  category: string | null;
  message: string | null;
  excerpt: string | null;
}

export interface ShipRows {
  readonly session: SessionPatch;
  readonly events: EventRow[];
  readonly prompts: PromptRow[];
  readonly findings: FindingRow[];
  readonly checkpoints: CheckpointRow[];
}

/**
 * The rows a batch of one session's records becomes. Every record is masked again on the way
 * out, whatever the project's `redact` setting: the team store is shared, the local file is not.
 */
export function rowsOfRecords(sessionId: string, batch: readonly SessionRecord[], identity: Identity): ShipRows {
  const records = batch.map((r) => storable(redactValue(r)));
  const events: EventRow[] = [];
  const prompts: PromptRow[] = [];
  const findings: FindingRow[] = [];
  const checkpoints: CheckpointRow[] = [];
  let session: SessionPatch = {
    session_id: sessionId,
    user_name: identity.user,
    machine: identity.machine,
    project: null,
    project_dir: null,
    git_branch: null,
    git_commit: null,
    started_at: null,
    warden_version: null,
    end: null,
  };
  for (const record of records) {
    switch (record.type) {
      case "init":
        session = {
          ...session,
          project: path.basename(record.project_dir) || record.project_dir,
          project_dir: record.project_dir,
          git_branch: record.git?.branch ?? null,
          git_commit: record.git?.commit ?? null,
          started_at: record.timestamp,
          warden_version: record.warden_version,
        };
        break;
      case "event":
        events.push(eventRow(sessionId, record));
        findings.push(
          ...findingRows(sessionId, record.id, record.findings, "tool", record.tool_name, record.timestamp_start, record.verdict),
        );
        break;
      case "prompt":
        prompts.push({
          session_id: sessionId,
          record_id: record.id,
          prompt_id: record.prompt_id,
          submitted_at: record.timestamp,
          verdict: record.verdict,
          prompt: cut(
            typeof record.prompt === "string" ? record.prompt : (JSON.stringify(record.prompt) ?? ""),
            SHIPPED_LIMITS.promptChars,
          ),
        });
        findings.push(...findingRows(sessionId, record.id, record.findings, "prompt", null, record.timestamp, record.verdict));
        break;
      case "end":
        session = { ...session, end: { state: "ended", at: record.ended_at, reason: record.reason } };
        break;
      case "resume":
        session = { ...session, end: { state: "reopened" } };
        break;
      case "checkpoint":
        checkpoints.push(checkpointRow(sessionId, record));
        break;
      default:
        // Stops, subagent stops and compactions stay local; the report's figures cover them.
        break;
    }
  }
  // A session whose first records were lost still needs a project: its events say where they ran.
  const firstDir = events[0]?.working_dir;
  if (session.project == null && firstDir != null) session = { ...session, project_dir: firstDir, project: path.basename(firstDir) };
  return { session, events, prompts, findings, checkpoints };
}

function eventRow(sessionId: string, record: ToolEventRecord): EventRow {
  const output = outputText(record.tool_output);
  return {
    session_id: sessionId,
    record_id: record.id,
    tool_use_id: record.tool_use_id,
    tool_name: record.tool_name,
    mcp_server: record.mcp_server ?? null,
    agent_id: record.agent_id ?? null,
    prompt_id: record.prompt_id ?? null,
    outcome: record.outcome,
    verdict: record.verdict,
    severity: record.severity,
    rules: record.rules_matched,
    reason: record.reason ?? null,
    started_at: record.timestamp_start,
    ended_at: record.timestamp_end,
    duration_ms: record.duration_ms,
    scan_time_ms: record.scan_time_ms,
    is_error: record.is_error,
    working_dir: record.working_dir,
    files: record.files_accessed,
    tool_input: boundValue(record.tool_input ?? null, SHIPPED_LIMITS.inputStringBytes, "tool_input").value,
    output_preview: output == null ? null : cut(output, SHIPPED_LIMITS.outputPreviewChars),
    output_bytes: output == null ? null : Buffer.byteLength(output),
  };
}

function findingRows(
  sessionId: string,
  recordId: number,
  found: readonly Finding[],
  subject: "tool" | "prompt",
  toolName: string | null,
  at: string,
  verdict: string,
): FindingRow[] {
  return found.map((f, ordinal) => ({
    session_id: sessionId,
    record_id: recordId,
    ordinal,
    subject,
    tool_name: toolName,
    found_at: at,
    verdict,
    rule: f.rule,
    severity: f.severity,
    category: f.category ?? null,
    message: f.message == null ? null : cut(f.message, SHIPPED_LIMITS.messageChars),
    excerpt: f.excerpt == null ? null : cut(f.excerpt, SHIPPED_LIMITS.excerptChars),
  }));
}

/** A tool's output as text (most are strings or objects of strings); null when there was none. */
function outputText(output: unknown): string | null {
  if (output == null) return null;
  return typeof output === "string" ? output : (JSON.stringify(output) ?? null);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * PostgreSQL text and jsonb hold no NUL character and no half of a surrogate pair, both of which
 * a tool's output can carry (a binary file read, a cut string): each becomes U+FFFD.
 */
function storable<T>(value: T): T {
  // @ts-expect-error the copy has the value's shape: only characters inside its strings change.
  return storableAny(value);
}

function storableAny(value: unknown): unknown {
  if (typeof value === "string") return value.replace(LONE_SURROGATE, "\uFFFD").replaceAll("\0", "\uFFFD");
  if (Array.isArray(value)) return value.map(storableAny);
  if (value != null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableAny(k), storableAny(v)]));
  return value;
}
