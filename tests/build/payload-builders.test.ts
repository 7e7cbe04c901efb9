import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

// tests/fixtures/payloads holds one payload per kind as the real Claude Code 2.1.197 sent it
// (tests/e2e/capture-payloads.ts, placeholders for ids and paths). Every builder must produce the
// same keys with the same value types, so the process-level tests feed the hooks what they would
// get from the client.

const FIXTURES = path.join(REPO_ROOT, "tests/fixtures/payloads");
const capturedKinds = fs
  .readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".json"))
  .map((name) => name.slice(0, -".json".length))
  .toSorted();

const readCaptured = (kind: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${kind}.json`), "utf8"));

// The capture's placeholders, so paths built from them can be compared too.
const s: p.PayloadBase = { sessionId: "ddc1f0b6-7a2e-4c1b-9a51-0f3c2d1e4b5a", cwd: "/home/dev/app" };
const agentId = "a0000000000000001";
const notes = "/home/dev/app/notes.md";
const todo = "/home/dev/app/todo.md";

const bash = p.bashInput("echo hello-from-bash", "Say hello");
const read = p.readInput(notes);
const write = p.writeInput(todo, "- ship it\n");
const edit = p.editInput(notes, "nothing to see", "something to see");
const glob = p.globInput("*.md");
const grep = p.grepInput("ship");
const agent = p.agentInput("Probe the shell", "Run one command.");

const built: Record<string, () => unknown> = {
  "SessionStart.startup": () => p.sessionStart(s),
  "SessionStart.resume": () => p.sessionStart(s, "resume"),
  "SessionStart.compact": () => p.sessionStart(s, "compact"),
  UserPromptSubmit: () => p.userPromptSubmit(s, "Do the scripted thing."),
  "PreToolUse.Bash": () => p.preToolUse(s, "Bash", bash, "toolu_1"),
  "PostToolUse.Bash": () => p.postToolUse(s, "Bash", bash, p.bashResponse("hello-from-bash"), "toolu_1"),
  "PreToolUse.Read": () => p.preToolUse(s, "Read", read, "toolu_2"),
  "PostToolUse.Read": () => p.postToolUse(s, "Read", read, p.readResponse(notes, "# Notes\nnothing to see\n"), "toolu_2"),
  "PreToolUse.Write": () => p.preToolUse(s, "Write", write, "toolu_3"),
  "PostToolUse.Write": () => p.postToolUse(s, "Write", write, p.writeResponse(todo, "- ship it\n"), "toolu_3"),
  "PostToolUse.Write.update": () =>
    p.postToolUse(
      s,
      "Write",
      p.writeInput(notes, "# Notes\nsomething to see\nand more\n"),
      p.writeUpdateResponse(notes, "# Notes\nsomething to see\n", "# Notes\nsomething to see\nand more\n"),
      "toolu_10",
    ),
  "PreToolUse.Edit": () => p.preToolUse(s, "Edit", edit, "toolu_4"),
  "PostToolUse.Edit": () =>
    p.postToolUse(s, "Edit", edit, p.editResponse(notes, "# Notes\nnothing to see\n", "nothing to see", "something to see"), "toolu_4"),
  "PreToolUse.Glob": () => p.preToolUse(s, "Glob", glob, "toolu_5"),
  "PostToolUse.Glob": () => p.postToolUse(s, "Glob", glob, p.globResponse(["todo.md", "notes.md"]), "toolu_5"),
  "PreToolUse.Grep": () => p.preToolUse(s, "Grep", grep, "toolu_6"),
  "PostToolUse.Grep": () => p.postToolUse(s, "Grep", grep, p.grepResponse(["todo.md"]), "toolu_6"),
  "PostToolUseFailure.Bash": () => p.postToolUseFailure(s, "Bash", p.bashInput("exit 3"), "Exit code 3", "toolu_7"),
  "PreToolUse.Agent": () => p.preToolUse(s, "Agent", agent, "toolu_8"),
  "PostToolUse.Agent": () => p.postToolUse(s, "Agent", agent, p.agentResponse(agentId, "Run one command.", "Subagent done."), "toolu_8"),
  "PreToolUse.Bash.subagent": () => p.inSubagent(p.preToolUse(s, "Bash", bash, "toolu_9"), agentId),
  "PostToolUse.Bash.subagent": () => p.inSubagent(p.postToolUse(s, "Bash", bash, p.bashResponse("from-subagent"), "toolu_9"), agentId),
  SubagentStop: () => p.subagentStop(s, agentId),
  Stop: () => p.stop(s),
  PreCompact: () => p.preCompact(s),
  SessionEnd: () => p.sessionEnd(s),
};

/** A value's keys and types, recursively; an array by its first element (`[]` when empty). */
type Shape = string | Shape[] | { [key: string]: Shape };
function shapeOf(value: unknown): Shape {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, shapeOf(field)]));
  return typeof value;
}

/** The values that identify the kind, and the paths Claude Code derives from session and cwd. */
const IDENTITY_KEYS = ["hook_event_name", "tool_name", "source", "transcript_path", "agent_transcript_path"];
function identity(payload: unknown): Record<string, unknown> {
  const entries = typeof payload === "object" && payload !== null ? Object.entries(payload) : [];
  return Object.fromEntries(entries.filter(([key]) => IDENTITY_KEYS.includes(key)));
}

describe("the payload builders of tests/support/payloads.ts", () => {
  it("have a builder for every captured kind and for no other", () => {
    expect(Object.keys(built).toSorted()).toEqual(capturedKinds);
  });

  it.each(capturedKinds)("build %s with the keys and value types the real client sends", (kind) => {
    const captured = readCaptured(kind);
    const payload = built[kind]?.();
    expect({ ...identity(payload), shape: shapeOf(payload) }).toEqual({ ...identity(captured), shape: shapeOf(captured) });
  });
});
