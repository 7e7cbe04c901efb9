import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { isCode, writeFileAtomic } from "@warden/core";
import { CliUsageError, type CliIo } from "../cli-io.js";
import { applyWiring, checkWiring, formatSettings, parseSettings, removeWiring } from "../hook-wiring.js";

export const INSTALL_USAGE = `usage: warden install (--project DIR | --user) [--uninstall | --check]
  --project DIR  wire DIR/.claude/settings.json
  --user         wire ~/.claude/settings.json ($CLAUDE_CONFIG_DIR if set)
  --uninstall    remove Warden's entries, nothing else
  --check        exit 1 if the wiring is missing or stale; changes nothing`;

/** Wires, unwires or checks Warden's hooks in one settings file. */
export function runInstall(argv: string[], io: CliIo): number {
  const { values } = parseArgs({
    args: argv,
    options: { project: { type: "string" }, user: { type: "boolean" }, uninstall: { type: "boolean" }, check: { type: "boolean" } },
    strict: true,
  });
  if ((values.project == null) === !values.user) throw new CliUsageError(`give exactly one of --project DIR or --user\n${INSTALL_USAGE}`);
  if (values.uninstall && values.check) throw new CliUsageError(`--uninstall and --check cannot be combined\n${INSTALL_USAGE}`);
  const file =
    values.project != null ? path.join(path.resolve(io.cwd, values.project), ".claude", "settings.json") : userSettingsPath(io.env);
  const hooksDir = hooksDirFor(file, io.hooksDir);
  const text = readIfExists(file);
  const settings = parseSettings(text ?? "", file);

  if (values.check) {
    const problems = checkWiring(settings, hooksDir);
    if (problems.length === 0) {
      io.out(`${file}: Warden's hooks are wired and current`);
      return 0;
    }
    io.out(`${file}: Warden's wiring needs \`warden install\`:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    return 1;
  }
  const next = values.uninstall ? removeWiring(settings) : applyWiring(settings, hooksDir);
  if (next === settings) {
    io.out(`${file}: ${values.uninstall ? "no Warden entries to remove" : "already wired"}; unchanged`);
    return 0;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, formatSettings(next));
  io.out(`${file}: ${values.uninstall ? "Warden's hooks removed" : `Warden's hooks wired to ${hooksDir}`}`);
  return 0;
}

function userSettingsPath(env: Readonly<Record<string, string | undefined>>): string {
  const configDir = env.CLAUDE_CONFIG_DIR || path.join(env.HOME || os.homedir(), ".claude");
  return path.join(configDir, "settings.json");
}

/** Warden's own repository refers to its hooks through ${CLAUDE_PROJECT_DIR}, so the file can be committed. */
function hooksDirFor(settingsFile: string, hooksDir: string): string {
  const project = path.dirname(path.dirname(settingsFile));
  return path.resolve(project, "hooks") === path.resolve(hooksDir) ? "${CLAUDE_PROJECT_DIR}/hooks" : hooksDir;
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    if (isCode(error, "ENOENT")) return undefined;
    throw error;
  }
}
