import { describe, expect, it } from "vitest";
import { describeToolCall } from "./describe-tool-call.js";

const PROJECT = "/home/dev/app";

describe("describeToolCall", () => {
  it.each([
    ["Bash", { command: "npm test\n  -- --run", description: "Run tests" }, "npm test -- --run"],
    ["Read", { file_path: "/home/dev/app/src/a.ts" }, "src/a.ts"],
    ["Edit", { file_path: "/etc/hosts", old_string: "a", new_string: "b" }, "/etc/hosts"],
    ["Grep", { pattern: "TODO", path: "/home/dev/app/src" }, "TODO in src"],
    ["Glob", { pattern: "**/*.ts" }, "**/*.ts"],
    ["Task", { subagent_type: "Explore", description: "Find callers" }, "Explore: Find callers"],
    ["TodoWrite", { todos: [{}, {}, {}] }, "3 todos"],
    ["WebFetch", { url: "https://example.com", prompt: "summarize" }, "https://example.com"],
    ["mcp__github__create_issue", { owner: "acme", title: "Bug" }, "acme"],
    ["Unknown", 42, ""],
  ])("describes %s", (tool, input, expected) => {
    expect(describeToolCall(tool, input, PROJECT)).toBe(expected);
  });

  it("cuts long descriptions to max characters", () => {
    expect(describeToolCall("Bash", { command: "x".repeat(500) }, PROJECT, 20)).toBe(`${"x".repeat(19)}…`);
  });
});
