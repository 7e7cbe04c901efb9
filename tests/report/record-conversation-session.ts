import fs from "node:fs";
import path from "node:path";
import { runHookProcess, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

/**
 * A two-prompt session for the conversation, turns and time axis of the HTML report, with times
 * the test needs and a real hook process cannot wait for: two calls run at once (twice), a
 * subagent, a warned and a blocked call, twelve idle minutes between the prompts, a compaction.
 * Warden's records are written as the hooks write them, the transcript as Claude Code 2.1.197
 * does (one line per content block, subagent in `<session>/subagents/`), and the real SessionEnd
 * hook writes the reports.
 */

export const SESSION_ID = "7c0e5d1a-2b3c-4d5e-8f90-a1b2c3d4e5f6";
const T0 = Date.parse("2026-11-21T10:00:00.000Z");
const SONNET = "claude-sonnet-4-5-20250929";
const HAIKU = "claude-haiku-4-5-20251001";
export const AGENT = { id: "a1b2c3d4e5f60718", type: "Explore" } as const;
export const PROMPTS = ["The cart total test fails, please fix it.", "Also add a test for an empty cart."] as const;
export const THINKING = "The failing case has quantity 3: total must multiply price by quantity. Read the cart and run the test together.";
/** From the last response of the first turn to the second prompt. */
export const IDLE_SECONDS = 725;
export const PRE_COMPACT_TOKENS = 154_321;

/** The tool calls, by tool_use id: what ran when (seconds after T0) and how the guard judged it. */
export const CALL = {
  readCart: "toolu_01Conv0readcart",
  failingTest: "toolu_01Conv0failtest",
  agent: "toolu_01Conv0agent",
  grep: "toolu_01Conv0grep",
  edit: "toolu_01Conv0edit",
  rmHome: "toolu_01Conv0rmhome",
  write: "toolu_01Conv0write",
  readme: "toolu_01Conv0readme",
  passingTest: "toolu_01Conv0passtest",
} as const;

interface Call {
  readonly id: string;
  readonly tool: string;
  readonly input: Record<string, unknown>;
  readonly from: number;
  readonly to: number;
  readonly prompt: 1 | 2;
  readonly verdict?: "warned" | "blocked";
  readonly failed?: boolean;
  readonly agent?: boolean;
}

export interface ConversationSession {
  readonly htmlReport: string;
  readonly jsonReport: string;
  /** Record id of each call's event, by tool_use id. */
  readonly eventIds: Readonly<Record<string, number>>;
}

export async function recordConversationSession(box: Sandbox): Promise<ConversationSession> {
  const at = (file: string) => path.join(box.project, file);
  const turn2 = 15 + IDLE_SECONDS;
  const calls: Call[] = [
    { id: CALL.readCart, tool: "Read", input: { file_path: at("src/cart.ts") }, from: 3.0, to: 3.4, prompt: 1 },
    { id: CALL.failingTest, tool: "Bash", input: { command: "npm test -- cart" }, from: 3.1, to: 7.3, prompt: 1, failed: true },
    {
      id: CALL.agent,
      tool: "Agent",
      input: { description: "Find quantity", prompt: "Where is quantity defined?" },
      from: 8.2,
      to: 11,
      prompt: 1,
    },
    { id: CALL.grep, tool: "Grep", input: { pattern: "quantity" }, from: 9.5, to: 9.7, prompt: 1, agent: true },
    {
      id: CALL.edit,
      tool: "Edit",
      input: { file_path: at("src/cart.ts"), old_string: "i.price", new_string: "i.price * i.quantity" },
      from: 12.2,
      to: 12.4,
      prompt: 1,
    },
    { id: CALL.rmHome, tool: "Bash", input: { command: "rm -rf ~" }, from: 13, to: 13, prompt: 1, verdict: "blocked" },
    {
      id: CALL.write,
      tool: "Write",
      input: { file_path: at("src/empty.test.ts"), content: "test" },
      from: turn2 + 3,
      to: turn2 + 3.3,
      prompt: 2,
    },
    {
      id: CALL.readme,
      tool: "Read",
      input: { file_path: at("README.md") },
      from: turn2 + 3.1,
      to: turn2 + 3.5,
      prompt: 2,
      verdict: "warned",
    },
    { id: CALL.passingTest, tool: "Bash", input: { command: "npm test" }, from: turn2 + 7.5, to: turn2 + 11, prompt: 2 },
  ];
  const transcriptPath = writeTranscript(box, turn2);
  const eventIds = writeRecords(box, transcriptPath, calls, turn2);
  const result = await runHookProcess(
    "session-end",
    { ...p.sessionEnd({ sessionId: SESSION_ID, cwd: box.project }, "prompt_input_exit"), transcript_path: transcriptPath },
    box,
  );
  if (result.code !== 0) throw new Error(`SessionEnd exited with ${result.code}: ${result.stderr}`);
  const reports = path.join(box.wardenDir, "reports");
  return { htmlReport: path.join(reports, `${SESSION_ID}.html`), jsonReport: path.join(reports, `${SESSION_ID}.json`), eventIds };
}

const iso = (seconds: number) => new Date(T0 + Math.round(seconds * 1000)).toISOString();

function writeRecords(box: Sandbox, transcriptPath: string, calls: readonly Call[], turn2: number): Record<string, number> {
  let id = 0;
  const records: object[] = [];
  const add = (seconds: number, fields: object) => records.push({ id: ++id, timestamp: iso(seconds), ...fields });
  add(0, {
    type: "init",
    session_id: SESSION_ID,
    source: "startup",
    cwd: box.project,
    project_dir: box.project,
    transcript_path: transcriptPath,
    git: null,
    platform: "linux-x64",
    warden_version: "0.1.0",
  });
  const eventIds: Record<string, number> = {};
  const prompt = (n: 1 | 2, seconds: number) =>
    add(seconds, { type: "prompt", prompt_id: `prompt-${n}`, prompt: PROMPTS[n - 1], verdict: "allowed", findings: [] });
  prompt(1, 0);
  // PostToolUse records a call when it ends: events are in order of their ends.
  for (const call of [...calls].toSorted((a, b) => a.to - b.to)) {
    if (call.prompt === 2 && !records.some((r) => "prompt_id" in r && r.prompt_id === "prompt-2")) prompt(2, turn2);
    add(call.to, event(call, box.project));
    eventIds[call.id] = id;
  }
  add(turn2 + 12, { type: "stop", last_assistant_message: "Added the empty-cart test.", stop_hook_active: false });
  const file = path.join(box.wardenDir, "sessions", `${SESSION_ID}.jsonl`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, records.map((r) => `${JSON.stringify(r)}\n`).join(""));
  return eventIds;
}

function event(call: Call, project: string): object {
  const verdict = call.verdict ?? "allowed";
  const findings =
    verdict === "warned"
      ? [{ rule: "IgnorePreviousInstructions", severity: "high", excerpt: "Ignore previous instructions" }]
      : verdict === "blocked"
        ? [{ rule: "fs.delete-home", severity: "critical", excerpt: "rm -rf ~" }]
        : [];
  return {
    type: "event",
    tool_use_id: call.id,
    tool_name: call.tool,
    outcome: verdict === "blocked" ? "blocked" : call.failed === true ? "failed" : "completed",
    timestamp_start: iso(call.from),
    timestamp_end: iso(call.to),
    duration_ms: Math.round((call.to - call.from) * 1000),
    tool_input: call.input,
    tool_output: verdict === "blocked" || call.failed === true ? null : { stdout: "ok", stderr: "" },
    is_error: call.failed === true,
    ...(call.failed === true && { error: "Exit code 1\nAssertionError: expected 10 to be 30" }),
    working_dir: project,
    files_accessed: [],
    ...(call.agent === true && { agent_id: AGENT.id, agent_type: AGENT.type }),
    prompt_id: `prompt-${call.prompt}`,
    verdict,
    severity: findings[0]?.severity ?? null,
    rules_matched: findings.map((f) => f.rule),
    findings,
    ...(verdict === "blocked" && { reason: "Deletes the home directory." }),
    scan_time_ms: 0.4,
  };
}

/** The transcript: one line per content block, each repeating its response's usage. */
function writeTranscript(box: Sandbox, turn2: number): string {
  const dir = path.join(box.home, ".claude", "projects", box.project.replace(/[^A-Za-z0-9]/g, "-"));
  let n = 0;
  const line = (seconds: number, fields: object, agentId?: string) =>
    JSON.stringify({
      parentUuid: null,
      isSidechain: agentId != null,
      ...(agentId != null && { agentId }),
      userType: "external",
      entrypoint: "cli",
      cwd: box.project,
      sessionId: SESSION_ID,
      version: "2.1.197",
      gitBranch: "fix/cart-total",
      ...fields,
      uuid: `9a8b7c6d-5e4f-4a3b-8c2d-${String(++n).padStart(12, "0")}`,
      timestamp: iso(seconds),
    });
  let message = 0;
  const response = (seconds: number, blocks: object[], output: number, model = SONNET, agentId?: string) => {
    const id = `msg_01Conv${++message}`;
    return blocks.map((block, index) =>
      line(
        seconds + index * 0.2,
        {
          type: "assistant",
          requestId: `req_01Conv${message}`,
          message: {
            id,
            type: "message",
            role: "assistant",
            model,
            content: [block],
            stop_reason: index === blocks.length - 1 ? "end_turn" : null,
            stop_sequence: null,
            usage: {
              input_tokens: 12,
              cache_creation_input_tokens: 2400,
              cache_read_input_tokens: 14_000 * message,
              output_tokens: index === blocks.length - 1 ? output : 1,
              cache_creation: { ephemeral_5m_input_tokens: 2400, ephemeral_1h_input_tokens: 0 },
              service_tier: "standard",
            },
          },
        },
        agentId,
      ),
    );
  };
  const toolUse = (id: string, name: string, input: object) => ({ type: "tool_use", id, name, input });
  const result = (seconds: number, toolUseId: string, agentId?: string) =>
    line(
      seconds,
      {
        type: "user",
        message: { role: "user", content: [{ tool_use_id: toolUseId, type: "tool_result", content: "ok" }] },
        toolUseResult: { stdout: "ok" },
      },
      agentId,
    );
  const prompt = (seconds: number, n: 1 | 2) =>
    line(seconds, {
      type: "user",
      promptId: `prompt-${n}`,
      message: { role: "user", content: PROMPTS[n - 1] },
      permissionMode: "default",
      promptSource: "user",
    });
  const main = [
    prompt(0, 1),
    ...response(
      2,
      [
        { type: "thinking", thinking: THINKING, signature: "EqQBCkYIBxgCKkBz" },
        { type: "text", text: "I'll read the cart and run its test." },
        toolUse(CALL.readCart, "Read", { file_path: "src/cart.ts" }),
        toolUse(CALL.failingTest, "Bash", { command: "npm test -- cart" }),
      ],
      180,
    ),
    result(7.4, CALL.readCart),
    result(7.4, CALL.failingTest),
    ...response(
      8,
      [{ type: "text", text: "The total ignores quantity. Let me find where quantity is defined." }, toolUse(CALL.agent, "Agent", {})],
      90,
    ),
    result(11.1, CALL.agent),
    ...response(12, [toolUse(CALL.edit, "Edit", {}), toolUse(CALL.rmHome, "Bash", { command: "rm -rf ~" })], 120),
    result(13.1, CALL.edit),
    result(13.1, CALL.rmHome),
    ...response(14, [{ type: "text", text: "Fixed: the total now multiplies by quantity. All 3 tests pass." }], 60),
    prompt(turn2, 2),
    ...response(
      turn2 + 2,
      [
        { type: "thinking", thinking: "", signature: "EqQBCkYIBxgCKkBz" },
        toolUse(CALL.write, "Write", {}),
        toolUse(CALL.readme, "Read", {}),
      ],
      210,
    ),
    result(turn2 + 3.6, CALL.write),
    result(turn2 + 3.6, CALL.readme),
    JSON.stringify({
      parentUuid: null,
      logicalParentUuid: "9a8b7c6d-5e4f-4a3b-8c2d-000000000001",
      isSidechain: false,
      userType: "external",
      cwd: box.project,
      sessionId: SESSION_ID,
      version: "2.1.197",
      gitBranch: "fix/cart-total",
      type: "system",
      subtype: "compact_boundary",
      content: "Conversation compacted",
      isMeta: false,
      timestamp: iso(turn2 + 5),
      uuid: "9a8b7c6d-5e4f-4a3b-8c2d-0000000000c0",
      level: "info",
      compactMetadata: { trigger: "auto", preTokens: PRE_COMPACT_TOKENS },
    }),
    line(turn2 + 5, {
      type: "user",
      message: {
        role: "user",
        content: "This session is being continued from a previous conversation that ran out of context. Summary: …",
      },
      isCompactSummary: true,
      isVisibleInTranscriptOnly: true,
    }),
    ...response(turn2 + 7, [toolUse(CALL.passingTest, "Bash", { command: "npm test" })], 40),
    result(turn2 + 11.1, CALL.passingTest),
    ...response(turn2 + 12, [{ type: "text", text: "Added the empty-cart test; all 4 tests pass." }], 50),
  ];
  const agent = [
    line(8.3, { type: "user", message: { role: "user", content: "Where is quantity defined?" } }, AGENT.id),
    ...response(9, [toolUse(CALL.grep, "Grep", { pattern: "quantity" })], 30, HAIKU, AGENT.id),
    result(9.8, CALL.grep, AGENT.id),
    ...response(10, [{ type: "text", text: "`quantity` is on Item in src/item.ts." }], 25, HAIKU, AGENT.id),
  ];
  const file = path.join(dir, `${SESSION_ID}.jsonl`);
  const subagents = path.join(dir, SESSION_ID, "subagents");
  fs.mkdirSync(subagents, { recursive: true });
  fs.writeFileSync(file, main.map((l) => `${l}\n`).join(""));
  fs.writeFileSync(path.join(subagents, `agent-${AGENT.id}.jsonl`), agent.map((l) => `${l}\n`).join(""));
  fs.writeFileSync(path.join(subagents, `agent-${AGENT.id}.meta.json`), JSON.stringify({ agentType: AGENT.type }));
  return file;
}
