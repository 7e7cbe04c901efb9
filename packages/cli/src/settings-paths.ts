import path from "node:path";

/** Where Claude Code keeps the settings files it reads for a project. */

export type SettingsScope = "user" | "project" | "local";

/** The user's settings: `$CLAUDE_CONFIG_DIR/settings.json`, else `~/.claude/settings.json`. */
export function userSettingsPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  return path.join(env.CLAUDE_CONFIG_DIR || path.join(home, ".claude"), "settings.json");
}

/** The settings files Claude Code reads for a project, least specific first. */
export function settingsFiles(project: string, env: Readonly<Record<string, string | undefined>>, home: string) {
  return [
    { scope: "user", file: userSettingsPath(env, home) },
    { scope: "project", file: path.join(project, ".claude", "settings.json") },
    { scope: "local", file: path.join(project, ".claude", "settings.local.json") },
  ] as const satisfies ReadonlyArray<{ scope: SettingsScope; file: string }>;
}
