import * as z from "zod/mini";
import type { Settings } from "./hook-wiring.js";

/**
 * Warden's status line in a Claude Code settings file (`"statusLine": {"type": "command", "command":
 * ...}`): Claude Code runs the command through a shell, so the command is one quoted string.
 */

const statusLineSchema = z.looseObject({ type: z.optional(z.string()), command: z.optional(z.string()) });

const OURS = /(^|[\\/])hooks[\\/]warden\.mjs["']?\s+statusline(\s|$)/;

/** What `applyStatusLine` did: added Warden's, found it current, or left another status line alone. */
export type StatusLineOutcome = "added" | "current" | "kept_other";

/** `node '<hooksDir>/warden.mjs' statusline`; `${CLAUDE_PROJECT_DIR}` stays for the shell to expand. */
export function statusLineCommand(hooksDir: string): string {
  const script = `${hooksDir}/warden.mjs`;
  const quoted = script.startsWith("${CLAUDE_PROJECT_DIR}") ? `"${script}"` : `'${script.replaceAll("'", `'"'"'`)}'`;
  return `node ${quoted} statusline`;
}

/** The settings' status line command; undefined when there is none (or it is not a command). */
export function statusLineOf(settings: Settings): string | undefined {
  const parsed = statusLineSchema.safeParse(settings.statusLine);
  return parsed.success ? parsed.data.command : undefined;
}

export function isWardenStatusLine(settings: Settings): boolean {
  return OURS.test(statusLineOf(settings) ?? "");
}

/** Settings with Warden's status line, unless the user has a status line of their own: that one is kept. */
export function applyStatusLine(settings: Settings, hooksDir: string): { settings: Settings; outcome: StatusLineOutcome } {
  const wanted = { type: "command", command: statusLineCommand(hooksDir) };
  if (settings.statusLine != null && !isWardenStatusLine(settings)) return { settings, outcome: "kept_other" };
  if (JSON.stringify(settings.statusLine) === JSON.stringify(wanted)) return { settings, outcome: "current" };
  return { settings: { ...settings, statusLine: wanted }, outcome: "added" };
}

/** Settings without Warden's status line; anyone else's is left. */
export function removeStatusLine(settings: Settings): Settings {
  if (!isWardenStatusLine(settings)) return settings;
  const { statusLine: _dropped, ...rest } = settings;
  return rest;
}
