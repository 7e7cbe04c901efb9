import { afterEach, describe, expect, it } from "vitest";
import {
  assistantLines,
  createFixtureProject,
  metadataLines,
  promptLine,
  type FixtureProject,
} from "../transcript/claude-transcript.fixture.js";
import { readFirstPrompt } from "./transcript-first-prompt.js";

let project: FixtureProject | undefined;
afterEach(() => project?.cleanup());

function fixture(): FixtureProject {
  project = createFixtureProject();
  return project;
}

const response = {
  id: "msg_01",
  requestId: "req_01",
  model: "claude-sonnet-4-5-20250929",
  blocks: [{ type: "text", text: "Done." }],
  usage: { input: 10, output: 5 },
} as const;

describe("readFirstPrompt", () => {
  it("reads the first prompt typed, after the metadata lines", async () => {
    const p = fixture();
    const context = { sessionId: p.sessionId };
    p.write(p.transcriptPath, [
      ...metadataLines(context),
      promptLine(context, "Fix the cart total."),
      ...assistantLines(context, response),
      promptLine(context, "Now the tests."),
    ]);
    expect(await readFirstPrompt(p.transcriptPath)).toBe("Fix the cart total.");
  });

  it("masks a secret in it", async () => {
    const p = fixture();
    p.write(p.transcriptPath, [
      promptLine({ sessionId: p.sessionId }, "deploy with ANTHROPIC_API_KEY=sk-ant-api03-abcdefghijklmnopqrstuvwxyz"),
    ]);
    expect(await readFirstPrompt(p.transcriptPath)).toMatch(/^deploy with ANTHROPIC_API_KEY=\[REDACTED:[a-z-]+:\d+:[0-9a-f]{12}\]$/);
  });

  it.each([
    ["meta", { isMeta: true }],
    ["compaction summary", { isCompactSummary: true }],
    ["transcript-only", { isVisibleInTranscriptOnly: true }],
  ])("skips a %s line", async (_what, extra) => {
    const p = fixture();
    const context = { sessionId: p.sessionId };
    p.write(p.transcriptPath, [promptLine(context, "<command-name>/clear</command-name>", extra), promptLine(context, "Real prompt.")]);
    expect(await readFirstPrompt(p.transcriptPath)).toBe("Real prompt.");
  });

  it("skips a subagent's prompt", async () => {
    const p = fixture();
    p.write(p.transcriptPath, [
      promptLine({ sessionId: p.sessionId, agentId: "a1b2c3" }, "Find where quantity is defined."),
      promptLine({ sessionId: p.sessionId }, "Main prompt."),
    ]);
    expect(await readFirstPrompt(p.transcriptPath)).toBe("Main prompt.");
  });

  it("gives null for a transcript with no prompt", async () => {
    const p = fixture();
    p.write(p.transcriptPath, assistantLines({ sessionId: p.sessionId }, response));
    expect(await readFirstPrompt(p.transcriptPath)).toBeNull();
  });

  it("stops looking past the bytes it scans", async () => {
    const p = fixture();
    const context = { sessionId: p.sessionId };
    p.write(p.transcriptPath, [...assistantLines(context, response), promptLine(context, "Too far down.")]);
    expect(await readFirstPrompt(p.transcriptPath, 10)).toBeNull();
  });

  it("gives null for a missing file", async () => {
    const p = fixture();
    expect(await readFirstPrompt(p.transcriptPath)).toBeNull();
  });
});
