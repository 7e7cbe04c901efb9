import os from "node:os";
import path from "node:path";

/**
 * Where Claude Code keeps its transcripts: `$CLAUDE_CONFIG_DIR`, else `~/.claude` (as Claude Code
 * 2.1.197 resolves it), each session under `projects/<slug>/<session>.jsonl`.
 */
export function claudeConfigDir(env: Readonly<Record<string, string | undefined>>, home: string = os.homedir()): string {
  const configured = env.CLAUDE_CONFIG_DIR;
  return configured != null && configured !== "" ? path.resolve(configured) : path.join(home, ".claude");
}

export function projectsDirOf(claudeDir: string): string {
  return path.join(claudeDir, "projects");
}
