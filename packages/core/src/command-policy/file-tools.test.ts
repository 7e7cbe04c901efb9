import { describe, expect, it } from "vitest";
import type { ToolCall } from "../guard-policy.js";
import { createCommandPolicy } from "./create-command-policy.js";

const policy = createCommandPolicy();
const call = (toolName: string, toolInput: unknown): ToolCall => ({
  toolName,
  toolInput,
  cwd: "/home/dev/project",
  projectDir: "/home/dev/project",
  home: "/home/dev",
});

type Row = readonly [tool: string, input: Record<string, unknown>, decision: "deny" | "allow", rule: string | null];

const ROWS: readonly Row[] = [
  ["Read", { file_path: "/home/dev/project/.env" }, "deny", "cred.read-secret"],
  ["Read", { file_path: "/home/dev/project/config/.env.production" }, "deny", "cred.read-secret"],
  ["Read", { file_path: "/home/dev/.ssh/id_rsa" }, "deny", "cred.read-secret"],
  ["Read", { file_path: "/home/dev/.aws/credentials" }, "deny", "cred.read-secret"],
  ["Read", { file_path: "C:\\Users\\dev\\project\\.env" }, "deny", "cred.read-secret"],
  ["Read", { file_path: ".env" }, "deny", "cred.read-secret"],
  ["Read", { file_path: "/home/dev/.ssh/id_rsa.pub" }, "allow", null],
  ["Read", { file_path: "/home/dev/project/.env.example" }, "allow", null],
  ["Read", { file_path: "/home/dev/project/src/index.ts" }, "allow", null],
  ["Read", { file_path: "/home/dev/project/.claude/settings.json" }, "allow", null],
  ["Write", { file_path: "/home/dev/project/.claude/settings.json", content: "{}" }, "deny", "guard.disable"],
  ["Edit", { file_path: "/home/dev/project/.claude/settings.local.json", old_string: "a", new_string: "b" }, "deny", "guard.disable"],
  ["Edit", { file_path: "/home/dev/.claude/settings.json", old_string: "a", new_string: "b" }, "deny", "guard.disable"],
  ["Write", { file_path: "/home/dev/project/.claude/warden.json", content: "{}" }, "deny", "guard.disable"],
  ["Write", { file_path: "/home/dev/project/.warden/sessions/s1.jsonl", content: "" }, "deny", "guard.disable"],
  ["MultiEdit", { file_path: "/home/dev/project/.claude/settings.json", edits: [] }, "deny", "guard.disable"],
  ["NotebookEdit", { notebook_path: "/home/dev/project/.warden/n.ipynb", new_source: "" }, "deny", "guard.disable"],
  ["Write", { file_path: "/home/dev/project/.claude/commands/review.md", content: "" }, "allow", null],
  ["Write", { file_path: "/home/dev/project/src/app.ts", content: "" }, "allow", null],
  ["Write", { file_path: "/home/dev/project/.env", content: "A=1" }, "allow", null],
  ["Grep", { pattern: "KEY", path: "/home/dev/project/.env" }, "deny", "cred.read-secret"],
  ["Grep", { pattern: "KEY", path: "/home/dev/project/src" }, "allow", null],
  ["Glob", { pattern: "id_rsa", path: "/home/dev/.ssh" }, "deny", "cred.read-secret"],
  // Grep searches the files of the folder it is given, like `grep -r`.
  ["Grep", { pattern: "BEGIN", path: "/home/dev/.ssh" }, "deny", "cred.read-secret"],
  ["Grep", { pattern: "BEGIN", path: "/home/dev/.ssh/id_rsa.pub" }, "allow", null],
  // The resident server's state file holds its token and proof; its log does not.
  ["Read", { file_path: "/home/dev/.local/state/warden/server.state" }, "deny", "guard.read-server-state"],
  ["Grep", { pattern: ".", path: "/home/dev/.local/state/warden/server.state" }, "deny", "guard.read-server-state"],
  ["Grep", { pattern: ".", path: "/home/dev/.local/state/warden" }, "deny", "guard.read-server-state"],
  ["Read", { file_path: "/home/dev/.local/state/warden/server.log" }, "allow", null],
  ["Grep", { pattern: "error", path: "/home/dev/.local/state/warden/server.log" }, "allow", null],
  ["Write", { file_path: "/home/dev/.local/state/warden/server.state", content: "1 2 t p b" }, "deny", "guard.disable"],
  ["Glob", { pattern: "**/*.ts" }, "allow", null],
  ["WebFetch", { url: "https://example.com/.env", prompt: "x" }, "allow", null],
  ["mcp__fs__read", { path: "/home/dev/project/.env" }, "allow", null],
];

describe("file tools go through the protected-path rules", () => {
  it.each(ROWS)("%s %j is %s (%s)", (tool, input, decision, rule) => {
    const result = policy.decide(call(tool, input));
    expect({ decision: result.decision, rules: result.findings.map((f) => f.rule) }).toEqual({
      decision,
      rules: rule == null ? [] : [rule],
    });
  });
});

describe("malformed tool input", () => {
  it.each([
    ["Bash", { command: 42 }],
    ["Bash", null],
    ["Read", { path: "/home/dev/project/.env" }],
    ["Write", "not an object"],
  ])("%s %j is allowed, not thrown on", (tool, input) => {
    expect(policy.decide(call(tool, input)).decision).toBe("allow");
  });
});

describe("file tool findings", () => {
  it("name the field, the path and the rule, and tell the model to ask the user", () => {
    const result = policy.decide(call("Read", { file_path: "/home/dev/.ssh/id_ed25519" }));
    expect(result).toMatchObject({
      decision: "deny",
      verdict: "blocked",
      severity: "high",
      findings: [{ rule: "cred.read-secret", source: "file_path", excerpt: "/home/dev/.ssh/id_ed25519" }],
    });
    expect(result.reason).toContain("ask the user");
  });
});
