import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { costOfUsage } from "./pricing/index.js";
import { toolEvent } from "./render/report-model.fixture.js";
import { buildSessionTurns, type TurnInputs } from "./session-turns.js";
import {
  assistantLines,
  compactBoundaryLines,
  createFixtureProject,
  promptLine,
  toolResultLine,
  type FixtureProject,
  type LineContext,
} from "./transcript/claude-transcript.fixture.js";
import { readTranscript } from "./transcript/read-transcript.js";
import type { ToolEventRecord } from "../store/session-record.js";

const SONNET = "claude-sonnet-4-5-20250929";
const OPUS = "claude-opus-4-6";
let project: FixtureProject;

beforeEach(() => {
  project = createFixtureProject();
});
afterEach(() => project.cleanup());

const at = (second: number): LineContext => ({
  sessionId: project.sessionId,
  timestamp: `2026-03-02T14:00:${String(second).padStart(2, "0")}.000Z`,
});

/** One response of `model`, its usage scaled by `n` so each one costs something different. */
function answer(second: number, id: string, n: number, blocks: Parameters<typeof assistantLines>[1]["blocks"], model = SONNET) {
  return assistantLines(at(second), {
    id,
    requestId: `req_${id}`,
    model,
    blocks,
    usage: { input: 3 * n, output: 101 * n, cacheWrite5m: 1009 * n, cacheWrite1h: 17 * n, cacheRead: 20_011 * n },
  });
}

/** Reads the fixture transcript as the report does, and builds the turns with these events. */
async function turnsOf(events: ToolEventRecord[] = [], limits?: TurnInputs["limits"]) {
  const reading = await readTranscript(project.transcriptPath);
  const built = buildSessionTurns({
    trace: reading.trace,
    responses: reading.state.responses,
    agentTypes: reading.state.agent_types,
    events,
    ...(limits == null ? {} : { limits }),
  });
  return { ...built, reading };
}

/** Three prompts; the second runs a tool and a subagent; the third is answered by Opus. */
function writeSession(): void {
  const agent = { ...at(14), agentId: "a1" };
  project.write(project.transcriptPath, [
    promptLine(at(0), "first", { promptId: "p-1" }),
    ...answer(2, "msg_1", 1, [{ type: "text", text: "One." }]),
    promptLine(at(10), "second", { promptId: "p-2" }),
    ...answer(11, "msg_2", 2, [
      { type: "thinking", thinking: "", signature: "EqQB" },
      { type: "tool_use", id: "toolu_0001", name: "Bash", input: { command: "npm test" } },
    ]),
    toolResultLine(at(13), "toolu_0001", "ok", { stdout: "ok" }),
    ...answer(20, "msg_3", 3, [{ type: "text", text: "Two." }]),
    promptLine(at(30), "third", { promptId: "p-3" }),
    ...answer(31, "msg_4", 4, [{ type: "text", text: "Three." }], OPUS),
  ]);
  project.write(join(project.subagentDir, "agent-a1.jsonl"), [
    promptLine(agent, "look"),
    ...assistantLines(agent, {
      id: "msg_s",
      requestId: "req_s",
      model: SONNET,
      blocks: [{ type: "text", text: "found" }],
      usage: { input: 7, output: 13 },
    }),
  ]);
}

/** Whole picodollars, the unit costOfUsage computes in. */
const pico = (usd: number | null) => BigInt(Math.round((usd ?? Number.NaN) * 1e12));

