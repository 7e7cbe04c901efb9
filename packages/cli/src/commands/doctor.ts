import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  configPaths,
  createCommandPolicy,
  loadWardenConfig,
  resolveWardenDir,
  serverPaths,
  serverStatus,
  SessionStore,
} from "@warden/core";
import type { CliIo } from "../cli-io.js";
import { defineCommand, type CommandArgs } from "../define-command.js";
import { countOf, formatBytes } from "../format.js";
import { HOOK_FILES, isWardenHook, wiringModeOf } from "../hook-wiring.js";
import { ownedPaths } from "../session-files.js";
import { installCommand, shellWord, type DoctorCheck } from "./doctor-check.js";
import { teamStoreChecks } from "./doctor-team.js";
import { readSettings, wiringChecks, type SettingsFile } from "./doctor-wiring.js";
import { homeOf } from "../data-dir.js";
import { enabledWardenPlugin } from "../plugin-state.js";
import { userSettingsPath } from "../settings-paths.js";

const DOCTOR_OPTIONS = {
  project: { type: "string", value: "DIR", help: "the project to check (default: the cwd)" },
} as const;

export const DOCTOR = defineCommand({
  name: "doctor",
  summary: "checks that Warden is on: wiring, hook files, config, a self-test, where the data lives",
  details: `checks the wiring in the project and user settings, the hook files, the config,
the team store when one is set (does it answer, what waits to be shipped),
runs a self-test (rm -rf ~ must be denied, ls allowed) and reports where the data lives;
every problem comes with the command that fixes it (--json: {healthy, checks: [{name, ok,
detail, fix}], data})`,
  options: DOCTOR_OPTIONS,
  answersNo: "a check failed: Warden is not fully on",
  run: (args, io) => runDoctor(args, io),
});

/** Everything a user needs to know to trust that Warden is on, in one command. */
export async function runDoctor({ values }: CommandArgs<typeof DOCTOR_OPTIONS>, io: CliIo): Promise<number> {
  const project = path.resolve(io.cwd, values.project ?? ".");
  const home = homeOf(io);
  const userSettings = userSettingsPath(io.env, home);
  const settings = [readSettings("project", path.join(project, ".claude", "settings.json")), readSettings("user", userSettings)] as const;
  const dataDir = resolveWardenDir({ env: io.env, cwd: project });
  const plugin = enabledWardenPlugin(project, io.env, home);
  const wiring = wiringChecks(settings, project, io.hooksDir, plugin);
  const guard = wiredGuardCommand(settings) ?? (plugin == null ? undefined : pluginGuardCommand(io.hooksDir));
  const checks: DoctorCheck[] = [
    ...wiring,
    ...HOOK_FILES.map((hook) => hookFileCheck(hook, io.hooksDir, io.env)),
    configCheck(project, home),
    ...(settings.some((s) => s.settings != null && wiringModeOf(s.settings) === "resident") ? [await residentServerCheck(io)] : []),
    ...(await teamStoreChecks(io, project, home, dataDir)),
    // With no guard wired there is nothing to test: the failing wiring check already says how to wire it.
    ...(guard == null && wiring.some((c) => !c.ok) ? [] : selfTest(project, guard, io.env)),
  ];
  const data = { dir: dataDir, bytes: directorySize(dataDir), sessions: countFiles(path.join(dataDir, "sessions")) };
  const healthy = checks.every((c) => c.ok);
  if (values.json) {
    io.out(JSON.stringify({ healthy, checks, data }, null, 2));
    return healthy ? 0 : 1;
  }
  for (const c of checks) {
    io.out(`${c.ok ? "ok  " : "FAIL"}  ${c.name}: ${c.detail}`);
    if (c.fix != null) io.out(`      fix: ${c.fix}`);
  }
  io.out(`data  ${data.dir}: ${countOf(data.sessions, "session file")}, ${formatBytes(data.bytes)}`);
  const problems = checks.filter((c) => !c.ok).length;
  io.out(
    healthy ? "Warden is on." : `Warden is NOT fully on: ${problems} problem${problems === 1 ? "" : "s"}, each FAIL above with its fix.`,
  );
  return healthy ? 0 : 1;
}

/**
 * Wired with --server, the hooks want the resident server; without it they still guard and
 * record, each in its own process, so its absence costs speed, not protection.
 */
async function residentServerCheck(io: CliIo): Promise<DoctorCheck> {
  const name = "resident server";
  const status = await serverStatus(serverPaths(io.env, homeOf(io)), path.join(io.hooksDir, "server.mjs"));
  if (status.running && status.current)
    return { name, ok: true, detail: `running (pid ${status.pid}, ${status.url}), ${status.served} calls served` };
  const why = status.running
    ? `pid ${status.pid} runs build ${status.build}, not this checkout's, so the hooks do not use it`
    : "not running";
  return {
    name,
    ok: false,
    detail: `${why}: every hook runs in its own process (the guard is on, only slower); the next session starts it`,
    fix: "warden server start",
  };
}

