import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { writeTranscript, type HookRunner } from "../cli/recorded-sessions.js";
import { runHookInProcess } from "../support/hook-in-process.js";
import { readJsonl, type HookName, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

/**
 * Sessions that commit, for the team-store tests: the project is a git repository, the model
 * writes a file (Write), a person may add one beside it, and the model commits through Bash (the
 * commit made by real git) while the hooks watch, so each commit leaves the checkpoint record the
 * hooks write. The hooks' handlers run in this process unless `hooks: runHookProcess` starts them.
 */

/** `git ARGS` in the sandbox's project, in its environment (its own HOME: no global git config); stdout. */
export function git(box: Sandbox, ...args: string[]): string {
  const result = spawnSync("git", args, { cwd: box.project, env: box.env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** Makes the project a repository with one commit of a person's (the .gitignore keeping .warden out). */
export function initRepository(box: Sandbox): void {
  git(box, "init", "-q", "-b", "main");
  git(box, "config", "user.name", "Ada Lovelace");
  git(box, "config", "user.email", "ada@example.com");
  fs.writeFileSync(path.join(box.project, ".gitignore"), ".warden/\n");
  git(box, "add", ".gitignore");
  git(box, "commit", "-qm", "Start");
}

export interface CommitStep {
  /** The file the model writes (a path in the project) and its text. */
  readonly file: string;
  readonly content: string;
  /** A file a person writes beside it, no tool involved: its lines are of unknown origin. */
  readonly byHand?: { readonly file: string; readonly content: string };
  readonly subject: string;
  /** Commit with --amend. */
  readonly amend?: boolean;
}

export interface CommitOptions {
  /** Leave the session without Stop and SessionEnd. */
  readonly open?: boolean;
  /** Go on with a session left open (no SessionStart, no new transcript). */
  readonly goOn?: boolean;
  /** The number of the first step's tool calls (`toolu_commit_N`); 1 unless going on. */
  readonly first?: number;
  /** Who handles each hook event; in this process by default. */
  readonly hooks?: HookRunner;
}

/** A session (its transcript holds one priced response) that makes each commit in turn, then ends unless `open`. */
export async function recordCommits(
  box: Sandbox,
  sessionId: string,
  steps: readonly CommitStep[],
  options: CommitOptions = {},
): Promise<void> {
  const s = { sessionId, cwd: box.project };
  // Claude Code names the same transcript in every payload of a session.
  const transcript = options.goOn ? transcriptOf(box, sessionId) : writeTranscript(box, sessionId);
  const hook = (name: HookName, payload: object) =>
    (options.hooks ?? runHookInProcess)(name, { ...payload, transcript_path: transcript }, box);
  const run = (payload: object) => hook("post-tool-guard", payload);
  if (!options.goOn) await hook("session-start", p.sessionStart(s));
  for (const [i, step] of steps.entries()) {
    const n = i + (options.first ?? 1);
    const file = path.join(box.project, step.file);
    const input = p.writeInput(file, step.content);
    await run(p.preToolUse(s, "Write", input, `toolu_write_${n}`));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, step.content);
    await run(p.postToolUse(s, "Write", input, p.writeResponse(file, step.content), `toolu_write_${n}`));
    if (step.byHand != null) fs.writeFileSync(path.join(box.project, step.byHand.file), step.byHand.content);
    const amend = step.amend ? " --amend" : "";
    const command = p.bashInput(`git add -A && git commit${amend} -qm ${JSON.stringify(step.subject)}`);
    await run(p.preToolUse(s, "Bash", command, `toolu_commit_${n}`));
    git(box, "add", "-A");
    git(box, "commit", ...(step.amend ? ["--amend"] : []), "-qm", step.subject);
    await run(p.postToolUse(s, "Bash", command, p.bashResponse(""), `toolu_commit_${n}`));
  }
  if (options.open) return;
  await hook("session-end", p.stop(s));
  await hook("session-end", p.sessionEnd(s, "prompt_input_exit"));
}

/** The transcript the session started with, as its init record names it. */
function transcriptOf(box: Sandbox, sessionId: string): string {
  const init = readJsonl(sessionFile(box, sessionId)).find((r) => r.type === "init");
  if (typeof init?.transcript_path !== "string") throw new Error(`session ${sessionId} has no init record naming its transcript`);
  return init.transcript_path;
}

function sessionFile(box: Sandbox, sessionId: string): string {
  return path.join(box.wardenDir, "sessions", `${sessionId}.jsonl`);
}

/** The session's checkpoint records, as its local file holds them. */
export function localCheckpoints(box: Sandbox, sessionId: string): Array<Record<string, unknown>> {
  return readJsonl(sessionFile(box, sessionId)).filter((r) => r.type === "checkpoint");
}
