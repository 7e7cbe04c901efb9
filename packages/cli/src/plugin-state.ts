import fs from "node:fs";
import * as z from "zod/mini";
import { settingsFiles, type SettingsScope } from "./settings-paths.js";

/**
 * Whether Claude Code runs Warden as a plugin for a project: the `enabledPlugins` entries of the
 * user, project and local settings, the most specific scope that names a `warden@…` plugin
 * deciding, as Claude Code merges them.
 */

export interface WardenPlugin {
  /** The plugin id, e.g. `warden@warden`. */
  readonly id: string;
  readonly scope: SettingsScope;
  /** The settings file whose entry decides. */
  readonly file: string;
}

// Only the key read here; anything else in a settings file is none of this module's business.
const enabledPluginsSchema = z.looseObject({ enabledPlugins: z.optional(z.record(z.string(), z.unknown())) });

const isWardenId = (id: string): boolean => id === "warden" || id.startsWith("warden@");

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
