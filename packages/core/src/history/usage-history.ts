import { projectsDirOf } from "./claude-dir.js";
import { listProjectFolders, readProjectFolder } from "./transcript-tree.js";
import { emptyScanCounts, scanProjectUsage, type ScanCounts, type SessionUsage } from "./usage-scan.js";

/** Every session's usage under a Claude config dir, wired into Warden or not. */
export interface UsageHistory {
  readonly claude_dir: string;
  readonly projects: number;
  readonly sessions: readonly SessionUsage[];
  readonly read: ScanCounts;
}

/**
 * Reads the whole history one project folder at a time: memory holds the folder being read (its
 * responses, for de-duplication) and the quarter-hour cells of the sessions read so far.
 */
export async function readUsageHistory(claudeDir: string): Promise<UsageHistory> {
  const projectsDir = projectsDirOf(claudeDir);
  const read = emptyScanCounts();
  const sessions: SessionUsage[] = [];
  const slugs = await listProjectFolders(projectsDir);
  for (const slug of slugs) sessions.push(...(await scanProjectUsage(await readProjectFolder(projectsDir, slug), read)));
  return { claude_dir: claudeDir, projects: slugs.length, sessions, read };
}
