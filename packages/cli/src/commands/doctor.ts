import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createCommandPolicy, loadWardenConfig, resolveWardenDir } from "@warden/core";
import type { CliIo } from "../cli-io.js";
import { checkWiring, HOOK_FILES, parseSettings } from "../hook-wiring.js";

export const DOCTOR_USAGE = `usage: warden doctor [--project DIR] [--json]
  checks the wiring in the project and user settings, the hook files, the config,
  runs a self-test (rm -rf ~ must be denied, ls allowed) and reports where the data lives`;

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** Everything a user needs to know to trust that Warden is on, in one command. */
export function runDoctor(argv: string[], io: CliIo): number {
  const { values } = parseArgs({ args: argv, options: { project: { type: "string" }, json: { type: "boolean" } }, strict: true });
  const project = path.resolve(io.cwd, values.project ?? ".");
  const home = io.env.HOME || os.homedir();
  const userSettings = path.join(io.env.CLAUDE_CONFIG_DIR || path.join(home, ".claude"), "settings.json");
  const checks: Check[] = [
    wiringCheck("project wiring", path.join(project, ".claude", "settings.json"), project, io.hooksDir),
    wiringCheck("user wiring", userSettings, project, io.hooksDir),
    ...HOOK_FILES.map((hook) => hookFileCheck(hook, io.hooksDir, io.env)),
    configCheck(project, home),
    ...selfTest(io.hooksDir, io.env),
  ];
  const wiredSomewhere = checks.slice(0, 2).some((c) => c.ok);
  const required = checks.slice(2);
  const dataDir = resolveWardenDir({ env: io.env, cwd: project });
  const data = { dir: dataDir, bytes: directorySize(dataDir), sessions: countFiles(path.join(dataDir, "sessions")) };
  const healthy = wiredSomewhere && required.every((c) => c.ok);
  if (values.json) {
    io.out(JSON.stringify({ healthy, checks, data }, null, 2));
  } else {
    // Wiring in either the project or the user settings is enough: the other one is optional.
    const label = (c: Check, i: number) => (c.ok ? "ok  " : i < 2 && wiredSomewhere ? "--  " : "FAIL");
    checks.forEach((c, i) => io.out(`${label(c, i)}  ${c.name}: ${c.detail}`));
    io.out(`data  ${data.dir}: ${data.sessions} session file(s), ${formatBytes(data.bytes)}`);
    io.out(
      healthy ? "Warden is on." : "Warden is NOT fully on: see FAIL above (the wiring needs the project or the user settings, not both).",
    );
  }
  return healthy ? 0 : 1;
}

function wiringCheck(name: string, file: string, project: string, hooksDir: string): Check {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return { name, ok: false, detail: `${file} does not exist` };
  }
  try {
    const ownRepo = path.resolve(project, "hooks") === path.resolve(hooksDir) && file.startsWith(project);
    const problems = checkWiring(parseSettings(text, file), ownRepo ? "${CLAUDE_PROJECT_DIR}/hooks" : hooksDir);
    return problems.length === 0
      ? { name, ok: true, detail: `${file} is wired and current` }
      : { name, ok: false, detail: `${file}: ${problems.join("; ")}` };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

function hookFileCheck(hook: string, hooksDir: string, env: CliIo["env"]): Check {
  const file = path.join(hooksDir, `${hook}.mjs`);
  if (!fs.existsSync(file)) return { name: `hook ${hook}`, ok: false, detail: `${file} is missing: run pnpm build` };
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "warden-doctor-"));
  // Empty stdin: the hook must shrug it off (exit 0, silent) and log the problem in its data dir.
  const run = spawnSync(process.execPath, [file], { input: "", encoding: "utf8", env: { ...env, WARDEN_DIR: scratch } });
  fs.rmSync(scratch, { recursive: true, force: true });
  const ok = run.status === 0 && run.stdout === "";
  return {
    name: `hook ${hook}`,
    ok,
    detail: ok ? `${file} runs` : `${file} exited ${run.status} with ${JSON.stringify((run.stdout + run.stderr).slice(0, 200))}`,
  };
}

function configCheck(project: string, home: string): Check {
  const config = loadWardenConfig(project, home);
  const errors = [...config.errors];
  try {
    createCommandPolicy(config.commands);
  } catch (error) {
    errors.push(`commands: ${error instanceof Error ? error.message : String(error)}`);
  }
  return errors.length === 0
    ? { name: "config", ok: true, detail: "valid (or absent: defaults apply)" }
    : { name: "config", ok: false, detail: errors.join("; ") };
}

/** Asks the real guard hook about a destructive and a harmless command, in a throwaway project. */
function selfTest(hooksDir: string, env: CliIo["env"]): Check[] {
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), "warden-selftest-"));
  const ask = (command: string) => {
    const payload = {
      session_id: "warden-doctor-self-test",
      transcript_path: path.join(sandbox, "t.jsonl"),
      cwd: sandbox,
      hook_event_name: "PreToolUse",
      tool_name: "Bash",
      tool_input: { command },
      tool_use_id: `toolu_doctor_${command.length}`,
    };
    const run = spawnSync(process.execPath, [path.join(hooksDir, "post-tool-guard.mjs")], {
      input: JSON.stringify(payload),
      encoding: "utf8",
      env: { PATH: env.PATH ?? "", HOME: sandbox, CLAUDE_PROJECT_DIR: sandbox },
    });
    return run.stdout.includes('"permissionDecision":"deny"') ? "denied" : run.status === 0 ? "allowed" : `failed (${run.status})`;
  };
  const rm = ask("rm -rf ~");
  const ls = ask("ls -la");
  fs.rmSync(sandbox, { recursive: true, force: true });
  return [
    { name: "self-test rm -rf ~", ok: rm === "denied", detail: rm },
    { name: "self-test ls -la", ok: ls === "allowed", detail: ls },
  ];
}

function directorySize(dir: string): number {
  let total = 0;
  for (const entry of safeReaddir(dir)) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? directorySize(full) : safeSize(full);
  }
  return total;
}

function countFiles(dir: string): number {
  return safeReaddir(dir).filter((e) => e.isFile() && /\.jsonl(\.gz)?$/.test(e.name)).length;
}

function safeReaddir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function safeSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
