import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decisionOf, makeSandbox, runHookProcess, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

/**
 * Nothing escapes the data directory: a cloned repository can ship symbolic links inside
 * `.warden` (or `.warden` itself as one) pointing at files the user cares about. The hooks must
 * not write through them; the guard's decisions still reach Claude Code.
 */

let box: Sandbox;
let outside: string;
beforeEach(() => {
  box = makeSandbox();
  outside = path.join(path.dirname(box.project), "outside");
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, "precious.txt"), "keep me\n");
});
afterEach(() => box.cleanup());

const SESSION = "c0n7a1ed-0000-4000-8000-000000000001";
const s = () => ({ sessionId: SESSION, cwd: box.project });
const precious = () => path.join(outside, "precious.txt");
const outsideNames = () => fs.readdirSync(outside).toSorted();
const link = (at: string, target: string) => {
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.symlinkSync(target, at);
};

const aSession = async () => {
  await runHookProcess("session-start", p.sessionStart(s()), box);
  await runHookProcess("post-tool-guard", p.preToolUse(s(), "Bash", { command: "ls" }, "toolu_c1"), box);
  await runHookProcess("post-tool-guard", p.postToolUse(s(), "Bash", { command: "ls" }, p.bashResponse("ok"), "toolu_c1"), box);
  return runHookProcess("post-tool-guard", p.preToolUse(s(), "Bash", { command: "rm -rf ~" }, "toolu_c2"), box);
};

describe("symbolic links in the data directory", () => {
  it("are not written through when .warden itself is a link", async () => {
    fs.symlinkSync(outside, box.wardenDir);
    await aSession();
    expect(outsideNames()).toEqual(["precious.txt"]);
  });

  it.each([
    ["the session file", () => path.join(box.wardenDir, "sessions", `${SESSION}.jsonl`)],
    ["the registry", () => path.join(box.wardenDir, "sessions.jsonl")],
    ["errors.log", () => path.join(box.wardenDir, "errors.log")],
  ])("are not written through when %s is a link to a file outside", async (_, at) => {
    link(at(), precious());
    await aSession();
    await runHookProcess("post-tool-guard", "not json", box);
    expect(fs.readFileSync(precious(), "utf8")).toBe("keep me\n");
  });

  it("are not written through when a session's pending folder is a link", async () => {
    link(path.join(box.wardenDir, "pending", SESSION), outside);
    await runHookProcess("post-tool-guard", p.preToolUse(s(), "Bash", { command: "ls" }, "toolu_c1"), box);
    expect(outsideNames()).toEqual(["precious.txt"]);
  });

  it("never cost a decision: rm -rf ~ is still denied", async () => {
    fs.symlinkSync(outside, box.wardenDir);
    const result = await aSession();
    expect(decisionOf(result)).toBe("deny");
  });
});

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe("file modes", () => {
  it("keep the data directory and its folders private to the user (0700)", async () => {
    await aSession();
    expect([mode(box.wardenDir), mode(path.join(box.wardenDir, "sessions"))]).toEqual([0o700, 0o700]);
  });

  it("keep recorded files private to the user (0600)", async () => {
    await aSession();
    expect([mode(path.join(box.wardenDir, "sessions", `${SESSION}.jsonl`)), mode(path.join(box.wardenDir, "sessions.jsonl"))]).toEqual([
      0o600, 0o600,
    ]);
  });
});
