import fs from "node:fs";
import path from "node:path";
import * as z from "zod/mini";

/**
 * Whether Claude Code runs Warden as a plugin for a project: the `enabledPlugins` entries of the
 * user, project and local settings, the most specific scope that names a `warden@…` plugin
 * deciding, as Claude Code merges them.
 */

export type PluginScope = "user" | "project" | "local";

export interface WardenPlugin {
  /** The plugin id, e.g. `warden@warden`. */
  readonly id: string;
  readonly scope: PluginScope;
  /** The settings file whose entry decides. */
  readonly file: string;
}

// Only the key read here; anything else in a settings file is none of this module's business.
const enabledPluginsSchema = z.looseObject({ enabledPlugins: z.optional(z.record(z.string(), z.unknown())) });

const isWardenId = (id: string): boolean => id === "warden" || id.startsWith("warden@");

/** The settings files Claude Code reads for a project, least specific first. */
export function settingsFiles(project: string, env: Readonly<Record<string, string | undefined>>, home: string) {
  return [
    { scope: "user", file: path.join(env.CLAUDE_CONFIG_DIR || path.join(home, ".claude"), "settings.json") },
    { scope: "project", file: path.join(project, ".claude", "settings.json") },
    { scope: "local", file: path.join(project, ".claude", "settings.local.json") },
  ] as const satisfies ReadonlyArray<{ scope: PluginScope; file: string }>;
}

/** The enabled Warden plugin for the project, or undefined when none is (a missing or unreadable file counts as no entry). */
export function enabledWardenPlugin(
  project: string,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): WardenPlugin | undefined {
  let decided: { plugin: WardenPlugin; enabled: boolean } | undefined;
  for (const { scope, file } of settingsFiles(project, env, home)) {
    for (const [id, value] of Object.entries(readEnabledPlugins(file))) {
      if (isWardenId(id)) decided = { plugin: { id, scope, file }, enabled: value !== false && value != null };
    }
  }
  return decided?.enabled ? decided.plugin : undefined;
}

function readEnabledPlugins(file: string): Record<string, unknown> {
  try {
    const parsed = enabledPluginsSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    return parsed.success ? (parsed.data.enabledPlugins ?? {}) : {};
  } catch {
    return {};
  }
}
