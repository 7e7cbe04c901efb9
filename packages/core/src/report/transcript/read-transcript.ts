import { stat } from "node:fs/promises";
import { collectLine, type TraceEntry } from "./collect-line.js";
import { DEFAULT_CHUNK_BYTES, readJsonlLines } from "./jsonl-reader.js";
import { isMissingFile } from "./missing-file.js";
import { summarizeTranscript, type TranscriptSummary } from "./summarize-transcript.js";
import { findTranscriptFiles, sessionIdOf } from "./transcript-files.js";
import { emptyTranscriptState, TranscriptStateError, type FileKind, type FileProgress, type TranscriptState } from "./transcript-state.js";

export interface ReadTranscriptOptions {
  /** The `state` of an earlier reading of the same transcript: reading continues from its offsets. */
  readonly resume?: TranscriptState;
  /** Longest trace text kept, in UTF-8 bytes; longer ones keep head and tail. Default 16 KiB. */
  readonly traceTextLimitBytes?: number;
  /** Bytes read at a time. Default 1 MiB. */
  readonly chunkBytes?: number;
}

export interface FileReading extends FileProgress {
  readonly path: string;
  /** False when the file does not exist (yet). */
  readonly found: boolean;
  /** True when the file had shrunk below the saved offset (replaced) and was read again from 0. */
  readonly restarted: boolean;
}

/**
 * Usage, subagents, skills, MCP servers, tool_use ids and line counts cover everything read so far
 * (this call and the readings it resumed); `trace` covers this call only.
 */
export interface TranscriptReading extends TranscriptSummary {
  readonly session_id: string;
  /** False when the main transcript does not exist (yet): Claude Code writes it lazily. */
  readonly found: boolean;
  /** Main transcript first, then subagent files. */
  readonly files: readonly FileReading[];
  /** Line counts over all files. */
  readonly lines: { readonly read: number; readonly corrupt: number; readonly invalid: number; readonly unknown_type: number };
  /**
   * The main conversation in file order: prompts as typed and assistant text blocks. Only what
   * this call read: when resuming, append it to the trace of the earlier readings.
   */
  readonly trace: readonly TraceEntry[];
  /** Persist this (it is plain JSON) and pass it back as `resume` to continue later. */
  readonly state: TranscriptState;
}

const DEFAULT_TRACE_TEXT_LIMIT_BYTES = 16 * 1024;

/**
 * Reads a session's transcript (`transcript_path` of a hook payload) and its subagent files, with
 * memory bounded by the chunk size and the longest line, and returns de-duplicated token usage per
 * model, the conversation trace, subagent, skill and MCP use, and the tool_use ids seen.
 */
export async function readTranscript(transcriptPath: string, options: ReadTranscriptOptions = {}): Promise<TranscriptReading> {
  const sessionId = sessionIdOf(transcriptPath);
  const state = startingState(sessionId, options.resume);
  const trace: TraceEntry[] = [];
  const files: FileReading[] = [];
  for (const file of await findTranscriptFiles(transcriptPath, state)) {
    const saved = state.files[file.path];
    const size = await fileSize(file.path);
    const restarted = saved != null && size != null && size < saved.offset;
    const progress = saved == null || restarted ? newProgress(file.kind, file.agentId) : saved;
    const context = { state, file, progress, trace, traceTextLimitBytes: options.traceTextLimitBytes ?? DEFAULT_TRACE_TEXT_LIMIT_BYTES };
    const read = await readJsonlLines(
      file.path,
      progress.offset,
      (buffer, start, end, nextOffset) => collectLine(context, buffer, start, end, nextOffset),
      options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
    );
    progress.offset = read.offset;
    progress.pending_tail_bytes = read.pendingTailBytes;
    if (read.found) state.files[file.path] = progress;
    files.push({ path: file.path, found: read.found, restarted, ...progress });
  }
  return {
    session_id: sessionId,
    found: files[0]?.found ?? false,
    files,
    lines: {
      read: sum(files, (file) => file.lines),
      corrupt: sum(files, (file) => file.corrupt_lines),
      invalid: sum(files, (file) => file.invalid_lines),
      unknown_type: sum(files, (file) => file.unknown_type_lines),
    },
    trace,
    ...summarizeTranscript(state),
    state,
  };
}

function startingState(sessionId: string, resume: TranscriptState | undefined): TranscriptState {
  if (resume == null) return emptyTranscriptState(sessionId);
  if (resume.session_id !== sessionId) {
    throw new TranscriptStateError(
      `cannot resume: the saved transcript state is for session ${resume.session_id}, expected ${sessionId} (the transcript being read)`,
    );
  }
  return structuredClone(resume);
}

function newProgress(kind: FileKind, agentId: string | null): FileProgress {
  return { kind, agent_id: agentId, offset: 0, lines: 0, corrupt_lines: 0, invalid_lines: 0, unknown_type_lines: 0, pending_tail_bytes: 0 };
}

async function fileSize(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if (isMissingFile(error)) return null;
    throw error;
  }
}

function sum<T>(items: readonly T[], count: (item: T) => number): number {
  return items.reduce((total, item) => total + count(item), 0);
}
