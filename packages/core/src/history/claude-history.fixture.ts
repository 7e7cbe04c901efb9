import { mkdirSync, utimesSync } from "node:fs";
import { dirname, join } from "node:path";
import { assistantLines, createFixtureProject, type UsageNumbers } from "../report/transcript/claude-transcript.fixture.js";

/**
 * Test support: a temporary Claude config dir (`<root>/.claude`) with project folders, and one-line
 * answers at a given instant, built with the transcript fixture builders (Claude Code 2.1.197 shapes).
 */

export const SONNET = "claude-sonnet-4-5-20250929";
export const HAIKU = "claude-haiku-4-5-20251001";

export interface FixtureHistory {
  readonly claudeDir: string;
  readonly projectsDir: string;
  /** `<claudeDir>/projects/<slug>/<session>.jsonl`; the folder is created. */
  transcriptPath(sessionId: string, slug?: string): string;
  /** `<claudeDir>/projects/<slug>/<session>/subagents/agent-<agentId>.jsonl`. */
  subagentPath(sessionId: string, agentId: string, slug?: string): string;
  write(path: string, lines: readonly string[], unterminatedTail?: string): void;
  /** Sets a file's mtime (which the scan orders sessions by). */
  touch(path: string, at: string): void;
  cleanup(): void;
}

export const DEFAULT_SLUG = "-home-dev-app";

export function createHistory(): FixtureHistory {
  const fixture = createFixtureProject();
  const projectsDir = dirname(fixture.projectDir);
  const folder = (slug: string): string => {
    const path = join(projectsDir, slug);
    mkdirSync(path, { recursive: true });
    return path;
  };
  return {
    claudeDir: dirname(projectsDir),
    projectsDir,
    transcriptPath: (sessionId, slug = DEFAULT_SLUG) => join(folder(slug), `${sessionId}.jsonl`),
    subagentPath: (sessionId, agentId, slug = DEFAULT_SLUG) => join(folder(slug), sessionId, "subagents", `agent-${agentId}.jsonl`),
    write: (path, lines, tail) => fixture.write(path, lines, tail),
    touch: (path, at) => utimesSync(path, new Date(at), new Date(at)),
    cleanup: () => fixture.cleanup(),
  };
}

export interface AnswerOptions {
  readonly model?: string;
  readonly usage?: UsageNumbers;
  readonly agentId?: string;
  /** How many content-block lines the response is split into (default 1). */
  readonly blocks?: number;
}

/** A response `id` answered at `at` in `sessionId`, as Claude Code writes it: one line per content block. */
export function answer(sessionId: string, id: string, at: string, options: AnswerOptions = {}): string[] {
  const blocks = Array.from({ length: options.blocks ?? 1 }, (_, index) => ({ type: "text" as const, text: `part ${index + 1}` }));
  return assistantLines(
    { sessionId, timestamp: at, ...(options.agentId != null && { agentId: options.agentId }) },
    { id, requestId: `req_${id}`, model: options.model ?? SONNET, blocks, usage: options.usage ?? { input: 1000, output: 100 } },
  );
}

/** The `queue-operation` line a `-p` run (or a `--fork-session` copy) opens its file with. */
export function queueLine(sessionId: string, at: string): string {
  return JSON.stringify({ type: "queue-operation", operation: "enqueue", timestamp: at, sessionId, content: "go" });
}

/** A response's lines as a fork copies them into its own file: unchanged but for `sessionId`. */
export function copiedInto(sessionId: string, lines: readonly string[]): string[] {
  return lines.map((line) => line.replace(/"sessionId":"[^"]*"/, `"sessionId":${JSON.stringify(sessionId)}`));
}
