import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const HOOKS_DIR = path.join(REPO_ROOT, "hooks");
export const CLI = path.join(REPO_ROOT, "hooks/warden.mjs");

export type HookName = "session-start" | "post-tool-guard" | "session-end";

export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A temp project and HOME, removed by `cleanup`; the environment hooks get from Claude Code. */
export interface Sandbox {
  readonly project: string;
  readonly home: string;
  readonly env: Record<string, string>;
  readonly wardenDir: string;
  cleanup(): void;
}

export function makeSandbox(): Sandbox {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "warden-test-"));
  const project = path.join(root, "project");
  const home = path.join(root, "home");
  fs.mkdirSync(project);
  fs.mkdirSync(home);
  return {
    project,
    home,
    wardenDir: path.join(project, ".warden"),
    env: { PATH: process.env.PATH ?? "", HOME: home, TZ: "UTC", NO_COLOR: "1", CLAUDE_PROJECT_DIR: project },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

export function runProcess(
  command: string,
  args: string[],
  stdin: string | Buffer,
  env: Record<string, string>,
  cwd?: string,
  /** Write stdin but never close it, as a client that never sends EOF would. */
  keepStdinOpen = false,
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.on("error", () => undefined);
    if (keepStdinOpen) child.stdin.write(stdin);
    else child.stdin.end(stdin);
  });
}

export function runHookProcess(hook: HookName, payload: unknown, sandbox: Sandbox): Promise<ProcessResult> {
  const stdin = typeof payload === "string" || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
  return runProcess(process.execPath, [path.join(HOOKS_DIR, `${hook}.mjs`)], stdin, sandbox.env, sandbox.project);
}

export function runCliProcess(args: string[], sandbox: Sandbox, stdin = ""): Promise<ProcessResult> {
  return runProcess(process.execPath, [CLI, ...args], stdin, sandbox.env, sandbox.project);
}

/** The permissionDecision a PreToolUse hook printed; a description of its output when it printed none. */
export function decisionOf(result: ProcessResult): unknown {
  try {
    return JSON.parse(result.stdout).hookSpecificOutput.permissionDecision;
  } catch {
    return `no decision (stdout ${JSON.stringify(result.stdout.slice(0, 200))}, stderr ${JSON.stringify(result.stderr.slice(0, 200))})`;
  }
}

/** Parsed lines of a JSONL file (the test fails loudly on a corrupt line). */
export function readJsonl(file: string): Array<Record<string, unknown>> {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const value: unknown = JSON.parse(line);
      if (value == null || typeof value !== "object" || Array.isArray(value))
        throw new Error(`${file}: not a JSON object line: ${line.slice(0, 200)}`);
      return { ...value };
    });
}
