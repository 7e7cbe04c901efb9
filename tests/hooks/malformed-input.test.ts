import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeSandbox, readJsonl, runHookProcess, type HookName, type Sandbox } from "../support/hook-process.js";

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

const HOOKS: HookName[] = ["session-start", "post-tool-guard", "session-end"];
const BAD_INPUTS: Array<[string, () => string]> = [
  ["empty stdin", () => ""],
  ["text that is not JSON", () => "hello"],
  ["truncated JSON", () => `{"session_id":"s1","cwd":"${box.project}","hook_event_name":"Stop"`],
  ["a JSON array", () => "[1,2,3]"],
  ["an unknown event", () => JSON.stringify({ session_id: "s1", cwd: box.project, hook_event_name: "Teleport" })],
  ["a payload missing session_id", () => JSON.stringify({ cwd: box.project, hook_event_name: "SessionStart" })],
  ["a 1 MB payload that is not JSON", () => `{${"x".repeat(1_000_000)}`],
];

describe.each(HOOKS)("the %s hook given malformed input", (hook) => {
  it.each(BAD_INPUTS)("exits 0 with empty stdout and stderr for %s, logging it to errors.log", async (_label, input) => {
    const result = await runHookProcess(hook, input(), box);
    const logged = readJsonl(path.join(box.wardenDir, "errors.log"));
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(logged).toEqual([expect.objectContaining({ hook: expect.any(String), message: expect.any(String), stack: expect.any(String) })]);
  });
});

describe("a hook whose data directory cannot be written", () => {
  it("still exits 0 with empty stdout and says why in one stderr line", async () => {
    const blocker = path.join(box.project, "not-a-dir");
    fs.writeFileSync(blocker, "");
    const env = { ...box.env, WARDEN_DIR: path.join(blocker, ".warden") };
    const result = await runHookProcess(
      "post-tool-guard",
      { session_id: "s1", cwd: box.project, hook_event_name: "Stop" },
      { ...box, env },
    );
    expect([result.code, result.stdout, result.stderr.split("\n").filter(Boolean).length]).toEqual([0, "", 1]);
  });
});
