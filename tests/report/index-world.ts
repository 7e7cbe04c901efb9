import fs from "node:fs";
import path from "node:path";
import {
  assistantLines,
  metadataLines,
  promptLine,
  type Response,
} from "../../packages/core/src/report/transcript/claude-transcript.fixture.js";
import { makeSandbox, runHookProcess, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

/**
 * A machine's Claude Code history for `warden report --index`: a Claude config dir holding the
 * transcripts of three projects, lines shaped as Claude Code 2.1.197 writes them. `shop-api` is
 * wired into Warden: the built hooks record its session (a prompt, an allowed `npm test`, a blocked
 * `rm -rf ~`) and SessionEnd writes its reports. `billing` and `lib` are not: Warden never saw them.
 */

export const SESSIONS = {
  /** Wired: recorded by the hooks, started now. */
  wired: "aaaa1111-0000-4000-8000-000000000001",
  /** billing, 2026-01-05: a prompt holding an API key; a large opus session. */
  secret: "bbbb2222-0000-4000-8000-000000000002",
  /** billing, 2026-02-10: partly on a model without a price. */
  unpriced: "cccc3333-0000-4000-8000-000000000003",
  /** lib, 2026-02-20: a small haiku session with a prompt that looks like markup. */
  markup: "dddd4444-0000-4000-8000-000000000004",
} as const;

export const WIRED_PROMPT = "The cart total test fails, please fix it.";
export const SECRET = "sk-ant-api03-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz";
export const SECRET_PROMPT = `deploy billing with ANTHROPIC_API_KEY=${SECRET} please`;
export const MARKUP_PROMPT = 'render <img src=x onerror="alert(1)"> in the docs';
export const UNPRICED_MODEL = "mystery-model-9";

/** claude-sonnet-4-5: 1,000 in and 500 out at $3 and $15 per million. */
export const WIRED_COST_USD = 0.0105;

export interface IndexWorld {
  readonly box: Sandbox;
  readonly claudeDir: string;
  /** The unwired projects' folders. */
  readonly billing: string;
  readonly lib: string;
  readonly env: Record<string, string>;
  cleanup(): void;
}

export async function buildIndexWorld(): Promise<IndexWorld> {
  const box = makeSandbox();
  const root = path.dirname(box.project);
  const claudeDir = path.join(box.home, ".claude");
  const env = { ...box.env, CLAUDE_CONFIG_DIR: claudeDir };
  const billing = path.join(root, "billing");
  const lib = path.join(root, "lib");
  const world = { box: { ...box, env }, claudeDir, billing, lib, env, cleanup: box.cleanup };

  writeTranscript(world, box.project, SESSIONS.wired, new Date().toISOString(), WIRED_PROMPT, [
    response("msg_wired", "claude-sonnet-4-5-20250929", 1000, 500),
  ]);
  await recordWiredSession(world);
  writeTranscript(world, billing, SESSIONS.secret, "2026-01-05T09:15:00.000Z", SECRET_PROMPT, [
    response("msg_secret1", "claude-opus-4-1-20250805", 200_000, 40_000),
    response("msg_secret2", "claude-opus-4-1-20250805", 100_000, 20_000),
  ]);
  writeTranscript(world, billing, SESSIONS.unpriced, "2026-02-10T16:40:00.000Z", "Summarise the invoices.", [
    response("msg_unpriced1", "claude-sonnet-4-5-20250929", 2000, 1000),
    response("msg_unpriced2", UNPRICED_MODEL, 3000, 1500),
  ]);
  writeTranscript(world, lib, SESSIONS.markup, "2026-02-20T08:05:00.000Z", MARKUP_PROMPT, [
    response("msg_markup", "claude-haiku-4-5-20251001", 500, 100),
  ]);
  return world;
}

function response(id: string, model: string, input: number, output: number): Response {
  return { id, requestId: `req_${id.slice(4)}`, model, blocks: [{ type: "text", text: "Done." }], usage: { input, output } };
}

/** Claude Code's folder name for a project: its path with every non-alphanumeric character a `-`. */
export const slugOf = (folder: string): string => folder.replace(/[^a-zA-Z0-9]/g, "-");

export const transcriptOf = (world: Pick<IndexWorld, "claudeDir">, folder: string, sessionId: string): string =>
  path.join(world.claudeDir, "projects", slugOf(folder), `${sessionId}.jsonl`);

/** A prompt at `at`, then the responses a second apart, in the project's cwd. */
function writeTranscript(world: IndexWorld, folder: string, sessionId: string, at: string, prompt: string, responses: Response[]): void {
  const start = Date.parse(at);
  const stamp = (seconds: number) => new Date(start + seconds * 1000).toISOString();
  const context = { sessionId };
  const lines = [
    ...metadataLines(context),
    promptLine({ ...context, timestamp: stamp(0) }, prompt),
    ...responses.flatMap((r, i) => assistantLines({ ...context, timestamp: stamp(60 * (i + 1)) }, r)),
  ];
  const file = transcriptOf(world, folder, sessionId);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines.map((line) => `${inFolder(line, folder)}\n`).join(""));
}

/** The builders write lines of `/home/dev/app`; these happen in `folder`. */
function inFolder(line: string, folder: string): string {
  const value: unknown = JSON.parse(line);
  if (value == null || typeof value !== "object" || !("cwd" in value)) return line;
  return JSON.stringify({ ...value, cwd: folder });
}

async function recordWiredSession(world: IndexWorld): Promise<void> {
  const { box } = world;
  const s = { sessionId: SESSIONS.wired, cwd: box.project };
  const transcript = { transcript_path: transcriptOf(world, box.project, SESSIONS.wired) };
  const bash = p.bashInput("npm test");
  await runHookProcess("session-start", { ...p.sessionStart(s), ...transcript }, box);
  await runHookProcess("post-tool-guard", { ...p.userPromptSubmit(s, WIRED_PROMPT), ...transcript }, box);
  await runHookProcess("post-tool-guard", { ...p.preToolUse(s, "Bash", bash, "toolu_test"), ...transcript }, box);
  await runHookProcess(
    "post-tool-guard",
    { ...p.postToolUse(s, "Bash", bash, p.bashResponse("3 passed"), "toolu_test"), ...transcript },
    box,
  );
  await runHookProcess("post-tool-guard", { ...p.preToolUse(s, "Bash", p.bashInput("rm -rf ~"), "toolu_rm"), ...transcript }, box);
  await runHookProcess("session-end", { ...p.stop(s), ...transcript }, box);
  await runHookProcess("session-end", { ...p.sessionEnd(s, "prompt_input_exit"), ...transcript }, box);
}
