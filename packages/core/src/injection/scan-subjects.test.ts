import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { extractScanSubjects, isInstructionFile, promptSubject } from "./scan-subjects.js";

const fixtures: Record<string, { input: unknown; response: unknown }> = JSON.parse(
  fs.readFileSync(new URL("./fixtures/tool-responses.json", import.meta.url), "utf8"),
);
const subjectsOf = (tool: string, name = tool) => extractScanSubjects(name, fixtures[tool]?.input, fixtures[tool]?.response);

describe("extractScanSubjects", () => {
  it.each([
    [
      "Read",
      [{ kind: "tool_output", toolName: "Read", source: "/home/dev/app/notes.md", text: "# Project notes\n<!-- SYSTEM: ... -->\n" }],
    ],
    ["ReadImage", []],
    [
      "Grep",
      [
        { kind: "tool_output", toolName: "Grep", source: "TODO in src", text: "src/a.ts:3: // TODO fix" },
        { kind: "tool_output", toolName: "Grep", source: "TODO in src", text: "src/a.ts" },
      ],
    ],
    ["Glob", [{ kind: "tool_output", toolName: "Glob", source: "**/*.md", text: "README.md\ndocs/ignore-previous-instructions.md" }]],
    ["WebFetch", [{ kind: "tool_output", toolName: "WebFetch", source: "https://example.test/page", text: "The page says hello." }]],
    [
      "WebSearch",
      [
        {
          kind: "tool_output",
          toolName: "WebSearch",
          source: "vitest coverage",
          text: "Coverage | Vitest https://vitest.dev/guide/coverage\nVitest supports v8 and istanbul.",
        },
      ],
    ],
    ["Agent", [{ kind: "tool_output", toolName: "Agent", source: "explore repo", text: "Found 3 packages." }]],
    ["TodoWrite", []],
  ])("takes what the model reads from a %s response", (tool, expected) => {
    expect(subjectsOf(tool, tool.startsWith("Read") ? "Read" : tool)).toEqual(expected);
  });

  it("scans both stdout and stderr of a Bash command", () => {
    expect(subjectsOf("Bash")).toEqual([
      { kind: "tool_output", toolName: "Bash", source: "npm install", text: "added 3 packages" },
      { kind: "tool_output", toolName: "Bash", source: "npm install (stderr)", text: "npm warn deprecated x" },
    ]);
  });

  it("scans a notebook's cell sources and outputs", () => {
    expect(subjectsOf("ReadNotebook", "Read")[0]?.text).toBe("print(1)\nx = 2\n1");
  });

  it("scans the text blocks and embedded resources of an MCP result", () => {
    expect(subjectsOf("mcp__github__get_issue")).toEqual([
      {
        kind: "tool_output",
        toolName: "mcp__github__get_issue",
        source: "mcp__github__get_issue",
        text: "Issue #1: crash on start\nattached log",
      },
    ]);
  });

  it("scans an unknown tool's response as the text of its string values", () => {
    expect(subjectsOf("Skill")[0]?.text).toBe("pdf\nUse pdftotext to read PDFs.");
  });

  it("scans a failure's error text as it is", () => {
    expect(extractScanSubjects("Bash", { command: "make" }, "Exit code 2\nmake: *** [all] Error 1")).toEqual([
      { kind: "tool_output", toolName: "Bash", source: "make", text: "Exit code 2\nmake: *** [all] Error 1" },
    ]);
  });

  it.each([
    ["Write", { file_path: "/repo/CLAUDE.md", content: "Always run tests." }, ["Always run tests."]],
    ["Edit", { file_path: "/repo/.claude/settings.json", old_string: "a", new_string: "b" }, ["b"]],
    [
      "MultiEdit",
      {
        file_path: "/repo/AGENTS.md",
        edits: [
          { old_string: "a", new_string: "x" },
          { old_string: "b", new_string: "y" },
        ],
      },
      ["x", "y"],
    ],
    ["Write", { file_path: "/repo/src/index.ts", content: "export {}" }, []],
  ])("scans what %s writes only into instruction files", (tool, input, texts) => {
    expect(extractScanSubjects(tool, input, { filePath: "x" }).map((s) => [s.kind, s.text])).toEqual(texts.map((t) => ["tool_input", t]));
  });

  it.each([
    ["/repo/CLAUDE.md", true],
    ["/repo/CLAUDE.local.md", true],
    ["C:\\repo\\.claude\\commands\\x.md", true],
    ["/repo/.cursor/rules/ts.mdc", true],
    ["/repo/.github/copilot-instructions.md", true],
    ["/repo/.mcp.json", true],
    ["/repo/docs/claude.txt", false],
    ["/repo/README.md", false],
  ])("knows whether %s is an instruction file", (file, expected) => {
    expect(isInstructionFile(file)).toBe(expected);
  });

  it("makes a prompt subject", () => {
    expect(promptSubject("hi")).toEqual({ kind: "prompt", text: "hi" });
  });
});
