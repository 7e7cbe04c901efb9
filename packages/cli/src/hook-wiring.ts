import path from "node:path";
import * as z from "zod/mini";
import { describeIssues } from "@warden/core";

/**
 * Warden's entries in a Claude Code settings file: which events run which built hook, and how to
 * add, remove and verify them without touching anything else in the file.
 */

export const HOOK_FILES = ["session-start", "post-tool-guard", "session-end"] as const;
export type HookFile = (typeof HOOK_FILES)[number];

/** Each event Warden records, the hook file that serves it, and its timeout in seconds. */
export const WIRED_EVENTS: ReadonlyArray<{ event: string; hook: HookFile; timeout: number; matcher?: string }> = [
  { event: "SessionStart", hook: "session-start", timeout: 10 },
  { event: "PreCompact", hook: "session-start", timeout: 10 },
  { event: "UserPromptSubmit", hook: "post-tool-guard", timeout: 10 },
  { event: "PreToolUse", hook: "post-tool-guard", timeout: 10, matcher: "*" },
  { event: "PostToolUse", hook: "post-tool-guard", timeout: 10, matcher: "*" },
  { event: "PostToolUseFailure", hook: "post-tool-guard", timeout: 10, matcher: "*" },
  { event: "Stop", hook: "session-end", timeout: 10 },
  { event: "SubagentStop", hook: "session-end", timeout: 10 },
  // Claude Code raises the shared 1.5 s SessionEnd budget to the largest SessionEnd timeout set.
  { event: "SessionEnd", hook: "session-end", timeout: 10 },
];

const OURS = /(^|[\\/])hooks[\\/](session-start\.mjs|post-tool-guard\.mjs|session-end\.mjs|resident-hook\.bash)$/;

/**
 * How the hooks are wired. "command": each event runs its hook in a new Node process. "resident"
 * (`install --server`): SessionStart (and PreCompact) still do, and start the resident server;
 * every other event runs the small hook client hooks/resident-hook.bash, which hands the call to
 * the server and runs the Node hook itself whenever the server cannot take it.
 */
export type WiringMode = "command" | "resident";

/** The resident client waits up to 2 + 25 + 10 s for a server that stalls, then runs the hook: room for both. */
const RESIDENT_TIMEOUT_S = 60;

const hookCommandSchema = z.looseObject({
  type: z.optional(z.string()),
  command: z.optional(z.string()),
  args: z.optional(z.array(z.string())),
});
const matcherGroupSchema = z.looseObject({ matcher: z.optional(z.string()), hooks: z.array(hookCommandSchema) });
export const settingsSchema = z.looseObject({ hooks: z.optional(z.record(z.string(), z.array(matcherGroupSchema))) });
export type Settings = z.infer<typeof settingsSchema>;
type MatcherGroup = z.infer<typeof matcherGroupSchema>;
type HookCommand = z.infer<typeof hookCommandSchema>;

export class SettingsFileError extends Error {
  override readonly name = "SettingsFileError";
}

