import { cutText } from "../../store/bounded-value.js";
import { peekLine } from "./line-peek.js";
import type { TraceEntry } from "./trace-entry.js";
import type { TranscriptFile } from "./transcript-files.js";
import { KNOWN_LINE_TYPES, transcriptLineSchemas, type AssistantLine, type SystemLine, type UserLine } from "./transcript-line.js";
import type { FileProgress, TranscriptState } from "./transcript-state.js";
import { forEachResponse, recordResponse } from "./usage-ledger.js";

export type { TraceEntry } from "./trace-entry.js";

export interface CollectContext {
  readonly state: TranscriptState;
  readonly file: TranscriptFile;
  readonly progress: FileProgress;
  readonly trace: TraceEntry[];
  readonly traceTextLimitBytes: number;
}

/** Folds one raw line (`buffer[start, end)`, ending at file offset `nextOffset`) into the context. */
export function collectLine(context: CollectContext, buffer: Buffer, start: number, end: number, nextOffset: number): void {
  const { progress } = context;
  progress.lines++;
  const peek = peekLine(buffer, start, end);
  if (peek.kind === "blank") return;
  if (peek.kind === "corrupt") {
    progress.corrupt_lines++;
    return;
  }
  if (peek.kind === "untyped" || !KNOWN_LINE_TYPES.has(peek.type)) {
    progress.unknown_type_lines++;
    return;
  }
  const wanted = peek.type === "assistant" || peek.type === "system" || (peek.type === "user" && peek.content === "string");
  if (!wanted) return;
  const json = parseJson(buffer, start, end);
  if (json === NOT_JSON) {
    progress.corrupt_lines++;
    return;
  }
  if (peek.type === "assistant") {
    const parsed = transcriptLineSchemas().assistantLine.safeParse(json);
    if (parsed.success) collectAssistant(context, parsed.data, `${context.file.path}@${nextOffset}`);
    else progress.invalid_lines++;
  } else if (peek.type === "system") {
    const parsed = transcriptLineSchemas().systemLine.safeParse(json);
    if (parsed.success) collectSystem(context, parsed.data);
    else progress.invalid_lines++;
  } else {
    const parsed = transcriptLineSchemas().userLine.safeParse(json);
    if (parsed.success) collectPrompt(context, parsed.data);
    else progress.invalid_lines++;
  }
}

function collectAssistant(context: CollectContext, line: AssistantLine, lineKey: string): void {
  const { state } = context;
  const schemas = transcriptLineSchemas();
  const agentId = agentOf(context, line);
  const model = line.message.model ?? "unknown";
  let first = true;
  forEachResponse(line, agentId, lineKey, (key, usage) => {
    // The first line of a response places it in the conversation; its usage is the ledger's.
    if (first && state.responses[key] == null)
      context.trace.push({ kind: "response", key, model, agent_id: agentId, timestamp: line.timestamp ?? null, uuid: line.uuid ?? null });
    first = false;
    recordResponse(state.responses, key, usage);
  });
  for (const raw of line.message.content ?? []) {
    const parsed = schemas.contentBlock.safeParse(raw);
    if (!parsed.success) continue;
    const block = parsed.data;
    if (block.type === "tool_use" && block.id != null) {
      const skill = block.name === "Skill" ? schemas.skillInput.safeParse(block.input) : undefined;
      state.tool_uses[block.id] = {
        name: block.name ?? "unknown",
        agent_id: agentId,
        ...(skill?.success === true && { skill: skill.data.skill }),
      };
      if (agentId == null) context.trace.push({ kind: "tool_use", tool_use_id: block.id, name: block.name ?? "unknown", ...where(line) });
    } else if (agentId != null) {
      continue;
    } else if (block.type === "text" && typeof block.text === "string" && block.text !== "") {
      const kept = cutText(block.text, context.traceTextLimitBytes);
      context.trace.push({ kind: "assistant_text", text: kept, truncated: kept !== block.text, model, ...where(line) });
    } else if (block.type === "thinking" || block.type === "redacted_thinking") {
      // Claude Code often keeps only a thinking block's signature: the text is then empty.
      const text = block.type === "thinking" && typeof block.thinking === "string" ? block.thinking : "";
      const kept = cutText(text, context.traceTextLimitBytes);
      context.trace.push({ kind: "thinking", text: kept, truncated: kept !== text, redacted: text === "", model, ...where(line) });
    }
  }
}

function collectSystem(context: CollectContext, line: SystemLine): void {
  if (line.subtype !== "compact_boundary" || agentOf(context, line) != null) return;
  const meta = line.compactMetadata;
  context.trace.push({ kind: "compaction", trigger: meta?.trigger ?? null, pre_tokens: meta?.preTokens ?? null, ...where(line) });
}

function collectPrompt(context: CollectContext, line: UserLine): void {
  const content = line.message.content;
  if (typeof content !== "string" || agentOf(context, line) != null) return;
  if (line.isMeta === true || line.isCompactSummary === true || line.isVisibleInTranscriptOnly === true) return;
  const kept = cutText(content, context.traceTextLimitBytes);
  context.trace.push({
    kind: "prompt",
    text: kept,
    truncated: kept !== content,
    model: null,
    prompt_id: line.promptId ?? null,
    ...where(line),
  });
}

function where(line: UserLine | AssistantLine | SystemLine): { timestamp: string | null; uuid: string | null } {
  return { timestamp: line.timestamp ?? null, uuid: line.uuid ?? null };
}

/** The subagent a line belongs to (registered in the state), or null for the main thread. */
function agentOf(context: CollectContext, line: UserLine | AssistantLine | SystemLine): string | null {
  const { file, state } = context;
  const agentId =
    file.kind === "main" ? (line.isSidechain === true ? (line.agentId ?? "sidechain") : null) : (line.agentId ?? file.agentId);
  if (agentId != null) state.agent_types[agentId] ??= null;
  return agentId;
}

const NOT_JSON = Symbol("not JSON");

function parseJson(buffer: Buffer, start: number, end: number): unknown {
  try {
    return JSON.parse(buffer.toString("utf8", start, end));
  } catch {
    return NOT_JSON;
  }
}
