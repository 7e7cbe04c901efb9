import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isCode, writeFileAtomic } from "@warden/core";
import { CliFailure, CliUsageError, type CliIo } from "../cli-io.js";
import { defineCommand } from "../define-command.js";
import { EXIT } from "../exit-status.js";
import { toJson } from "../format.js";
import {
  applyWiring,
  checkWiring,
  formatSettings,
  parseSettings,
  removeWiring,
  wiredHooksDir,
  wiringModeOf,
  type Settings,
  type WiringMode,
} from "../hook-wiring.js";
import { homeOf, isDirectory } from "../data-dir.js";
import { enabledWardenPlugin } from "../plugin-state.js";
import { userSettingsPath } from "../settings-paths.js";
import { applyStatusLine, removeStatusLine, statusLineOf, type StatusLineOutcome } from "../status-line-wiring.js";

/** What `install --json` prints: the file, what was done to it, and (for --check) what is wrong. */
interface InstallResult {
  readonly file: string;
  readonly mode: WiringMode;
  readonly action: "wired" | "removed" | "unchanged" | "checked";
  /** Whether the file holds Warden's current wiring now. */
  readonly wired: boolean;
  readonly hooks_dir: string;
  readonly problems: readonly string[];
  /** With --statusline: what was done about the status line. */
  readonly status_line?: StatusLineOutcome | "removed";
}

