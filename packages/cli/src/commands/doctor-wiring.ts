import fs from "node:fs";
import path from "node:path";
import { checkWiring, isWardenHook, parseSettings, type Settings } from "../hook-wiring.js";
import type { DoctorCheck } from "./doctor-check.js";
import { installCommand } from "./doctor-check.js";

/**
 * Doctor's view of the wiring: Warden's hooks belong in the project's or the user's Claude Code
 * settings, in exactly one of them. Each file is read once and shared with the self-test.
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

function wiringState({ file, settings, problem }: SettingsFile, project: string, hooksDir: string): WiringState {
  if (settings == null) return { kind: "unreadable", why: problem ?? `${file} could not be read` };
  const hasWarden = Object.values(settings.hooks ?? {}).some((groups) => groups.some((g) => g.hooks.some(isWardenHook)));
  if (!hasWarden) return { kind: "absent" };
  // Warden's own repository wires its hooks through ${CLAUDE_PROJECT_DIR}, as `warden install` does there.
  const ownRepo = path.resolve(project, "hooks") === path.resolve(hooksDir) && file.startsWith(project);
  const problems = checkWiring(settings, ownRepo ? "${CLAUDE_PROJECT_DIR}/hooks" : hooksDir);
  return problems.length === 0 ? { kind: "current" } : { kind: "partial", problems };
}

/** One row per settings file, then one for the pair when neither or both wire Warden. */
export function wiringChecks(files: readonly [SettingsFile, SettingsFile], project: string, hooksDir: string): DoctorCheck[] {
  const states = files.map((f) => wiringState(f, project, hooksDir));
  const rows = files.map((f, i) => fileRow(f, states[i] ?? { kind: "absent" }, project));
  const [projectFile, userFile] = files;
  const wired = states.filter((s) => s.kind === "current" || s.kind === "partial").length;
  if (wired === 0 && states.every((s) => s.kind === "absent")) {
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
  const plugin = pluginWiringCheck(files);
  if (plugin != null) rows.push(plugin);
  return rows;
}

/**
 * Reserved for Warden installed as a Claude Code plugin: a plugin's hooks run in addition to those
 * of the settings files, so a plugin install that is also wired in settings runs every hook twice.
 * When the plugin lands, this returns a failing check naming the settings file(s) that still wire
 * Warden, with `warden install --project DIR --uninstall` / `--user --uninstall` as the fix.
 */
function pluginWiringCheck(_files: readonly SettingsFile[]): DoctorCheck | undefined {
  return undefined;
}

function fileRow(f: SettingsFile, state: WiringState, project: string): DoctorCheck {
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
      return { name, ok: true, detail: `${f.file} does not wire Warden (one settings file is enough)` };
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
