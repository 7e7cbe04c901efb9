import fs from "node:fs";
import { checkWiring, isWardenHook, parseSettings, wiredHooksDir, wiringModeOf, type Settings } from "../hook-wiring.js";
import type { WardenPlugin } from "../plugin-state.js";
import type { DoctorCheck } from "./doctor-check.js";
import { installCommand } from "./doctor-check.js";

/**
 * Doctor's view of the wiring: Warden's hooks come from the Warden plugin or from the project's or
 * the user's Claude Code settings, from exactly one of them. Each file is read once and shared
 * with the self-test.
 */

/** A settings file read once for every check: its parsed content, or why there is none. */
export interface SettingsFile {
  readonly scope: "project" | "user";
  readonly file: string;
  readonly settings?: Settings;
  /** Set when the file exists but cannot be used: not JSON, or not shaped like settings. */
  readonly problem?: string;
}

export function readSettings(scope: SettingsFile["scope"], file: string): SettingsFile {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return { scope, file, settings: {} };
  }
  try {
    return { scope, file, settings: parseSettings(text, file) };
  } catch (error) {
    return { scope, file, problem: error instanceof Error ? error.message : String(error) };
  }
}

type WiringState =
  | { readonly kind: "unreadable"; readonly why: string }
  | { readonly kind: "absent" | "current" }
  | { readonly kind: "partial"; readonly problems: readonly string[] };

function wiringState({ file, settings, problem }: SettingsFile, hooksDir: string): WiringState {
  if (settings == null) return { kind: "unreadable", why: problem ?? `${file} could not be read` };
  const hasWarden = Object.values(settings.hooks ?? {}).some((groups) => groups.some((g) => g.hooks.some(isWardenHook)));
  if (!hasWarden) return { kind: "absent" };
  // Checked against what `warden install` writes into this very file.
  const problems = checkWiring(settings, wiredHooksDir(file, hooksDir), wiringModeOf(settings));
  return problems.length === 0 ? { kind: "current" } : { kind: "partial", problems };
}

/** One row per settings file, one for the plugin when it is on, then one when nothing or more than one wires Warden. */
export function wiringChecks(
  files: readonly [SettingsFile, SettingsFile],
  project: string,
  hooksDir: string,
  plugin: WardenPlugin | undefined,
): DoctorCheck[] {
  const states = files.map((f) => wiringState(f, hooksDir));
  const rows = files.map((f, i) => fileRow(f, states[i] ?? { kind: "absent" }, project, plugin != null));
  const [projectFile, userFile] = files;
  const wired = states.filter((s) => s.kind === "current" || s.kind === "partial").length;
  if (plugin != null)
    rows.push({
      name: "plugin",
      ok: true,
      detail: `the Warden plugin ${plugin.id} is enabled in ${plugin.file} (${plugin.scope} settings): Claude Code runs its hooks in every session here`,
    });
  if (plugin == null && wired === 0 && states.every((s) => s.kind === "absent")) {
    rows.push({
      name: "wiring",
      ok: false,
      detail: `Warden's hooks are wired in neither ${projectFile.file} nor ${userFile.file}: nothing records or guards this project (wire this project, or every project with \`${installCommand("user", project)}\`)`,
      fix: installCommand("project", project),
    });
  }
  if (wired === 2) {
    rows.push({
      name: "wiring",
      ok: false,
      detail: `Warden's hooks are wired in both ${projectFile.file} and ${userFile.file}; one is enough. Two wirings can run every hook twice (Claude Code merges only entries that are exactly alike), so a tool call is guarded and recorded twice, and uninstalling from one file leaves Warden on through the other. Remove the user's wiring (below) to keep this project's, or run \`${installCommand("project", project, "--uninstall")}\` to keep the user's`,
      fix: installCommand("user", project, "--uninstall"),
    });
  }
  const both =
    plugin == null
      ? undefined
      : pluginAndSettingsCheck(
          plugin,
          files.filter((_, i) => isWired(states[i])),
          project,
        );
  if (both != null) rows.push(both);
  return rows;
}

const isWired = (state: WiringState | undefined): boolean => state?.kind === "current" || state?.kind === "partial";

/**
 * Claude Code runs a plugin's hooks and the same hooks from a settings file both, concurrently
 * (it merges identical entries only between settings files): every call guarded and recorded twice.
 */
function pluginAndSettingsCheck(plugin: WardenPlugin, wiredFiles: readonly SettingsFile[], project: string): DoctorCheck | undefined {
  const [first, ...others] = wiredFiles;
  if (first == null) return undefined;
  return {
    name: "plugin and settings",
    ok: false,
    detail: `the Warden plugin ${plugin.id} is on and ${wiredFiles.map((f) => f.file).join(" and ")} also wire${wiredFiles.length === 1 ? "s" : ""} Warden's hooks: Claude Code then runs every hook twice, concurrently, so each tool call is guarded and recorded twice. Keep the plugin and remove the settings wiring${others.length > 0 ? ` (also \`${others.map((f) => installCommand(f.scope, project, "--uninstall")).join("`, `")}\`)` : ""}`,
    fix: installCommand(first.scope, project, "--uninstall"),
  };
}

function fileRow(f: SettingsFile, state: WiringState, project: string, pluginOn: boolean): DoctorCheck {
  const name = `${f.scope} wiring`;
  switch (state.kind) {
    case "unreadable":
      return {
        name,
        ok: false,
        detail: `${state.why}; Claude Code cannot use the hooks in it either, and \`warden install\` will not edit it until it parses`,
        fix: `correct the JSON of ${f.file} by hand, then run \`warden doctor\` again`,
      };
    case "absent":
      return { name, ok: true, detail: `${f.file} does not wire Warden (${pluginOn ? "the plugin does" : "one settings file is enough"})` };
    case "current":
      return { name, ok: true, detail: `${f.file} is wired and current` };
    case "partial":
      return {
        name,
        ok: false,
        detail: `${f.file} wires Warden only in part or out of date (${state.problems.join("; ")}): those events are not handled as they should be; reinstalling rewrites Warden's entries and leaves the rest of the file alone`,
        fix: installCommand(f.scope, project),
      };
    default:
      return state satisfies never;
  }
}
