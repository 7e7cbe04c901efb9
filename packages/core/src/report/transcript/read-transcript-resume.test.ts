import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assistantLines, createFixtureProject, promptLine, type FixtureProject } from "./claude-transcript.fixture.js";
import { readTranscript } from "./read-transcript.js";
import type { TraceEntry } from "./trace-entry.js";
import { parseTranscriptState, TranscriptStateError } from "./transcript-state.js";

let project: FixtureProject;
let main: { sessionId: string };

beforeEach(() => {
  project = createFixtureProject();
  main = { sessionId: project.sessionId };
});
afterEach(() => project.cleanup());

function response(id: string, texts: readonly string[], context: { sessionId: string; agentId?: string } = main) {
  return assistantLines(context, {
    id,
    requestId: `req_${id}`,
    model: "claude-sonnet-4-5-20250929",
    blocks: texts.map((text) => ({ type: "text" as const, text })),
    usage: { input: 10, output: 60, cacheWrite1h: 7, cacheRead: 100 },
  });
}

/** The prompts and answer texts of a trace. */
function textsOf(trace: readonly TraceEntry[]): string[] {
  return trace.flatMap((entry) => (entry.kind === "prompt" || entry.kind === "assistant_text" ? [entry.text] : []));
}

/** Saves a reading's state as a hook would, and loads it back. */
function roundTrip(state: unknown) {
  return parseTranscriptState(JSON.parse(JSON.stringify(state)));
}

describe("readTranscript resuming", () => {
  it("continues from the offset reached, reading only the new lines", async () => {
    project.write(project.transcriptPath, [promptLine(main, "one"), ...response("msg_1", ["first"])]);
    const first = await readTranscript(project.transcriptPath);
    appendFileSync(project.transcriptPath, `${promptLine(main, "two")}\n`);
    const second = await readTranscript(project.transcriptPath, { resume: roundTrip(first.state) });
    expect([textsOf(second.trace), second.files[0]?.lines]).toEqual([["two"], 3]);
  });

  it("gives the same totals as one reading when a response is split across readings", async () => {
    const [early, late] = response("msg_1", ["a", "b"]);
    project.write(project.transcriptPath, [early ?? ""]);
    const first = await readTranscript(project.transcriptPath);
    appendFileSync(project.transcriptPath, `${late}\n${response("msg_2", ["c"]).join("\n")}\n`);
    const resumed = await readTranscript(project.transcriptPath, { resume: roundTrip(first.state) });
    const whole = await readTranscript(project.transcriptPath);
    expect(resumed.usage).toEqual(whole.usage);
  });

  it("reads a truncated last line once it has been completed", async () => {
    const [line] = response("msg_1", ["done"]);
    project.write(project.transcriptPath, [promptLine(main, "go")], (line ?? "").slice(0, 90));
    const first = await readTranscript(project.transcriptPath);
    appendFileSync(project.transcriptPath, `${(line ?? "").slice(90)}\n`);
    const second = await readTranscript(project.transcriptPath, { resume: roundTrip(first.state) });
    expect([first.usage.total.responses, second.usage.total.responses, second.lines.corrupt]).toEqual([0, 1, 0]);
  });

  it("picks up subagent files that appeared since the last reading", async () => {
    project.write(project.transcriptPath, [promptLine(main, "go")]);
    const first = await readTranscript(project.transcriptPath);
    project.write(join(project.subagentDir, "agent-a1.jsonl"), response("msg_s", ["sub"], { ...main, agentId: "a1" }));
    const second = await readTranscript(project.transcriptPath, { resume: roundTrip(first.state) });
    expect(second.subagents.map((agent) => agent.agent_id)).toEqual(["a1"]);
  });

  it("places a response split across readings once, in the reading of its first line", async () => {
    const [early, late] = response("msg_1", ["a", "b"]);
    project.write(project.transcriptPath, [early ?? ""]);
    const first = await readTranscript(project.transcriptPath);
    appendFileSync(project.transcriptPath, `${late}\n`);
    const second = await readTranscript(project.transcriptPath, { resume: roundTrip(first.state) });
    const responses = (trace: readonly TraceEntry[]) => trace.filter((entry) => entry.kind === "response").length;
    expect([responses(first.trace), responses(second.trace)]).toEqual([1, 0]);
  });

  it("reads a file again from the start when it became shorter than the saved offset", async () => {
    project.write(project.transcriptPath, [promptLine(main, "a long first prompt"), ...response("msg_1", ["x"])]);
    const first = await readTranscript(project.transcriptPath);
    writeFileSync(project.transcriptPath, `${promptLine(main, "new")}\n`);
    const second = await readTranscript(project.transcriptPath, { resume: roundTrip(first.state) });
    expect([second.files[0]?.restarted, textsOf(second.trace)]).toEqual([true, ["new"]]);
  });

  it("does not change the state it was given", async () => {
    project.write(project.transcriptPath, [promptLine(main, "go")]);
    const first = await readTranscript(project.transcriptPath);
    const saved = JSON.stringify(first.state);
    appendFileSync(project.transcriptPath, `${response("msg_1", ["x"]).join("\n")}\n`);
    await readTranscript(project.transcriptPath, { resume: first.state });
    expect(JSON.stringify(first.state)).toBe(saved);
  });

  it("refuses the state of another session", async () => {
    const other = await readTranscript(join(project.projectDir, "other-session.jsonl"));
    await expect(readTranscript(project.transcriptPath, { resume: other.state })).rejects.toThrow(TranscriptStateError);
  });
});

describe("parseTranscriptState", () => {
  it("rejects what readTranscript did not write, saying what it expected", () => {
    expect(() => parseTranscriptState({ version: 1, session_id: "s" })).toThrow(/expected the `state` of a TranscriptReading/);
  });
});