describe("buildSessionTurns", () => {
  it("makes a turn of each prompt and what follows it", async () => {
    writeSession();
    const { turns } = await turnsOf();
    expect(turns.map((turn) => [turn.index, turn.prompt, turn.responses])).toEqual([
      [1, "first", 1],
      [2, "second", 2],
      [3, "third", 1],
    ]);
  });

  it("puts a subagent's responses in the turn running when they began", async () => {
    writeSession();
    const { turns } = await turnsOf();
    expect(turns.map((turn) => turn.subagents.map((agent) => [agent.agent_id, agent.responses]))).toEqual([[], [["a1", 1]], []]);
  });

  it("prices each turn so that the turns add up exactly to the session's cost", async () => {
    writeSession();
    const { turns, reading } = await turnsOf();
    const total = costOfUsage(reading.usage.by_model).total_cost_usd;
    const sum = turns.reduce((acc, turn) => acc + pico(turn.cost_usd), 0n);
    expect([sum, turns.every((turn) => (turn.cost_usd ?? 0) > 0)]).toEqual([pico(total), true]);
  });

  it("counts every response's tokens in exactly one turn", async () => {
    writeSession();
    const { turns, reading } = await turnsOf();
    const out = turns.reduce((acc, turn) => acc + turn.tokens.output, 0);
    expect(out).toBe(reading.usage.total.output_tokens);
  });

  it("leaves a turn's cost unknown, naming the model, when a model has no price", async () => {
    project.write(project.transcriptPath, [
      promptLine(at(0), "go"),
      ...answer(1, "msg_1", 1, [{ type: "text", text: "hm" }], "claude-mystery-9"),
    ]);
    const { turns } = await turnsOf();
    expect([turns[0]?.cost_usd, turns[0]?.unpriced_models]).toEqual([null, ["claude-mystery-9"]]);
  });

  it("keeps what came before the first prompt as turn 0", async () => {
    project.write(project.transcriptPath, [...answer(1, "msg_0", 1, [{ type: "text", text: "resumed" }]), promptLine(at(5), "go")]);
    const { turns } = await turnsOf();
    expect(turns.map((turn) => [turn.index, turn.prompt, turn.responses])).toEqual([
      [0, null, 1],
      [1, "go", 0],
    ]);
  });

  it("gives each turn its tool calls by prompt id, with their verdicts", async () => {
    writeSession();
    const events = [
      toolEvent(7, 12, { tool_name: "Bash", tool_use_id: "toolu_0001", prompt_id: "p-2", verdict: "warned" }),
      toolEvent(8, 31, { tool_name: "Read", prompt_id: "p-3" }),
    ];
    const { turns } = await turnsOf(events);
    expect(turns.map((turn) => [turn.tools, turn.verdicts.warned, turn.event_ids])).toEqual([
      [{}, 0, []],
      [{ Bash: 1 }, 1, [7]],
      [{ Read: 1 }, 0, [8]],
    ]);
  });

  it("places a call without a prompt id by its start time", async () => {
    writeSession();
    const { turns } = await turnsOf([toolEvent(9, 12, { tool_name: "Grep" })]);
    expect(turns.map((turn) => turn.event_ids)).toEqual([[], [9], []]);
  });

  it("times a turn from its prompt to its last step or call end", async () => {
    writeSession();
    const { turns } = await turnsOf([toolEvent(7, 12, { tool_name: "Bash", prompt_id: "p-2", duration_ms: 15_000 })]);
    expect(turns.map((turn) => turn.duration_ms)).toEqual([2000, 17_000, 1000]);
  });

  it("links a tool call of the conversation to its timeline event", async () => {
    writeSession();
    const { conversation } = await turnsOf([toolEvent(7, 12, { tool_name: "Bash", tool_use_id: "toolu_0001" })]);
    expect(conversation.find((entry) => entry.kind === "tool_use")).toMatchObject({
      text: "Bash",
      tool_use_id: "toolu_0001",
      event_id: 7,
      turn: 2,
    });
  });

  it("gives each response of the conversation its own tokens and cost", async () => {
    writeSession();
    const { conversation } = await turnsOf();
    const first = conversation.find((entry) => entry.kind === "response");
    expect(first).toMatchObject({ model: SONNET, tokens: { input: 3, output: 101, cache_write: 1026, cache_read: 20_011 }, turn: 1 });
  });

  it("shows a redacted thinking block as such, in its turn", async () => {
    writeSession();
    const { conversation } = await turnsOf();
    expect(conversation.find((entry) => entry.kind === "thinking")).toMatchObject({ text: "", redacted: true, turn: 2 });
  });

  it("records a compaction in its turn", async () => {
    project.write(project.transcriptPath, [
      promptLine(at(0), "go"),
      ...answer(1, "msg_1", 1, [{ type: "text", text: "working" }]),
      ...compactBoundaryLines(at(3), "auto", 154_000),
      ...answer(4, "msg_2", 1, [{ type: "text", text: "still working" }]),
    ]);
    const { turns, compactions } = await turnsOf();
    expect([compactions, turns[0]?.compactions, turns[0]?.responses]).toEqual([
      [{ timestamp: "2026-03-02T14:00:03.000Z", trigger: "auto", pre_tokens: 154_000, turn: 1 }],
      1,
      2,
    ]);
  });

  it("keeps the start and end of a long conversation and says how many steps it left out", async () => {
    const lines = Array.from({ length: 50 }, (_, i) => [
      promptLine(at(i), `prompt ${i}`),
      ...answer(i, `msg_${i}`, 1, [{ type: "text", text: `answer ${i}` }]),
    ]);
    project.write(project.transcriptPath, lines.flat());
    const { conversation } = await turnsOf([], { maxEntries: 20, maxTextChars: 1_000_000 });
    const omitted = conversation.find((entry) => entry.kind === "omitted");
    expect([conversation.length, omitted?.omitted, omitted?.text, conversation.at(-1)?.text]).toEqual([
      21,
      130,
      "turns 4 to 47",
      "answer 49",
    ]);
  });

  it("keeps every turn's cost when the conversation is cut", async () => {
    const lines = Array.from({ length: 50 }, (_, i) => [
      promptLine(at(i), `prompt ${i}`),
      ...answer(i, `msg_${i}`, 1, [{ type: "text", text: "x" }]),
    ]);
    project.write(project.transcriptPath, lines.flat());
    const { turns, reading } = await turnsOf([], { maxEntries: 20, maxTextChars: 1_000_000 });
    const sum = turns.reduce((acc, turn) => acc + pico(turn.cost_usd), 0n);
    expect([turns.length, sum]).toEqual([50, pico(costOfUsage(reading.usage.by_model).total_cost_usd)]);
  });
});
