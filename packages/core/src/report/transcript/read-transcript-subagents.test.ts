import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assistantLines, createFixtureProject, promptLine, type FixtureProject } from "./claude-transcript.fixture.js";
import { readTranscript } from "./read-transcript.js";

const HAIKU = "claude-haiku-4-5-20251001";
let project: FixtureProject;

beforeEach(() => {
  project = createFixtureProject();
});
afterEach(() => project.cleanup());

/** A subagent's turn: a text line and two tool_use lines of one response. */
function agentTurn(context: { sessionId: string; agentId?: string; isSidechain?: boolean }, id: string) {
  return assistantLines(context, {
    id,
    requestId: `req_${id}`,
    model: HAIKU,
    blocks: [
      { type: "text", text: "Looking." },
      { type: "tool_use", id: `toolu_${id}_1`, name: "Grep", input: { pattern: "x" } },
      { type: "tool_use", id: `toolu_${id}_2`, name: "Read", input: { file_path: "/a" } },
    ],
    usage: { input: 20, output: 30, cacheRead: 500 },
  });
}

describe("readTranscript subagents", () => {
  it("includes subagent files of the 2.1.197 layout, typed from their meta file", async () => {
    const agent = { sessionId: project.sessionId, agentId: "a1b2c3" };
    project.write(project.transcriptPath, [promptLine({ sessionId: project.sessionId }, "go")]);
    project.write(join(project.subagentDir, "agent-a1b2c3.jsonl"), [promptLine(agent, "search"), ...agentTurn(agent, "msg_1")]);
    writeFileSync(
      join(project.subagentDir, "agent-a1b2c3.meta.json"),
      JSON.stringify({ agentType: "Explore", description: "find", toolUseId: "toolu_0" }),
    );
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.subagents).toEqual([
      {
        agent_id: "a1b2c3",
        agent_type: "Explore",
        tool_uses: 2,
        usage: {
          input_tokens: 20,
          output_tokens: 30,
          cache_write_5m_tokens: 0,
          cache_write_1h_tokens: 0,
          cache_read_tokens: 500,
          web_search_requests: 0,
          responses: 1,
        },
        usage_by_model: {
          [HAIKU]: {
            input_tokens: 20,
            output_tokens: 30,
            cache_write_5m_tokens: 0,
            cache_write_1h_tokens: 0,
            cache_read_tokens: 500,
            web_search_requests: 0,
            responses: 1,
            fast_mode: null,
          },
        },
      },
    ]);
  });

  it("adds subagent usage to the model totals", async () => {
    const agent = { sessionId: project.sessionId, agentId: "a1" };
    project.write(project.transcriptPath, [promptLine({ sessionId: project.sessionId }, "go")]);
    project.write(join(project.subagentDir, "agent-a1.jsonl"), [...agentTurn(agent, "msg_1"), ...agentTurn(agent, "msg_2")]);
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.usage.by_model[HAIKU]?.input_tokens).toBe(40);
  });

  it("attributes legacy inline sidechain lines to a subagent", async () => {
    const inline = { sessionId: project.sessionId, isSidechain: true };
    project.write(project.transcriptPath, [promptLine({ sessionId: project.sessionId }, "go"), ...agentTurn(inline, "msg_1")]);
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.subagents.map((agent) => [agent.agent_id, agent.agent_type, agent.tool_uses])).toEqual([["sidechain", null, 2]]);
  });

  it("includes legacy agent files in the project folder that belong to the session", async () => {
    const legacy = { sessionId: project.sessionId, agentId: "old1" };
    project.write(project.transcriptPath, [promptLine({ sessionId: project.sessionId }, "go")]);
    project.write(join(project.projectDir, "agent-old1.jsonl"), agentTurn(legacy, "msg_1"));
    const reading = await readTranscript(project.transcriptPath);
    expect([reading.files.map((file) => file.kind), reading.usage.total.responses]).toEqual([["main", "legacy_agent"], 1]);
  });

  it("ignores legacy agent files of other sessions", async () => {
    const other = { sessionId: "another-session", agentId: "old2" };
    project.write(project.transcriptPath, [promptLine({ sessionId: project.sessionId }, "go")]);
    project.write(join(project.projectDir, "agent-old2.jsonl"), agentTurn(other, "msg_1"));
    const reading = await readTranscript(project.transcriptPath);
    expect([reading.files.length, reading.state.foreign_files.length, reading.usage.total.responses]).toEqual([1, 1, 0]);
  });

  it("counts a response found in two files once", async () => {
    const agent = { sessionId: project.sessionId, agentId: "a1" };
    const turn = agentTurn(agent, "msg_1");
    project.write(
      project.transcriptPath,
      turn.map((line) => line.replace('"agentId":"a1",', "")),
    );
    project.write(join(project.subagentDir, "agent-a1.jsonl"), turn);
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.usage.total.responses).toBe(1);
  });
});
