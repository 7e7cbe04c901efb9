import { redactText } from "../../store/redact-secrets.js";
import { readJsonlLines } from "../transcript/jsonl-reader.js";
import { peekLine } from "../transcript/line-peek.js";
import { transcriptLineSchemas } from "../transcript/transcript-line.js";

/** How far into a transcript its first prompt is looked for: it is near the top, or the session has none to show. */
export const FIRST_PROMPT_SCAN_BYTES = 4 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;

/** Thrown by the line visitor to stop reading: the prompt is found, or the scan went far enough. */
class StopReading extends Error {
  override readonly name = "StopReading";
}

/**
 * The first prompt typed in a transcript's main thread, as the session report takes it (a user line
 * whose content is a string, not a subagent's, not meta, not a compaction summary), with secrets
 * masked (redactText): the transcript is Claude Code's raw text. Null when the file has none in its
 * first FIRST_PROMPT_SCAN_BYTES, or does not exist. Reads the file's head only.
 */
export async function readFirstPrompt(transcriptPath: string, scanBytes = FIRST_PROMPT_SCAN_BYTES): Promise<string | null> {
  const found: { prompt: string | null } = { prompt: null };
  const visit = (buffer: Buffer, start: number, end: number, nextOffset: number): void => {
    found.prompt = promptOfLine(buffer, start, end);
    if (found.prompt != null || nextOffset >= scanBytes) throw new StopReading();
  };
  try {
    await readJsonlLines(transcriptPath, 0, visit, CHUNK_BYTES);
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
  return found.prompt == null ? null : redactText(found.prompt);
}

function promptOfLine(buffer: Buffer, start: number, end: number): string | null {
  const peek = peekLine(buffer, start, end);
  if (peek.kind !== "typed" || peek.type !== "user" || peek.content !== "string") return null;
  let json: unknown;
  try {
    json = JSON.parse(buffer.toString("utf8", start, end));
  } catch {
    return null;
  }
  const parsed = transcriptLineSchemas().userLine.safeParse(json);
  if (!parsed.success) return null;
  const line = parsed.data;
  if (line.isSidechain === true || line.agentId != null) return null;
  if (line.isMeta === true || line.isCompactSummary === true || line.isVisibleInTranscriptOnly === true) return null;
  return typeof line.message.content === "string" ? line.message.content : null;
}
