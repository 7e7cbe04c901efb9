import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  assistantLines,
  createFixtureProject,
  metadataLines,
  promptLine,
  toolResultLine,
  type FixtureProject,
} from "./claude-transcript.fixture.js";
import { readTranscript } from "./read-transcript.js";

const SONNET = "claude-sonnet-4-5-20250929";
let project: FixtureProject;
let main: { sessionId: string };

beforeEach(() => {
  project = createFixtureProject();
  main = { sessionId: project.sessionId };
});
afterEach(() => project.cleanup());

/** A response written as three lines (thinking, text, tool_use), as Claude Code splits it. */
function splitResponse(id: string, requestId: string | undefined, output: number) {
  return assistantLines(main, {
    id,
    requestId,
    model: SONNET,
    blocks: [
      { type: "thinking", thinking: "hmm" },
      { type: "text", text: "Running it." },
      { type: "tool_use", id: `toolu_${id}`, name: "Bash", input: { command: "ls" } },
    ],
    usage: { input: 12, output, cacheWrite5m: 400, cacheWrite1h: 100, cacheRead: 9000 },
  });
}

describe("readTranscript usage", () => {
  it("counts a response split over several lines once, with its final output", async () => {
    project.write(project.transcriptPath, [promptLine(main, "go"), ...splitResponse("msg_1", "req_1", 90)]);
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.usage.by_model[SONNET]).toEqual({
      input_tokens: 12,
      output_tokens: 90,
      cache_write_5m_tokens: 400,
      cache_write_1h_tokens: 100,
      cache_read_tokens: 9000,
      web_search_requests: 0,
      responses: 1,
      fast_mode: null,
    });
  });

  it("keys responses without a requestId by message id alone", async () => {
    project.write(project.transcriptPath, [...splitResponse("msg_1", undefined, 90), ...splitResponse("msg_2", undefined, 50)]);
    const reading = await readTranscript(project.transcriptPath);
    expect([reading.usage.total.responses, reading.usage.total.output_tokens]).toEqual([2, 140]);
  });

  it("counts the same response once when it appears again later (resumed copy)", async () => {
    const lines = splitResponse("msg_1", "req_1", 90);
    project.write(project.transcriptPath, [...lines, toolResultLine(main, "toolu_msg_1", "a\nb", { stdout: "a\nb" }), ...lines]);
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.usage.total.input_tokens).toBe(12);
  });

  it("totals each model apart", async () => {
    const opus = assistantLines(main, {
      id: "msg_o",
      requestId: "req_o",
      model: "claude-opus-4-8",
      blocks: [{ type: "text", text: "hi" }],
      usage: { input: 3, output: 4 },
    });
    project.write(project.transcriptPath, [...splitResponse("msg_1", "req_1", 90), ...opus]);
    const reading = await readTranscript(project.transcriptPath);
    expect(Object.keys(reading.usage.by_model)).toEqual([SONNET, "claude-opus-4-8"]);
  });

  it("leaves out the zero usage of Claude Code's synthetic messages", async () => {
    const synthetic = assistantLines(main, {
      id: "msg_s",
      model: "<synthetic>",
      blocks: [{ type: "text", text: "API Error" }],
      usage: { input: 0, output: 0 },
    });
    project.write(project.transcriptPath, synthetic);
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.usage.by_model).toEqual({});
  });

  it("keeps fast-mode responses apart for pricing", async () => {
    const fast = assistantLines(main, {
      id: "msg_f",
      requestId: "r",
      model: "claude-opus-4-6",
      blocks: [{ type: "text", text: "quick" }],
      usage: { input: 5, output: 7, speed: "fast" },
    });
    project.write(project.transcriptPath, fast);
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.usage.by_model["claude-opus-4-6"]?.fast_mode).toMatchObject({ input_tokens: 5, output_tokens: 7 });
  });

  it("bills an advisor's usage inside a response to the advisor's model", async () => {
    const advisor = {
      type: "advisor_message",
      model: "claude-opus-4-8",
      input_tokens: 900,
      output_tokens: 60,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    };
    const lines = assistantLines(main, {
      id: "msg_a",
      requestId: "r",
      model: SONNET,
      blocks: [{ type: "text", text: "ok" }],
      usage: { input: 5, output: 7, iterations: [advisor] },
    });
    project.write(project.transcriptPath, lines);
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.usage.by_model["claude-opus-4-8"]).toMatchObject({ input_tokens: 900, output_tokens: 60, responses: 1 });
  });
});

describe("readTranscript tolerance", () => {
  it("reports a transcript that does not exist yet as not found, with no usage", async () => {
    const reading = await readTranscript(project.transcriptPath);
    expect([reading.found, reading.usage.total.responses, reading.files[0]?.found]).toEqual([false, 0, false]);
  });

  it("leaves a truncated last line unread and pending", async () => {
    const [complete, cut] = splitResponse("msg_1", "req_1", 90).slice(1);
    project.write(project.transcriptPath, [complete ?? ""], (cut ?? "").slice(0, 150));
    const reading = await readTranscript(project.transcriptPath);
    expect([reading.lines.read, reading.lines.corrupt, reading.files[0]?.pending_tail_bytes]).toEqual([1, 0, 150]);
  });

  it("skips and counts a corrupt line, and reads on", async () => {
    const lines = splitResponse("msg_1", "req_1", 90);
    project.write(project.transcriptPath, [promptLine(main, "go"), '{"parentUuid":"x","message":{"id":"msg_9"', ...lines]);
    const reading = await readTranscript(project.transcriptPath);
    expect([reading.lines.corrupt, reading.usage.total.responses]).toEqual([1, 1]);
  });

  it("counts lines of unknown types and skips them", async () => {
    project.write(project.transcriptPath, [
      ...metadataLines(main),
      '{"type":"hologram","sessionId":"s"}',
      ...splitResponse("msg_1", "req_1", 90),
    ]);
    const reading = await readTranscript(project.transcriptPath);
    expect([reading.lines.unknown_type, reading.lines.read, reading.usage.total.responses]).toEqual([1, 8, 1]);
  });

  it("counts an assistant line without the shape it needs as invalid", async () => {
    project.write(project.transcriptPath, ['{"type":"assistant","message":"not an object"}']);
    const reading = await readTranscript(project.transcriptPath);
    expect(reading.lines.invalid).toBe(1);
  });
});
