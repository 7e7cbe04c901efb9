import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { isMissingFile } from "../report/transcript/missing-file.js";
import type { FileKind } from "../report/transcript/transcript-state.js";

/**
 * Every transcript file under a Claude config dir's `projects/`, project by project, in the three
 * layouts Claude Code has used (see transcript-files.ts): `<slug>/<session>.jsonl`, its subagents in
 * `<slug>/<session>/subagents/agent-<id>.jsonl`, and legacy `<slug>/agent-<id>.jsonl` files whose
 * lines name their session. One directory listing per folder: a machine's history has thousands.
 */

export interface HistoryFile {
  readonly path: string;
  readonly kind: FileKind;
  /** The session the file belongs to by its place; null for legacy agent files (their lines say). */
  readonly sessionId: string | null;
  readonly agentId: string | null;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface ProjectFolder {
  /** The folder name: the launch cwd with every non-alphanumeric character replaced by `-`. */
  readonly slug: string;
  readonly path: string;
  /** Sessions oldest first (by the main file's mtime), each followed by its subagent files; legacy agent files last. */
  readonly files: readonly HistoryFile[];
}

const JSONL = ".jsonl";
const AGENT_FILE = /^agent-(.+)\.jsonl$/;

/** The project folders, sorted by slug; an absent `projects/` is an empty history. */
export async function listProjectFolders(projectsDir: string): Promise<string[]> {
  const entries = await listDir(projectsDir);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .toSorted();
}

export async function readProjectFolder(projectsDir: string, slug: string): Promise<ProjectFolder> {
  const folder = path.join(projectsDir, slug);
  const entries = await listDir(folder);
  const sessions: { main: HistoryFile; subagents: HistoryFile[] }[] = [];
  const legacy: HistoryFile[] = [];
  const folders = new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(JSONL)) continue;
    const file = path.join(folder, entry.name);
    const agentId = AGENT_FILE.exec(entry.name)?.[1];
    if (agentId != null) {
      const facts = await fileFacts(file);
      if (facts != null) legacy.push({ path: file, kind: "legacy_agent", sessionId: null, agentId, ...facts });
      continue;
    }
    const sessionId = entry.name.slice(0, -JSONL.length);
    const facts = await fileFacts(file);
    if (facts == null) continue;
    const subagents = folders.has(sessionId) ? await subagentFiles(path.join(folder, sessionId, "subagents"), sessionId) : [];
    sessions.push({ main: { path: file, kind: "main", sessionId, agentId: null, ...facts }, subagents });
  }
  // Oldest first (by mtime): a response a fork repeats is counted in the session that opened first
  // (see usage-scan.ts), and in the one read first when that does not tell.
  sessions.sort((a, b) => a.main.mtimeMs - b.main.mtimeMs || a.main.path.localeCompare(b.main.path));
  legacy.sort((a, b) => a.path.localeCompare(b.path));
  return { slug, path: folder, files: [...sessions.flatMap((session) => [session.main, ...session.subagents]), ...legacy] };
}

async function subagentFiles(dir: string, sessionId: string): Promise<HistoryFile[]> {
  const files: HistoryFile[] = [];
  for (const entry of await listDir(dir)) {
    const agentId = AGENT_FILE.exec(entry.name)?.[1];
    if (!entry.isFile() || agentId == null) continue;
    const file = path.join(dir, entry.name);
    const facts = await fileFacts(file);
    if (facts != null) files.push({ path: file, kind: "subagent", sessionId, agentId, ...facts });
  }
  return files.toSorted((a, b) => a.path.localeCompare(b.path));
}

async function listDir(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissingFile(error)) return [];
    throw error;
  }
}

/** Size and mtime; null when the file went away between the listing and now (Claude Code cleans up). */
async function fileFacts(file: string): Promise<{ size: number; mtimeMs: number } | null> {
  try {
    const facts = await stat(file);
    return { size: facts.size, mtimeMs: facts.mtimeMs };
  } catch (error) {
    if (isMissingFile(error)) return null;
    throw error;
  }
}
