import fs from "node:fs";
import path from "node:path";
import { isRecord, preview, recordField, recordsOf, stringField, tryParseJson, type JsonRecord } from "./json-guards.js";

/** Finds and reads the JSONL transcripts Claude Code writes under `<home>/.claude/projects/`. */

export interface SubagentTranscript {
  readonly agentId: string;
  readonly path: string;
  /** From `agent-<id>.meta.json`, when present. */
  readonly agentType: string | undefined;
  readonly lines: readonly JsonRecord[];
}

export interface Transcript {
  readonly path: string;
  readonly lines: readonly JsonRecord[];
  readonly subagents: readonly SubagentTranscript[];
}

export interface TranscriptToolUse {
  readonly id: string;
  readonly name: string;
  readonly input: JsonRecord;
  readonly messageId: string;
  readonly requestId: string | undefined;
}

export interface TranscriptToolResult {
  readonly toolUseId: string;
  readonly isError: boolean;
  readonly content: unknown;
}

export function projectsDir(home: string): string {
  return path.join(home, ".claude", "projects");
}

/** Claude Code's folder name for a project: every non-alphanumeric character becomes `-`. */
export function projectSlug(projectDir: string): string {
  return fs.realpathSync(projectDir).replace(/[^a-zA-Z0-9]/g, "-");
}

/**
 * The main transcript of a session. Looks in the project's folder first, then in every project
 * folder (slugs over 200 characters get a hash suffix this helper does not reproduce).
 */
export function findTranscriptPath(home: string, projectDir: string, sessionId: string): string {
  const file = `${sessionId}.jsonl`;
  const expected = path.join(projectsDir(home), projectSlug(projectDir), file);
  if (fs.existsSync(expected)) return expected;
  const candidates = fs.existsSync(projectsDir(home))
    ? fs.readdirSync(projectsDir(home)).map((slug) => path.join(projectsDir(home), slug, file))
    : [];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (found == null)
    throw new Error(`no transcript for session ${sessionId}: expected ${expected}, and no other project folder has ${file}`);
  return found;
}

export function readTranscript(home: string, projectDir: string, sessionId: string): Transcript {
  const mainPath = findTranscriptPath(home, projectDir, sessionId);
  const subagentDir = path.join(path.dirname(mainPath), sessionId, "subagents");
  const subagentFiles = fs.existsSync(subagentDir)
    ? fs
        .readdirSync(subagentDir)
        .filter((name) => /^agent-.+\.jsonl$/.test(name))
        .toSorted()
    : [];
  return {
    path: mainPath,
    lines: readJsonl(mainPath),
    subagents: subagentFiles.map((name) => {
      const agentId = name.slice("agent-".length, -".jsonl".length);
      const metaPath = path.join(subagentDir, `agent-${agentId}.meta.json`);
      const meta = fs.existsSync(metaPath) ? tryParseJson(fs.readFileSync(metaPath, "utf8")) : undefined;
      return {
        agentId,
        path: path.join(subagentDir, name),
        agentType: isRecord(meta) ? stringField(meta, "agentType") : undefined,
        lines: readJsonl(path.join(subagentDir, name)),
      };
    }),
  };
}

export function readJsonl(file: string): JsonRecord[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line, index) => {
      const parsed = tryParseJson(line);
      if (!isRecord(parsed)) throw new Error(`${file}:${index + 1}: expected a JSON object per line, got ${preview(line)}`);
      return parsed;
    });
}

/** tool_use blocks of assistant lines (one line per block, as Claude Code writes them). */
export function toolUsesIn(lines: readonly JsonRecord[]): TranscriptToolUse[] {
  return lines
    .filter((line) => line["type"] === "assistant")
    .flatMap((line) => {
      const message = recordField(line, "message");
      if (message == null) return [];
      return recordsOf(message["content"])
        .filter((block) => block["type"] === "tool_use")
        .map((block) => ({
          id: stringField(block, "id") ?? "",
          name: stringField(block, "name") ?? "",
          input: recordField(block, "input") ?? {},
          messageId: stringField(message, "id") ?? "",
          requestId: stringField(line, "requestId"),
        }));
    });
}

/** tool_result blocks of user lines. */
export function toolResultsIn(lines: readonly JsonRecord[]): TranscriptToolResult[] {
  return lines
    .filter((line) => line["type"] === "user")
    .flatMap((line) =>
      recordsOf(recordField(line, "message")?.["content"])
        .filter((block) => block["type"] === "tool_result")
        .map((block) => ({
          toolUseId: stringField(block, "tool_use_id") ?? "",
          isError: block["is_error"] === true,
          content: block["content"],
        })),
    );
}
