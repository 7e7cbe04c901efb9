import { cutText } from "../../store/bounded-value.js";
import { peekLine } from "./line-peek.js";
import type { TranscriptFile } from "./transcript-files.js";
import { KNOWN_LINE_TYPES, transcriptLineSchemas, type AssistantLine, type UserLine } from "./transcript-line.js";
import type { FileProgress, TranscriptState } from "./transcript-state.js";
import { forEachResponse, recordResponse } from "./usage-ledger.js";

/** One step of the main conversation: a prompt as typed, or a text block of an answer. */
export interface TraceEntry {
  readonly kind: "prompt" | "assistant_text";
  readonly text: string;
  /** True when `text` was cut to the trace limit (head and tail kept around a marker). */
  readonly truncated: boolean;
  readonly timestamp: string | null;
  /** The answering model; null for prompts. */
  readonly model: string | null;
  readonly uuid: string | null;
}

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
  const wanted = peek.type === "assistant" || (peek.type === "user" && peek.content === "string");
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
  forEachResponse(line, agentId, lineKey, (key, usage) => recordResponse(state.responses, key, usage));
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
    } else if (block.type === "text" && typeof block.text === "string" && block.text !== "" && agentId == null) {
      pushTrace(context, "assistant_text", block.text, line, model);
    }
  }
}

function collectPrompt(context: CollectContext, line: UserLine): void {
  const content = line.message.content;
  if (typeof content !== "string" || agentOf(context, line) != null) return;
  if (line.isMeta === true || line.isCompactSummary === true || line.isVisibleInTranscriptOnly === true) return;
  pushTrace(context, "prompt", content, line, null);
}

function pushTrace(
  context: CollectContext,
  kind: TraceEntry["kind"],
  text: string,
  line: UserLine | AssistantLine,
  model: string | null,
): void {
  const kept = cutText(text, context.traceTextLimitBytes);
  context.trace.push({ kind, text: kept, truncated: kept !== text, timestamp: line.timestamp ?? null, model, uuid: line.uuid ?? null });
}

/** The subagent a line belongs to (registered in the state), or null for the main thread. */
function agentOf(context: CollectContext, line: UserLine | AssistantLine): string | null {
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
