import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  assistantLines,
  compactBoundaryLines,
  createFixtureProject,
  promptLine,
  toolResultLine,
  type FixtureProject,
} from "./claude-transcript.fixture.js";
import { readTranscript } from "./read-transcript.js";
import type { TraceEntry } from "./trace-entry.js";

const OPUS = "claude-opus-4-8";
let project: FixtureProject;
let main: { sessionId: string; timestamp?: string };

beforeEach(() => {
  project = createFixtureProject();
  main = { sessionId: project.sessionId };
});
afterEach(() => project.cleanup());

/** The prompts and answer texts of a trace. */
function textEntriesOf(trace: readonly TraceEntry[]) {
  return trace.flatMap((entry) => (entry.kind === "prompt" || entry.kind === "assistant_text" ? [entry] : []));
}

function answer(id: string, blocks: Parameters<typeof assistantLines>[1]["blocks"], timestamp = "2026-11-21T10:00:05.000Z") {
  return assistantLines({ ...main, timestamp }, { id, requestId: `req_${id}`, model: OPUS, blocks, usage: { input: 1, output: 1 } });
}

describe("readTranscript trace", () => {
  it("lists prompts as typed and answer texts, in order, with timestamps and model", async () => {
    project.write(project.transcriptPath, [
      promptLine({ ...main, timestamp: "2026-11-21T10:00:00.000Z" }, "fix the bug"),
      ...answer("msg_1", [
        { type: "thinking", thinking: "hmm" },
        { type: "text", text: "Looking." },
        { type: "tool_use", id: "toolu_1", name: "Read", input: {} },
      ]),
      toolResultLine(main, "toolu_1", "file text", { type: "text", file: { filePath: "/a", content: "file text" } }),
      ...answer("msg_2", [{ type: "text", text: "Fixed." }], "2026-11-21T10:00:09.000Z"),
    ]);
    const reading = await readTranscript(project.transcriptPath);
    expect(textEntriesOf(reading.trace).map(({ kind, text, timestamp, model }) => ({ kind, text, timestamp, model }))).toEqual([
      { kind: "prompt", text: "fix the bug", timestamp: "2026-11-21T10:00:00.000Z", model: null },
      { kind: "assistant_text", text: "Looking.", timestamp: "2026-11-21T10:00:05.000Z", model: OPUS },
      { kind: "assistant_text", text: "Fixed.", timestamp: "2026-11-21T10:00:09.000Z", model: OPUS },
    ]);
  });

  it("leaves out meta and compact-summary user lines", async () => {
    project.write(project.transcriptPath, [
      promptLine(main, "<system-reminder>x</system-reminder>", { isMeta: true }),
      promptLine(main, "This session is being continued…", { isCompactSummary: true }),
      promptLine(main, "typed"),
    ]);
    const reading = await readTranscript(project.transcriptPath);
    expect(textEntriesOf(reading.trace).map((entry) => entry.text)).toEqual(["typed"]);
  });

  it("leaves subagent prompts and texts out of the main trace", async () => {
    const agent = { sessionId: project.sessionId, agentId: "a1" };
    project.write(project.transcriptPath, [promptLine(main, "go")]);
    project.write(join(project.subagentDir, "agent-a1.jsonl"), [
      promptLine(agent, "search for x"),
      ...assistantLines(agent, { id: "msg_s", model: OPUS, blocks: [{ type: "text", text: "found" }], usage: { input: 1, output: 1 } }),
    ]);
    const reading = await readTranscript(project.transcriptPath);
    expect(textEntriesOf(reading.trace).map((entry) => entry.text)).toEqual(["go"]);
  });

  it("cuts long texts to the trace limit, marked as truncated", async () => {
    project.write(project.transcriptPath, [promptLine(main, "p".repeat(5000))]);
    const reading = await readTranscript(project.transcriptPath, { traceTextLimitBytes: 1000 });
    const [prompt] = textEntriesOf(reading.trace);
    expect([prompt?.truncated, (prompt?.text.length ?? 0) < 1100]).toEqual([true, true]);
  });
});

