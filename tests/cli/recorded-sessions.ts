import fs from "node:fs";
import path from "node:path";
import { runHookInProcess } from "../support/hook-in-process.js";
import type { HookName, ProcessResult, Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

/**
 * Sessions for the CLI tests: a Bash call, a Read, a Write, a blocked `rm -rf ~`, then (unless
 * left open) Stop and SessionEnd. The hooks' own handlers record them in this process, through
 * runHook as each hook process would; `hooks: runHookProcess` has the real hook processes record them.
 */

/** Handles one hook event in the sandbox: runHookInProcess, or runHookProcess to start the built hook. */
export type HookRunner = (hook: HookName, payload: unknown, box: Sandbox) => Promise<ProcessResult>;

export interface RecordOptions {
  /** Leave the session without SessionEnd. */
  readonly open?: boolean;
  /** A transcript with one priced API response (1,000 tokens in, 500 out on claude-sonnet-4-5: $0.0105). */
  readonly transcript?: boolean;
  /** Who handles each hook event; in this process by default. */
  readonly hooks?: HookRunner;
  /** A prompt submitted after the start, before the tool calls. */
  readonly prompt?: string;
}

/** What one claude-sonnet-4-5 response of 1,000 input and 500 output tokens costs. */
export const TRANSCRIPT_COST = "$0.0105";

export async function recordSession(box: Sandbox, sessionId: string, options: RecordOptions = {}): Promise<void> {
  const run = options.hooks ?? runHookInProcess;
  const s = { sessionId, cwd: box.project };
  const transcript = options.transcript ? writeTranscript(box, sessionId) : undefined;
  const withTranscript = <T extends object>(payload: T) => (transcript ? { ...payload, transcript_path: transcript } : payload);
  await run("session-start", withTranscript(p.sessionStart(s)), box);
  if (options.prompt != null) await run("post-tool-guard", p.userPromptSubmit(s, options.prompt), box);
  await toolCall(run, box, s, "Bash", { command: "npm test" }, p.bashResponse("ok"), "toolu_bash");
  await toolCall(
    run,
    box,
    s,
    "Read",
    { file_path: path.join(box.project, "README.md") },
    p.readResponse(path.join(box.project, "README.md"), "# hi"),
    "toolu_read",
  );
  await toolCall(
    run,
    box,
    s,
    "Write",
    { file_path: path.join(box.project, "notes.md"), content: "notes" },
    { type: "create" },
    "toolu_write",
  );
  await run("post-tool-guard", p.preToolUse(s, "Bash", { command: "rm -rf ~" }, "toolu_rm"), box);
  if (options.open) return;
  await run("session-end", p.stop(s), box);
  await run("session-end", p.sessionEnd(s, "prompt_input_exit"), box);
}

async function toolCall(
  run: HookRunner,
  box: Sandbox,
  s: p.PayloadBase,
  tool: string,
  input: unknown,
  response: unknown,
  id: string,
): Promise<void> {
  await run("post-tool-guard", p.preToolUse(s, tool, input, id), box);
  await run("post-tool-guard", p.postToolUse(s, tool, input, response, id), box);
}

/** No process has this pid: it is above every system's pid limit (Linux allows at most 2^22). */
const GONE_PID = 2 ** 31 - 1;

/** Starts a session whose "Claude Code" process is gone, so it is stale. */
export function startStaleSession(box: Sandbox, sessionId: string): Promise<ProcessResult> {
  return runHookInProcess("session-start", p.sessionStart({ sessionId, cwd: box.project }), box, { claudePid: GONE_PID });
}

/** A transcript of one priced response (see TRANSCRIPT_COST) in the sandbox's Claude Code folder; its path. */
export function writeTranscript(box: Sandbox, sessionId: string): string {
  const file = path.join(box.home, ".claude", "projects", "-project", `${sessionId}.jsonl`);
  const line = {
    parentUuid: null,
    isSidechain: false,
    type: "assistant",
    message: {
      id: `msg_${sessionId.slice(0, 8)}`,
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-5-20250929",
      content: [{ type: "text", text: "Done." }],
      stop_reason: "end_turn",
      usage: {
        input_tokens: 1000,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: 500,
        service_tier: "standard",
      },
    },
    requestId: `req_${sessionId.slice(0, 8)}`,
    uuid: `${sessionId.slice(0, 8)}-0000-4000-8000-000000000000`,
    timestamp: new Date().toISOString(),
    sessionId,
    cwd: box.project,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(line)}\n`);
  return file;
}

/** Sets a session file's (and its reports') last change to `days` ago. */
export function ageSession(box: Sandbox, sessionId: string, days: number): void {
  const when = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  const files = [path.join(box.wardenDir, "sessions", `${sessionId}.jsonl`), path.join(box.wardenDir, "reports", `${sessionId}.json`)];
  for (const file of files.filter((f) => fs.existsSync(f))) fs.utimesSync(file, when, when);
}