/** Wires, unwires or checks Warden's hooks in one settings file. */
export const INSTALL = defineCommand({
  name: "install",
  synopsis: "(--project DIR | --user) [--server] [--statusline] [--uninstall | --check]",
  summary: "wires Warden's hooks into a Claude Code settings file (or removes or checks them)",
  details: `other hooks and settings in the file are left as they are; running it twice changes nothing;
--statusline also sets Claude Code's status line to \`warden statusline\`, unless the file has a status line
already (that one is kept, and the command says so); --uninstall removes Warden's status line too`,
  options: {
    project: { type: "string", value: "DIR", help: "wire DIR/.claude/settings.json; DIR must exist" },
    user: { type: "boolean", help: "wire ~/.claude/settings.json ($CLAUDE_CONFIG_DIR/settings.json if set)" },
    uninstall: { type: "boolean", help: "remove Warden's entries, nothing else" },
    check: { type: "boolean", help: "change nothing; exit 1 if the wiring is missing or stale" },
    statusline: { type: "boolean", help: "also show `warden statusline` as Claude Code's status line (never replaces one already set)" },
    server: {
      type: "boolean",
      help: "resident mode: hooks are served by one resident server (started by SessionStart), each falling back to its own process when the server cannot answer",
    },
  },
  answersNo: "--check: the wiring is missing or stale",
  run: ({ values }, io) => {
    if ((values.project == null) === !values.user) throw new CliUsageError("give exactly one of --project DIR or --user");
    if (values.uninstall && values.check) throw new CliUsageError("--uninstall and --check cannot be combined");
    if (values.statusline && (values.uninstall || values.check))
      throw new CliUsageError(
        "--statusline cannot be combined with --uninstall or --check (--uninstall removes Warden's status line anyway)",
      );
    const file = values.project != null ? projectSettingsPath(values.project, io) : userSettingsPath(io.env, homeOf(io));
    const hooksDir = wiredHooksDir(file, io.hooksDir);
    if (values.server && values.uninstall)
      throw new CliUsageError("--server and --uninstall cannot be combined (--uninstall removes either wiring)");
    if (values.server && !values.check) requireBash(io);
    const settings = parseSettings(readIfExists(file) ?? "", file);
    // --check judges the wiring in the mode the file is in, unless --server asks about resident mode.
    const mode: WiringMode = values.server ? "resident" : values.check ? wiringModeOf(settings) : "command";
    const print = (result: InstallResult, text: string) => io.out(values.json ? toJson(result) : text);

    if (values.check) {
      const problems = checkWiring(settings, hooksDir, mode);
      const result: InstallResult = { file, mode, action: "checked", wired: problems.length === 0, hooks_dir: hooksDir, problems };
      if (result.wired) print(result, `${file}: Warden's hooks are wired and current`);
      else print(result, `${file}: Warden's wiring needs \`warden install\`:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
      return result.wired ? EXIT.yes : EXIT.no;
    }
    const hooksWired = values.uninstall ? removeWiring(settings) : applyWiring(settings, hooksDir, mode);
    const { next, statusLine } = withStatusLine(hooksWired, values, hooksDir);
    const wired = checkWiring(next, hooksDir, mode).length === 0;
    if (statusLine === "kept_other")
      io.err(
        `warden install: ${file} already has a status line (${statusLineOf(next) ?? "not a command"}); it was left as it is. Warden's would be: "statusLine": ${JSON.stringify(applyStatusLine({}, hooksDir).settings.statusLine)}`,
      );
    if (next === settings) {
      const result: InstallResult = {
        file,
        mode,
        action: "unchanged",
        wired,
        hooks_dir: hooksDir,
        problems: [],
        ...statusLineField(statusLine),
      };
      print(result, `${file}: ${values.uninstall ? "no Warden entries to remove" : "already wired"}; unchanged`);
      return EXIT.yes;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, formatSettings(next));
    const plugin = values.uninstall ? undefined : enabledWardenPlugin(path.dirname(path.dirname(file)), io.env, homeOf(io));
    if (plugin != null)
      io.err(
        `warden install: warning: the Warden plugin ${plugin.id} is also enabled (${plugin.file}); Claude Code runs a plugin's hooks and these both, so every call is guarded and recorded twice: keep one (\`claude plugin disable ${plugin.id}\`, or \`warden install ${values.user ? "--user" : `--project ${values.project ?? ""}`} --uninstall\`)`,
      );
    const result: InstallResult = {
      file,
      mode,
      action: values.uninstall ? "removed" : "wired",
      wired,
      hooks_dir: hooksDir,
      problems: [],
      ...statusLineField(statusLine),
    };
    const statusNote = statusLine === "added" ? ", with its status line" : statusLine === "removed" ? " (and its status line)" : "";
    print(
      result,
      `${file}: ${values.uninstall ? `Warden's hooks removed${statusNote}` : `Warden's hooks wired to ${hooksDir}${values.server ? RESIDENT_NOTE : ""}${statusNote}`}`,
    );
    return EXIT.yes;
  },
});

/** The status line's part of an install: added or kept with --statusline, removed by --uninstall when it was Warden's. */
function withStatusLine(
  settings: Settings,
  values: { readonly statusline?: boolean; readonly uninstall?: boolean },
  hooksDir: string,
): { next: Settings; statusLine: StatusLineOutcome | "removed" | undefined } {
  if (values.uninstall) {
    const next = removeStatusLine(settings);
    return { next, statusLine: next === settings ? undefined : "removed" };
  }
  if (!values.statusline) return { next: settings, statusLine: undefined };
  const applied = applyStatusLine(settings, hooksDir);
  return { next: applied.settings, statusLine: applied.outcome };
}

const statusLineField = (outcome: StatusLineOutcome | "removed" | undefined) => (outcome == null ? {} : { status_line: outcome });

const RESIDENT_NOTE = " in resident mode (the server starts with the next session, or now with `warden server start`)";

/** Resident mode's hook client is a bash script: without bash, Claude Code could not run the guard at all. */
function requireBash(io: CliIo): void {
  const run = spawnSync("bash", ["-c", "exit 0"], { env: { ...io.env }, stdio: "ignore", timeout: 5_000 });
  if (run.error != null || run.status !== 0)
    throw new CliFailure(
      `--server needs bash on the PATH (its hook client is hooks/resident-hook.bash), and ${run.error != null ? `bash could not be run (${run.error.message})` : `bash exited ${run.status}`}; nothing was written: install without --server`,
    );
}

/** DIR/.claude/settings.json; a DIR that does not exist is a typo, never a project to create. */
function projectSettingsPath(project: string, io: CliIo): string {
  const dir = path.resolve(io.cwd, project);
  if (!isDirectory(dir))
    throw new CliFailure(
      `--project ${project}: ${dir} is not an existing directory; nothing was written (give the project's folder, e.g. --project .)`,
    );
  return path.join(dir, ".claude", "settings.json");
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    if (isCode(error, "ENOENT")) return undefined;
    throw error;
  }
}
