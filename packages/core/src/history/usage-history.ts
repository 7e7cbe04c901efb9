import { projectsDirOf } from "./claude-dir.js";
import { listProjectFolders, readProjectFolder, type ProjectFolder } from "./transcript-tree.js";
import type { UsageCache } from "./usage-cache.js";
import { emptyScanCounts, scanGroupUsage, type ScanCounts, type SessionUsage } from "./usage-scan.js";

/** Every session's usage under a Claude config dir, wired into Warden or not. */
export interface UsageHistory {
  readonly claude_dir: string;
  readonly projects: number;
  readonly sessions: readonly SessionUsage[];
  /** What was read from the transcripts this time (groups taken from the cache are not in it). */
  readonly read: ScanCounts;
  /** Transcript files whose reading came from the cache. */
  readonly cached_files: number;
}

/** Project folders read at once: reading waits on the disk as much as on parsing. */
const CONCURRENT_PROJECTS = 4;

/**
 * Reads the whole history, a few project folders at a time: memory holds the folders being read
 * (their responses' key hashes, for de-duplication) and the quarter-hour cells of every session.
 * With a cache, a session whose files have not changed is not read again.
 */
export async function readUsageHistory(claudeDir: string, cache?: UsageCache): Promise<UsageHistory> {
  const projectsDir = projectsDirOf(claudeDir);
  const read = emptyScanCounts();
  const slugs = await listProjectFolders(projectsDir);
  const results: { sessions: SessionUsage[]; cachedFiles: number }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < slugs.length) {
      const index = next++;
      const folder = await readProjectFolder(projectsDir, slugs[index] ?? "");
      results[index] = await scanProject(folder, read, cache);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_PROJECTS, slugs.length) }, worker));
  cache?.save();
  return {
    claude_dir: claudeDir,
    projects: slugs.length,
    sessions: results.flatMap((result) => result.sessions),
    read,
    cached_files: results.reduce((n, result) => n + result.cachedFiles, 0),
  };
}

async function scanProject(
  folder: ProjectFolder,
  read: ScanCounts,
  cache: UsageCache | undefined,
): Promise<{ sessions: SessionUsage[]; cachedFiles: number }> {
  const seen = new Set<string>();
  const sessions: SessionUsage[] = [];
  let cachedFiles = 0;
  for (const group of folder.groups) {
    const cached = cache?.lookup(folder.slug, group);
    // A cached reading holds only while the earlier groups claim the same responses as then: none
    // of its own (a parent that grew), and all it left to them (not a parent since deleted).
    const usable = cached != null && cached.keys.every((key) => !seen.has(key)) && cached.skipped.every((key) => seen.has(key));
    const usage = usable ? cached : await scanGroupUsage(folder.slug, group, seen, read);
    if (usable) {
      for (const key of cached.keys) seen.add(key);
      cachedFiles += group.files.length;
    }
    cache?.keep(folder.slug, group, usage, !usable);
    sessions.push(...usage.sessions);
  }
  return { sessions: mergeSessions(sessions), cachedFiles };
}

/** A session's usage in one entry, where legacy agent files added theirs apart. */
function mergeSessions(sessions: readonly SessionUsage[]): SessionUsage[] {
  const merged = new Map<string, SessionUsage>();
  for (const session of sessions) {
    const earlier = merged.get(session.session_id);
    merged.set(
      session.session_id,
      earlier == null
        ? session
        : {
            ...earlier,
            cwd: earlier.cwd ?? session.cwd,
            first_at: earliest(earlier.first_at, session.first_at),
            last_at: latest(earlier.last_at, session.last_at),
            cells: [...earlier.cells, ...session.cells],
          },
    );
  }
  return [...merged.values()];
}

function earliest(a: string | null, b: string | null): string | null {
  return a == null ? b : b == null ? a : a < b ? a : b;
}

function latest(a: string | null, b: string | null): string | null {
  return a == null ? b : b == null ? a : a > b ? a : b;
}
