import { describe, expect, it } from "vitest";
import { parseMcpToolName } from "./mcp-tool-name.js";

describe("parseMcpToolName", () => {
  it.each([
    ["mcp__github__create_issue", { server: "github", tool: "create_issue" }],
    ["mcp__plugin_x_db__run__query", { server: "plugin_x_db", tool: "run__query" }],
    ["mcp_____y", { server: "_", tool: "y" }],
    ["mcp__github", null],
    ["mcp__github__", null],
    ["Bash", null],
  ])("splits %s", (name, expected) => {
    expect(parseMcpToolName(name)).toEqual(expected);
  });
});
