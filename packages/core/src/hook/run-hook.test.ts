import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runHook, type HookHandlers, type HookIo } from "./run-hook.js";

let project: string;
beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "warden-run-"));
});
afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

function io(stdin: string, env: Record<string, string> = {}): HookIo & { output: () => string; errors: () => string } {
  let out = "";
  let err = "";
  return {
    env: { CLAUDE_PROJECT_DIR: project, ...env },
    now: () => new Date("2026-11-21T10:00:00.000Z"),
    home: project,
    claudePid: null,
    isProcessAlive: () => false,
    cwd: () => project,
    readStdin: async () => ({ text: stdin }),
    writeStdout: (text) => (out += text),
    writeStderr: (text) => (err += text),
    output: () => out,
    errors: () => err,
  };
}

const stopPayload = () => JSON.stringify({ session_id: "s1", transcript_path: "/t.jsonl", cwd: project, hook_event_name: "Stop" });
const errorsLog = () => fs.readFileSync(path.join(project, ".warden", "errors.log"), "utf8");

describe("runHook", () => {
  it("prints the handler's reply as one JSON line", async () => {
    const handlers: HookHandlers = { Stop: () => ({ systemMessage: "hi" }) };
    const world = io(stopPayload());
    await runHook("test", handlers, {}, world);
    expect(world.output()).toBe('{"systemMessage":"hi"}\n');
  });

  it("logs malformed stdin to errors.log and prints nothing", async () => {
    const world = io("{not json");
    await runHook("test", {}, {}, world);
    expect([world.output(), JSON.parse(errorsLog()).message]).toEqual(["", expect.stringMatching(/^stdin is not JSON/)]);
  });

  it("logs a payload without a session_id, naming the missing field", async () => {
    const world = io(JSON.stringify({ hook_event_name: "Stop", cwd: project }));
    await runHook("test", { Stop: () => undefined }, {}, world);
    expect(JSON.parse(errorsLog()).message).toMatch(/session_id/);
  });

  it("refuses a session id that would escape the data directory", async () => {
    const world = io(JSON.stringify({ session_id: "../../etc", cwd: project, hook_event_name: "Stop" }));
    await runHook("test", { Stop: () => undefined }, {}, world);
    expect(JSON.parse(errorsLog()).message).toMatch(/session_id/);
  });

  it("logs an event the hook does not serve", async () => {
    const world = io(stopPayload());
    await runHook("test", {}, {}, world);
    expect(JSON.parse(errorsLog())).toMatchObject({
      hook: "test",
      event: "Stop",
      session_id: "s1",
      message: expect.stringMatching(/does not handle Stop/),
    });
  });

  it("logs a handler's exception with its stack", async () => {
    const world = io(stopPayload());
    await runHook(
      "test",
      {
        Stop: () => {
          throw new Error("disk full");
        },
      },
      {},
      world,
    );
    expect(JSON.parse(errorsLog())).toMatchObject({ message: "disk full", stack: expect.stringContaining("Error: disk full") });
  });

  it("falls back to one stderr line when errors.log cannot be written", async () => {
    const blocked = path.join(project, "file-not-dir");
    fs.writeFileSync(blocked, "");
    const world = io("garbage", { WARDEN_DIR: path.join(blocked, "warden") });
    await runHook("test", {}, {}, world);
    expect([world.output(), world.errors()]).toEqual([
      "",
      expect.stringMatching(/^warden test: stdin is not JSON.*errors\.log not writable.*\n$/),
    ]);
  });
});

describe("runHook with fail_mode closed", () => {
  it("denies a PreToolUse call when the handler fails", async () => {
    fs.mkdirSync(path.join(project, ".claude"));
    fs.writeFileSync(path.join(project, ".claude", "warden.json"), JSON.stringify({ fail_mode: "closed" }));
    const world = io(
      JSON.stringify({ session_id: "s1", cwd: project, hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command: "ls" } }),
    );
    await runHook(
      "test",
      {
        PreToolUse: () => {
          throw new Error("disk full");
        },
      },
      {},
      world,
    );
    expect(JSON.parse(world.output()).hookSpecificOutput).toMatchObject({
      permissionDecision: "deny",
      permissionDecisionReason: expect.stringContaining("disk full"),
    });
  });

  it("stays silent on the same failure when fail_mode is open (the default)", async () => {
    const world = io(
      JSON.stringify({ session_id: "s1", cwd: project, hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command: "ls" } }),
    );
    await runHook(
      "test",
      {
        PreToolUse: () => {
          throw new Error("disk full");
        },
      },
      {},
      world,
    );
    expect(world.output()).toBe("");
  });
});