/** Parses a settings file's text; refuses (never guesses about) anything unparseable. */
export function parseSettings(text: string, file: string): Settings {
  if (text.trim() === "") return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new SettingsFileError(
      `${file} is not valid JSON, so it was left untouched: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  const parsed = settingsSchema.safeParse(json);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues);
    throw new SettingsFileError(`${file} does not have the shape of Claude Code settings (${issues}), so it was left untouched`);
  }
  return parsed.data;
}

/**
 * The hooks folder as a settings file names it: Warden's own repository refers to its hooks
 * through ${CLAUDE_PROJECT_DIR}, so its settings file can be committed; any other file, by path.
 */
export function wiredHooksDir(settingsFile: string, hooksDir: string): string {
  const project = path.dirname(path.dirname(settingsFile));
  return path.resolve(project, "hooks") === path.resolve(hooksDir) ? "${CLAUDE_PROJECT_DIR}/hooks" : hooksDir;
}

/** The matcher groups Warden adds, one per event, in exec form (no shell, no quoting issues). */
export function wardenWiring(hooksDir: string, mode: WiringMode = "command"): Record<string, MatcherGroup> {
  const wiring: Record<string, MatcherGroup> = {};
  for (const { event, hook, timeout, matcher } of WIRED_EVENTS) {
    const command: HookCommand =
      mode === "command"
        ? { type: "command", command: "node", args: [`${hooksDir}/${hook}.mjs`], timeout }
        : hook === "session-start"
          ? { type: "command", command: "node", args: [`${hooksDir}/${hook}.mjs`, "--server"], timeout }
          : { type: "command", command: "bash", args: [`${hooksDir}/resident-hook.bash`, hook], timeout: RESIDENT_TIMEOUT_S };
    wiring[event] = matcher == null ? { hooks: [command] } : { matcher, hooks: [command] };
  }
  return wiring;
}

/** The mode of the Warden wiring a settings file holds ("command" when it holds none). */
export function wiringModeOf(settings: Settings): WiringMode {
  const resident = Object.values(settings.hooks ?? {}).some((groups) =>
    groups.some((g) => g.hooks.some((h) => isWardenHook(h) && (h.args ?? []).some((a) => a.endsWith("resident-hook.bash")))),
  );
  return resident ? "resident" : "command";
}

export function isWardenHook(command: HookCommand): boolean {
  return [command.command ?? "", ...(command.args ?? [])].some((part) => OURS.test(part.trim().replace(/^["']|["']$/g, "")));
}

/** Settings without any Warden entry; groups and events that held only Warden's entries go too. */
export function removeWiring(settings: Settings): Settings {
  if (settings.hooks == null) return settings;
  const hooks: Record<string, MatcherGroup[]> = {};
  for (const [event, groups] of Object.entries(settings.hooks)) {
    const kept = groups.flatMap((group) => {
      if (!group.hooks.some(isWardenHook)) return [group];
      const others = group.hooks.filter((h) => !isWardenHook(h));
      return others.length > 0 ? [{ ...group, hooks: others }] : [];
    });
    if (kept.length > 0) hooks[event] = kept;
  }
  const { hooks: _dropped, ...rest } = settings;
  return Object.keys(hooks).length > 0 ? { ...rest, hooks } : rest;
}

/** Settings with exactly Warden's current entries; other hooks and settings are left as they were. */
export function applyWiring(settings: Settings, hooksDir: string, mode: WiringMode = "command"): Settings {
  if (checkWiring(settings, hooksDir, mode).length === 0) return settings;
  const cleared = removeWiring(settings);
  const hooks: Record<string, MatcherGroup[]> = { ...cleared.hooks };
  for (const [event, group] of Object.entries(wardenWiring(hooksDir, mode))) hooks[event] = [...(hooks[event] ?? []), group];
  return { ...cleared, hooks };
}

/** What is missing or out of date in the settings' Warden wiring; empty when it is current. */
export function checkWiring(settings: Settings, hooksDir: string, mode: WiringMode = "command"): string[] {
  const problems: string[] = [];
  const wanted = wardenWiring(hooksDir, mode);
  for (const [event, group] of Object.entries(wanted)) {
    const ours = (settings.hooks?.[event] ?? []).flatMap((g) => g.hooks.filter(isWardenHook).map((h) => ({ group: g, hook: h })));
    if (ours.length === 0) problems.push(`${event}: not wired`);
    else if (ours.length > 1) problems.push(`${event}: wired ${ours.length} times`);
    else if (JSON.stringify(ours[0]?.group) !== JSON.stringify(group))
      problems.push(`${event}: stale entry (expected ${JSON.stringify(group)})`);
  }
  for (const event of Object.keys(settings.hooks ?? {})) {
    if (!(event in wanted) && settings.hooks?.[event]?.some((g) => g.hooks.some(isWardenHook)))
      problems.push(`${event}: Warden entry for an event it no longer serves`);
  }
  return problems;
}

export function formatSettings(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}
