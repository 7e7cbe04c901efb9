import { open, readdir, stat } from "node:fs/promises";
import * as z from "zod/mini";
import path from "node:path";
import { isMissingFile } from "../report/transcript/missing-file.js";
import { lazySchema } from "../support/lazy-schema.js";
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
  /** When the file was made (its mtime where the file system does not say). */
  readonly bornMs: number;
}

/**
 * The files read together: a session's main transcript with its subagents, or one legacy agent
 * file (its lines name their session). The unit of de-duplication order and of the cache.
 */
export interface FileGroup {
  readonly id: string;
  readonly files: readonly HistoryFile[];
}

export interface ProjectFolder {
  /** The folder name: the launch cwd with every non-alphanumeric character replaced by `-`. */
  readonly slug: string;
  readonly path: string;
  /** Sessions oldest first (by when the main file opened), then subagent files whose main file is gone, legacy agent files last. */
  readonly groups: readonly FileGroup[];
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
  // Oldest first, so a response a fork repeats is counted in the session that made it. Neither the
  // files' times nor the copied lines' tell which came first (a `--fork-session` copy keeps the
  // parent's timestamps, and the parent may be written to after the fork); the first timestamped
  // line of each main file does (the fork opens with its own, later, queue-operation line).
  const openings = new Map(await Promise.all(sessions.map(async (session) => [session, await openingOf(session.main.path)] as const)));
  const opened = (session: (typeof sessions)[number]): number => openings.get(session) ?? Number.POSITIVE_INFINITY;
  sessions.sort((a, b) => opened(a) - opened(b) || a.main.bornMs - b.main.bornMs || a.main.path.localeCompare(b.main.path));
  legacy.sort((a, b) => a.path.localeCompare(b.path));
  // Subagents whose session's main transcript is gone (deleted by hand, or cut off by a crash) still billed.
  const withMain = new Set(sessions.map((session) => session.main.sessionId));
  const orphans: FileGroup[] = [];
  for (const name of [...folders].filter((name) => !withMain.has(name)).toSorted()) {
    const files = await subagentFiles(path.join(folder, name, "subagents"), name);
    if (files.length > 0) orphans.push({ id: name, files });
  }
  return {
    slug,
    path: folder,
    groups: [
      ...sessions.map((session) => ({ id: session.main.sessionId ?? session.main.path, files: [session.main, ...session.subagents] })),
      ...orphans,
      ...legacy.map((file) => ({ id: path.basename(file.path), files: [file] })),
    ],
  };
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
async function fileFacts(file: string): Promise<{ size: number; mtimeMs: number; bornMs: number } | null> {
  try {
    const facts = await stat(file);
    return { size: facts.size, mtimeMs: facts.mtimeMs, bornMs: facts.birthtimeMs > 0 ? facts.birthtimeMs : facts.mtimeMs };
  } catch (error) {
    if (isMissingFile(error)) return null;
    throw error;
  }
}

/**
 * How much of a main transcript is read to find its first timestamp: its first line is a short
 * queue-operation, so a little is nearly always enough; more when the opening line is long.
 */
const OPENING_BYTES = [4 * 1024, 64 * 1024];

/** The first valid `timestamp` of a main transcript's opening lines (epoch ms); +Infinity when none. */
async function openingOf(file: string): Promise<number> {
  for (const size of OPENING_BYTES) {
    const head = await readHead(file, size);
    for (const line of head.text.split("\n")) {
      const at = timestampOf(line);
      if (!Number.isNaN(at)) return at;
    }
    if (head.bytes < size) break;
  }
  return Number.POSITIVE_INFINITY;
}

async function readHead(file: string, size: number): Promise<{ text: string; bytes: number }> {
  const head = Buffer.alloc(size);
  try {
    const handle = await open(file, "r");
    try {
      const { bytesRead } = await handle.read(head, 0, size, 0);
      return { text: head.toString("utf8", 0, bytesRead), bytes: bytesRead };
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (isMissingFile(error)) return { text: "", bytes: 0 };
    throw error;
  }
}

/** Built on first use (see lazy-schema.ts). */
const openingLineSchema = lazySchema(() => z.looseObject({ timestamp: z.nullish(z.string()) }));

function timestampOf(line: string): number {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return Number.NaN;
  }
  const parsed = openingLineSchema().safeParse(json);
  return parsed.success && parsed.data.timestamp != null ? Date.parse(parsed.data.timestamp) : Number.NaN;
}