function hookFileCheck(hook: string, hooksDir: string, env: CliIo["env"]): DoctorCheck {
  const file = path.join(hooksDir, `${hook}.mjs`);
  const rebuild = `npx -y pnpm@10 --dir ${shellWord(path.dirname(hooksDir))} build`;
  if (!fs.existsSync(file))
    return { name: `hook ${hook}`, ok: false, detail: `${file} is missing: Warden's hooks are built files`, fix: rebuild };
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "warden-doctor-"));
  // Empty stdin: the hook must shrug it off (exit 0, silent) and log the problem in its data dir.
  const run = spawnSync(process.execPath, [file], { input: "", encoding: "utf8", env: { ...env, WARDEN_DIR: scratch } });
  fs.rmSync(scratch, { recursive: true, force: true });
  if (run.status === 0 && run.stdout === "") return { name: `hook ${hook}`, ok: true, detail: `${file} runs` };
  return {
    name: `hook ${hook}`,
    ok: false,
    detail: `${file} does not run cleanly with Node ${process.version}: given an empty input it exited ${run.status ?? run.signal} with ${JSON.stringify((run.stdout + run.stderr).slice(0, 200))}`,
    fix: rebuild,
  };
}

function configCheck(project: string, home: string): DoctorCheck {
  const config = loadWardenConfig(project, home);
  const errors = [...config.errors];
  const files = configPaths(project, home);
  const named = [files.project, files.user].filter((file) => errors.some((e) => e.startsWith(`${file}:`)));
  try {
    createCommandPolicy(config.commands);
  } catch (error) {
    // The rule and pack ids are checked once both files are merged: either file may hold the key.
    errors.push(`${files.project} or ${files.user}: ${error instanceof Error ? error.message : String(error)}`);
    named.push(...[files.project, files.user].filter((file) => !named.includes(file) && fs.existsSync(file)));
  }
  if (errors.length === 0) return { name: "config", ok: true, detail: "valid (or absent: defaults apply)" };
  return {
    name: "config",
    ok: false,
    // A team URL in the project's file is dropped alone; every other error drops the file's settings.
    detail: errors.every((e) => e.includes("team.database_url is ignored"))
      ? errors.join("; ")
      : `${errors.join("; ")}; the guard runs without the invalid file's settings until it is corrected`,
    fix: `correct the key${errors.length === 1 ? "" : "s"} named above in ${named.join(" and ")}, then run \`warden doctor\` again`,
  };
}

interface GuardCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/** The command Claude Code runs for PreToolUse in this project: the first wiring that has Warden's guard. */
function wiredGuardCommand(files: readonly SettingsFile[]): GuardCommand | undefined {
  for (const { settings } of files) {
    const hook = (settings?.hooks?.PreToolUse ?? []).flatMap((group) => group.hooks).find((h) => isWardenHook(h));
    if (hook?.command != null) return { command: hook.command, args: hook.args ?? [] };
  }
  return undefined;
}

/** The plugin's PreToolUse command, as its hooks.json has it, for the hooks beside this warden (the plugin's own when run from it). */
function pluginGuardCommand(hooksDir: string): GuardCommand {
  return { command: "node", args: [path.join(hooksDir, "post-tool-guard.mjs")] };
}

/**
 * Asks the guard exactly as a session would: the wired command, in the project, against its real
 * data directory, about a destructive and a harmless command; then checks the deny was recorded.
 * The self-test's own session is removed afterwards.
 */
function selfTest(project: string, wired: GuardCommand | undefined, env: CliIo["env"]): DoctorCheck[] {
  if (wired == null)
    return [
      {
        name: "self-test",
        ok: false,
        detail: "no PreToolUse hook of Warden's is wired, so nothing guards this project and there is nothing to test",
        fix: installCommand("project", project),
      },
    ];
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
    if (run.stdout.includes('"permissionDecision":"ask"')) return "asked";
    return run.status === 0 && run.stdout === ""
      ? "allowed"
      : `failed (exit ${run.status ?? run.signal}: ${(run.stdout + run.stderr).slice(0, 200)})`;
  };
  const rm = ask("rm -rf ~", "toolu_doctor_rm");
  const ls = ask("ls -la", "toolu_doctor_ls");
  // The data directory the hook itself uses, as Claude Code starts it (with CLAUDE_PROJECT_DIR).
  const dataDir = resolveWardenDir({ env: hookEnv, cwd: project });
  const store = new SessionStore(dataDir);
  const recorded = recordedDeny(store, sessionId);
  removeSelfTestSession(store, sessionId);
  const hookRun = `${wired.command} ${wired.args.join(" ")}`.trim();
  return [
    rm === "denied"
      ? { name: "self-test rm -rf ~", ok: true, detail: rm }
      : {
          name: "self-test rm -rf ~",
          ok: false,
          detail: `the wired guard (${hookRun}) ${rm.startsWith("failed") ? rm : `${rm} it`} instead of denying it: a config may have switched the rule off`,
          fix: `warden explain --project ${shellWord(project)} "rm -rf ~"`,
        },
    ls === "allowed"
      ? { name: "self-test ls -la", ok: true, detail: ls }
      : {
          name: "self-test ls -la",
          ok: false,
          detail: `the wired guard (${hookRun}) ${ls.startsWith("failed") ? ls : `${ls} it`} instead of allowing it: a custom rule in the config may match it`,
          fix: `warden explain --project ${shellWord(project)} "ls -la"`,
        },
    recorded
      ? { name: "self-test recording", ok: true, detail: `the deny was recorded in ${store.paths.sessionsDir}` }
      : {
          name: "self-test recording",
          ok: false,
          detail: `the deny was NOT recorded in ${store.paths.sessionsDir} (decisions still apply, but nothing is kept): the data directory ${dataDir} cannot be written; the hook logs why in ${store.paths.errorsLog} when it can`,
          fix: `make ${dataDir} a writable directory (move away whatever is there), or set WARDEN_DIR to one`,
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
