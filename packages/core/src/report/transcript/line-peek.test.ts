import { describe, expect, it } from "vitest";
import { assistantLines, promptLine, toolResultLine } from "./claude-transcript.fixture.js";
import { peekLine, type LinePeek } from "./line-peek.js";

const context = { sessionId: "s-1" };

function peek(line: string): LinePeek {
  const buffer = Buffer.from(`xx${line}yy`);
  return peekLine(buffer, 2, buffer.length - 2);
}

const assistant =
  assistantLines(context, {
    id: "msg_1",
    requestId: "req_1",
    model: "claude-sonnet-4-5-20250929",
    blocks: [{ type: "tool_use", id: "toolu_1", name: "Bash", input: { command: "ls" } }],
    usage: { input: 1, output: 2 },
  })[0] ?? "";

describe("peekLine", () => {
  it.each<[string, string, LinePeek]>([
    ["an assistant line (type after message)", assistant, { kind: "typed", type: "assistant", content: "array" }],
    ["a typed prompt", promptLine(context, "hello"), { kind: "typed", type: "user", content: "string" }],
    [
      "a tool result",
      toolResultLine(context, "toolu_1", "x".repeat(100_000), { stdout: "x" }),
      { kind: "typed", type: "user", content: "array" },
    ],
    ["a metadata line", '{"type":"last-prompt","lastPrompt":"go"}', { kind: "typed", type: "last-prompt", content: null }],
    [
      "a user line with type last",
      '{"message":{"role":"user","content":"hi"},"type":"user"}',
      { kind: "typed", type: "user", content: "string" },
    ],
    [
      "a user line with spaces",
      ' { "type" : "user" , "message" : { "content" : [ ] } } ',
      { kind: "typed", type: "user", content: "array" },
    ],
    [
      "structure inside strings",
      '{"a":"\\"type\\":\\"assistant\\"}{[","b":{"type":"assistant"},"type":"user","message":{"content":"x"}}',
      { kind: "typed", type: "user", content: "string" },
    ],
    ["an object without type", '{"leafUuid":"u"}', { kind: "untyped" }],
    ["an empty object", "{}", { kind: "untyped" }],
    ["an empty line", "", { kind: "blank" }],
    ["a line of spaces", "   ", { kind: "blank" }],
  ])("classifies %s", (_name, line, expected) => {
    expect(peek(line)).toEqual(expected);
  });

  it.each([
    ["not JSON", "garbage here"],
    ["a cut-off line", assistant.slice(0, 120)],
    ["two lines glued by a crash", `${assistant.slice(0, 80)}${assistant}`],
    ["trailing garbage", '{"leafUuid":"u"} x'],
    ["an unclosed string", '{"type":"user'],
  ])("reports %s as corrupt", (_name, line) => {
    expect(peek(line)).toEqual({ kind: "corrupt" });
  });
});
