import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createCommandPolicy, loadWardenConfig, resolveWardenDir, SessionStore } from "@warden/core";
import type { CliIo } from "../cli-io.js";
import { defineCommand, type CommandArgs } from "../define-command.js";
import { formatBytes } from "../format.js";
import { checkWiring, HOOK_FILES, isWardenHook, parseSettings, type Settings } from "../hook-wiring.js";
import { ownedPaths } from "../session-files.js";

const DOCTOR_OPTIONS = {
  project: { type: "string", value: "DIR", help: "the project to check (default: the cwd)" },
} as const;

export const DOCTOR = defineCommand({
  name: "doctor",
  summary: "checks that Warden is on: wiring, hook files, config, a self-test, where the data lives",
  details: `checks the wiring in the project and user settings, the hook files, the config,
runs a self-test (rm -rf ~ must be denied, ls allowed) and reports where the data lives`,
  options: DOCTOR_OPTIONS,
  answersNo: "a check failed: Warden is not fully on",
  run: (args, io) => runDoctor(args, io),
});

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** Everything a user needs to know to trust that Warden is on, in one command. */
export function runDoctor({ values }: CommandArgs<typeof DOCTOR_OPTIONS>, io: CliIo): number {
  const project = path.resolve(io.cwd, values.project ?? ".");
  const home = io.env.HOME || os.homedir();
  const userSettings = path.join(io.env.CLAUDE_CONFIG_DIR || path.join(home, ".claude"), "settings.json");
  const settings = [readSettings(path.join(project, ".claude", "settings.json")), readSettings(userSettings)] as const;
  const checks: Check[] = [
    wiringCheck("project wiring", settings[0], project, io.hooksDir),
    wiringCheck("user wiring", settings[1], project, io.hooksDir),
    ...HOOK_FILES.map((hook) => hookFileCheck(hook, io.hooksDir, io.env)),
    configCheck(project, home),
    ...selfTest(project, settings, io.env),
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

/** A settings file read once for every check: its parsed content, or why there is none. */
interface SettingsFile {
  readonly file: string;
  readonly settings?: Settings;
  readonly problem?: string;
}

function readSettings(file: string): SettingsFile {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return { file, problem: `${file} does not exist` };
  }
  try {
    return { file, settings: parseSettings(text, file) };
  } catch (error) {
    return { file, problem: error instanceof Error ? error.message : String(error) };
  }
}

function wiringCheck(name: string, { file, settings, problem }: SettingsFile, project: string, hooksDir: string): Check {
  if (settings == null) return { name, ok: false, detail: problem ?? `${file} could not be read` };
  const ownRepo = path.resolve(project, "hooks") === path.resolve(hooksDir) && file.startsWith(project);
  const problems = checkWiring(settings, ownRepo ? "${CLAUDE_PROJECT_DIR}/hooks" : hooksDir);
  return problems.length === 0
    ? { name, ok: true, detail: `${file} is wired and current` }
    : { name, ok: false, detail: `${file}: ${problems.join("; ")}` };
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

/** The command Claude Code runs for PreToolUse in this project: the first wiring that has Warden's guard. */
function wiredGuardCommand(files: readonly SettingsFile[]): { readonly command: string; readonly args: readonly string[] } | undefined {
  for (const { settings } of files) {
    const hook = (settings?.hooks?.PreToolUse ?? []).flatMap((group) => group.hooks).find((h) => isWardenHook(h));
    if (hook?.command != null) return { command: hook.command, args: hook.args ?? [] };
  }
  return undefined;
}

/**
 * Asks the guard exactly as a session would: the wired command, in the project, against its real
 * data directory, about a destructive and a harmless command; then checks the deny was recorded.
 * The self-test's own session is removed afterwards.
 */
function selfTest(project: string, settingsFiles: readonly SettingsFile[], env: CliIo["env"]): Check[] {
  const wired = wiredGuardCommand(settingsFiles);
  if (wired == null)
    return [{ name: "self-test", ok: false, detail: "no PreToolUse hook of Warden's is wired: nothing guards this project" }];
  const sessionId = `warden-doctor-${process.pid}-${Date.now()}`;
  const hookEnv = { ...env, CLAUDE_PROJECT_DIR: project };
  const expand = (part: string) => part.replaceAll("${CLAUDE_PROJECT_DIR}", project);
  const ask = (command: string, toolUseId: string) => {
    const payload = {
      session_id: sessionId,
      transcript_path: path.join(project, ".warden-doctor-transcript.jsonl"),
      cwd: project,
      permission_mode: "default",
      hook_event_name: "PreToolUse",
      tool_name: "Bash",
      tool_input: { command },
      tool_use_id: toolUseId,
    };
    const [program, args] = wired.args.length > 0 ? [expand(wired.command), wired.args.map(expand)] : ["sh", ["-c", expand(wired.command)]];
    const run = spawnSync(program, args, { input: JSON.stringify(payload), encoding: "utf8", cwd: project, env: hookEnv, timeout: 10_000 });
    if (run.stdout.includes('"permissionDecision":"deny"')) return "denied";
    return run.status === 0 && run.stdout === ""
      ? "allowed"
      : `failed (exit ${run.status ?? run.signal}: ${(run.stdout + run.stderr).slice(0, 200)})`;
  };
  const rm = ask("rm -rf ~", "toolu_doctor_rm");
  const ls = ask("ls -la", "toolu_doctor_ls");
  const store = new SessionStore(resolveWardenDir({ env: hookEnv, cwd: project }));
  const recorded = recordedDeny(store, sessionId);
  removeSelfTestSession(store, sessionId);
  return [
    { name: "self-test rm -rf ~", ok: rm === "denied", detail: rm },
    { name: "self-test ls -la", ok: ls === "allowed", detail: ls },
    {
      name: "self-test recording",
      ok: recorded,
      detail: recorded
        ? `the deny was recorded in ${store.paths.sessionsDir}`
        : `the deny was NOT recorded: see ${store.paths.errorsLog} (decisions still apply)`,
    },
  ];
}

function recordedDeny(store: SessionStore, sessionId: string): boolean {
  try {
    return store.readSession(sessionId).records.some((r) => r.type === "event" && r.verdict === "blocked");
  } catch {
    return false;
  }
}

function removeSelfTestSession(store: SessionStore, sessionId: string): void {
  for (const file of ownedPaths(store, sessionId)) fs.rmSync(file, { recursive: true, force: true });
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