describe("readTranscript conversation steps", () => {
  it("places each response once, at its first line, with the tool calls and thinking of the main thread", async () => {
    project.write(project.transcriptPath, [
      promptLine(main, "fix it", { promptId: "p-1" }),
      ...answer("msg_1", [
        { type: "thinking", thinking: "", signature: "EqQBCkYIBxgC" },
        { type: "tool_use", id: "toolu_1", name: "Read", input: {} },
      ]),
      toolResultLine(main, "toolu_1", "text", { type: "text" }),
      ...answer("msg_2", [{ type: "text", text: "Done." }]),
    ]);
    const reading = await readTranscript(project.transcriptPath);
    const said = (entry: TraceEntry) =>
      entry.kind === "response" ? entry.key : entry.kind === "tool_use" ? entry.name : "text" in entry ? entry.text : "";
    expect(reading.trace.map((entry) => [entry.kind, said(entry)])).toEqual([
      ["prompt", "fix it"],
      ["response", "msg_1:req_msg_1"],
      ["thinking", ""],
      ["tool_use", "Read"],
      ["response", "msg_2:req_msg_2"],
      ["assistant_text", "Done."],
    ]);
  });

  it("marks a thinking block whose text the transcript left out as redacted", async () => {
    project.write(project.transcriptPath, answer("msg_1", [{ type: "thinking", thinking: "", signature: "EqQBCkYIBxgC" }]));
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.trace.find((entry) => entry.kind === "thinking")).toMatchObject({ redacted: true, text: "" });
  });

  it("keeps the prompt id that joins a prompt to Warden's record of it", async () => {
    project.write(project.transcriptPath, [promptLine(main, "go", { promptId: "p-7" })]);
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.trace[0]).toMatchObject({ kind: "prompt", prompt_id: "p-7" });
  });

  it("gives a subagent's responses, and nothing else of its conversation", async () => {
    const agent = { sessionId: project.sessionId, agentId: "a1", timestamp: "2026-11-21T10:00:04.000Z" };
    project.write(project.transcriptPath, [promptLine(main, "go")]);
    project.write(join(project.subagentDir, "agent-a1.jsonl"), [
      promptLine(agent, "search"),
      ...assistantLines(agent, {
        id: "msg_s",
        model: OPUS,
        blocks: [
          { type: "thinking", thinking: "where?" },
          { type: "tool_use", id: "toolu_s", name: "Grep", input: {} },
        ],
        usage: { input: 1, output: 1 },
      }),
    ]);
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.trace.slice(1)).toEqual([
      { kind: "response", key: "msg_s", model: OPUS, agent_id: "a1", timestamp: "2026-11-21T10:00:04.000Z", uuid: expect.any(String) },
    ]);
  });

  it("records a compaction with its trigger and the tokens before it, and not its summary as a prompt", async () => {
    project.write(project.transcriptPath, [
      promptLine(main, "go"),
      ...compactBoundaryLines(main, "auto", 154_321),
      promptLine(main, "next"),
    ]);
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.trace.map((entry) => (entry.kind === "compaction" ? [entry.trigger, entry.pre_tokens] : entry.kind))).toEqual([
      "prompt",
      ["auto", 154_321],
      "prompt",
    ]);
  });
});

describe("readTranscript tool use", () => {
  it("lists every tool_use id, subagents included", async () => {
    const agent = { sessionId: project.sessionId, agentId: "a1" };
    project.write(
      project.transcriptPath,
      answer("msg_1", [
        { type: "tool_use", id: "toolu_1", name: "Bash", input: {} },
        { type: "tool_use", id: "toolu_2", name: "Agent", input: {} },
      ]),
    );
    project.write(
      join(project.subagentDir, "agent-a1.jsonl"),
      assistantLines(agent, {
        id: "msg_s",
        model: OPUS,
        blocks: [{ type: "tool_use", id: "toolu_3", name: "Grep", input: {} }],
        usage: { input: 1, output: 1 },
      }),
    );
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.tool_use_ids).toEqual(["toolu_1", "toolu_2", "toolu_3"]);
  });

  it("counts skills used through the Skill tool", async () => {
    project.write(project.transcriptPath, [
      ...answer("msg_1", [{ type: "tool_use", id: "toolu_1", name: "Skill", input: { skill: "review" } }]),
      ...answer("msg_2", [{ type: "tool_use", id: "toolu_2", name: "Skill", input: { skill: "review", args: "src/" } }]),
      ...answer("msg_3", [{ type: "tool_use", id: "toolu_3", name: "Skill", input: { skill: "pdf" } }]),
    ]);
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.skills).toEqual([
      { skill: "review", uses: 2 },
      { skill: "pdf", uses: 1 },
    ]);
  });

  it("names the MCP servers used and their tools", async () => {
    project.write(project.transcriptPath, [
      ...answer("msg_1", [{ type: "tool_use", id: "toolu_1", name: "mcp__github__create_issue", input: {} }]),
      ...answer("msg_2", [
        { type: "tool_use", id: "toolu_2", name: "mcp__plugin_x_db__query", input: {} },
        { type: "tool_use", id: "toolu_3", name: "mcp__github__list_prs", input: {} },
      ]),
    ]);
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.mcp_servers).toEqual([
      { server: "github", tools: ["create_issue", "list_prs"], uses: 2 },
      { server: "plugin_x_db", tools: ["query"], uses: 1 },
    ]);
  });
});
