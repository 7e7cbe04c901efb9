import { isProcessAlive, runHook, type GuardFactories, type HookHandlers } from "@warden/core";
import * as postToolGuard from "@warden/post-tool-guard";
import * as sessionEnd from "@warden/session-end";
import * as sessionStart from "@warden/session-start";
import type { HookName, ProcessResult, Sandbox } from "./hook-process.js";

/** What each hook process passes to `runHook` (see the hook packages' src/main.ts). */
const HOOKS: Record<HookName, { readonly handlers: HookHandlers; readonly guard: GuardFactories }> = {
  "session-start": { handlers: sessionStart.hookHandlers, guard: {} },
  "post-tool-guard": { handlers: postToolGuard.hookHandlers, guard: postToolGuard.guardFactories },
  "session-end": { handlers: sessionEnd.hookHandlers, guard: {} },
};

export interface HookWorldOptions {
  /** The Claude Code process that started the hook; by default this process, as for a spawned hook. */
  readonly claudePid?: number;
}

/**
 * One hook event handled in this process by the hook's own handlers through `runHook`, in the
 * sandbox's world (environment, HOME, project as cwd): what `runHookProcess` does without a
 * process. The exit code is always 0, as runHook never fails its process.
 */
export async function runHookInProcess(
  hook: HookName,
  payload: unknown,
  sandbox: Sandbox,
  options: HookWorldOptions = {},
): Promise<ProcessResult> {
  const stdin = typeof payload === "string" || Buffer.isBuffer(payload) ? payload.toString() : JSON.stringify(payload);
  let stdout = "";
  let stderr = "";
  const { handlers, guard } = HOOKS[hook];
  await runHook(hook, handlers, guard, {
    env: sandbox.env,
    now: () => new Date(),
    home: sandbox.home,
    claudePid: options.claudePid ?? process.pid,
    isProcessAlive,
    readStdin: () => Promise.resolve({ text: stdin }),
    writeStdout: (text) => {
      stdout += text;
    },
    writeStderr: (text) => {
      stderr += text;
    },
    cwd: () => sandbox.project,
  });
  return { code: 0, stdout, stderr };
}
