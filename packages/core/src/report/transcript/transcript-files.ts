import { open, readdir, readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { isMissingFile } from "./missing-file.js";
import { transcriptLineSchemas } from "./transcript-line.js";
import type { FileKind, TranscriptState } from "./transcript-state.js";

/**
 * The files that make up one session, in the three layouts Claude Code has used for subagents:
 * - 2.1.197: `<project>/<session>/subagents/agent-<id>.jsonl`, with `agent-<id>.meta.json`;
 * - legacy: `agent-<id>.jsonl` beside the main transcript, belonging to it by `sessionId`;
 * - legacy: subagent lines inline in the main transcript with `isSidechain: true` (no file).
 */

export interface TranscriptFile {
  readonly path: string;
  readonly kind: FileKind;
  readonly agentId: string | null;
}

const AGENT_FILE = /^agent-(.+)\.jsonl$/;
/** How much of a legacy agent file is read to find the session it belongs to. */
const HEAD_BYTES = 64 * 1024;

export function sessionIdOf(transcriptPath: string): string {
  return basename(transcriptPath, ".jsonl");
}

/** Finds the session's files and records subagent types in `state.agent_types`. */
export async function findTranscriptFiles(transcriptPath: string, state: TranscriptState): Promise<TranscriptFile[]> {
  const projectDir = dirname(transcriptPath);
  const sessionId = sessionIdOf(transcriptPath);
  const files: TranscriptFile[] = [{ path: transcriptPath, kind: "main", agentId: null }];

  const subagentDir = join(projectDir, sessionId, "subagents");
  for (const name of await listDir(subagentDir)) {
    const agentId = AGENT_FILE.exec(name)?.[1];
    if (agentId == null) continue;
    files.push({ path: join(subagentDir, name), kind: "subagent", agentId });
    if (state.agent_types[agentId] == null) state.agent_types[agentId] = await agentTypeOf(join(subagentDir, `agent-${agentId}.meta.json`));
  }

  for (const name of await listDir(projectDir)) {
    const agentId = AGENT_FILE.exec(name)?.[1];
    const path = join(projectDir, name);
    if (agentId == null || path === transcriptPath || state.foreign_files.includes(path)) continue;
    const owner = state.files[path] != null ? "this" : await ownerOf(path, sessionId);
    if (owner === "other") state.foreign_files.push(path);
    if (owner !== "this") continue;
    files.push({ path, kind: "legacy_agent", agentId });
    state.agent_types[agentId] ??= null;
  }
  return files;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).toSorted();
  } catch (error) {
    if (isMissingFile(error)) return [];
    throw error;
  }
}

async function agentTypeOf(metaPath: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(metaPath, "utf8");
  } catch (error) {
    if (isMissingFile(error)) return null;
    throw error;
  }
  const parsed = transcriptLineSchemas().agentMeta.safeParse(parseJson(text));
  return parsed.success ? (parsed.data.agentType ?? null) : null;
}

/**
 * Whether a legacy agent file belongs to `sessionId`, from the `"sessionId"` of its first lines:
 * "unknown" while nothing decisive has been written yet (it is looked at again next time).
 */
async function ownerOf(path: string, sessionId: string): Promise<"this" | "other" | "unknown"> {
  const head = Buffer.alloc(HEAD_BYTES);
  let bytesRead: number;
  try {
    const handle = await open(path, "r");
    try {
      ({ bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0));
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (isMissingFile(error)) return "unknown";
    throw error;
  }
  const text = head.toString("utf8", 0, bytesRead);
  if (text.includes(`"sessionId":${JSON.stringify(sessionId)}`)) return "this";
  return text.includes('"sessionId":"') || bytesRead === HEAD_BYTES ? "other" : "unknown";
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
