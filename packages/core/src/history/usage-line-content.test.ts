import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assistantLines } from "../report/transcript/claude-transcript.fixture.js";
import { createHistory, SONNET, type FixtureHistory } from "./claude-history.fixture.js";
import { readUsageHistory } from "./usage-history.js";

let history: FixtureHistory;
beforeEach(() => {
  history = createHistory();
});
afterEach(() => history.cleanup());

const A = "aaaaaaaa-0000-4000-8000-000000000001";

/** The scan skips the message's content unparsed: what a tool input holds must not change the usage read. */
describe("an assistant line's content", () => {
  it("does not disturb the usage read after it, whatever its strings and objects hold", async () => {
    const input = {
      file_path: "/tmp/x.json",
      content: '}]{"usage":{"output_tokens":999999}},"content":[',
      nested: { content: [{ content: '\\"}' }], usage: { input_tokens: 888888 } },
    };
    history.write(
      history.transcriptPath(A),
      assistantLines(
        { sessionId: A },
        {
          id: "msg_1",
          requestId: "req_1",
          model: SONNET,
          blocks: [{ type: "tool_use", id: "toolu_1", name: "Write", input }],
          usage: { input: 12, output: 34 },
        },
      ),
    );
    const usage = await readUsageHistory(history.claudeDir);
    const counts = usage.sessions[0]?.cells[0]?.counts;
    expect({
      input: counts?.input_tokens,
      output: counts?.output_tokens,
      invalid: usage.read.invalid_lines,
      corrupt: usage.read.corrupt_lines,
    }).toEqual({
      input: 12,
      output: 34,
      invalid: 0,
      corrupt: 0,
    });
  });
});
