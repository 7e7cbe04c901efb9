import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decisionOf, makeSandbox, runHookProcess, type ProcessResult, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

/**
 * The PreToolUse hook consults the project's real git repository before a delete or a discard:
 * what git can give back runs, what it cannot is put to the user with what would be lost.
 */

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
  const git = (...args: string[]) => execFileSync("git", args, { cwd: box.project, env: { ...box.env, GIT_CONFIG_NOSYSTEM: "1" } });
  git("init", "-q");
  fs.mkdirSync(path.join(box.project, "src"));
  for (const name of ["a.ts", "b.ts", "c.ts"]) fs.writeFileSync(path.join(box.project, "src", name), `export const ${name[0]} = 1;\n`);
  git("add", ".");
  git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "init");
});
afterEach(() => box.cleanup());

const SESSION = { sessionId: "2ec0e2ab-0000-4000-8000-000000000001" };
const preToolUse = (command: string) =>
  runHookProcess("post-tool-guard", p.preToolUse({ ...SESSION, cwd: box.project }, "Bash", { command }, "toolu_rec1"), box);
const reasonOf = (result: ProcessResult): unknown => JSON.parse(result.stdout).hookSpecificOutput.permissionDecisionReason;

describe("a delete inside a git project", () => {
  it("runs when everything it deletes is tracked and unchanged", async () => {
    const result = await preToolUse("rm -rf src");
    expect([result.code, result.stdout]).toEqual([0, ""]);
  });

  it("asks, naming what would be lost, when files are modified or untracked", async () => {
    fs.appendFileSync(path.join(box.project, "src", "a.ts"), "// work in progress\n");
    fs.writeFileSync(path.join(box.project, "src", "new.ts"), "export {};\n");
    const result = await preToolUse("rm -rf src");
    expect([decisionOf(result), reasonOf(result)]).toEqual([
      "ask",
      expect.stringContaining("1 modified file: src/a.ts; 1 untracked file: src/new.ts"),
    ]);
  });
});

describe("a git discard", () => {
  it("asks before git checkout throws away an uncommitted change", async () => {
    fs.appendFileSync(path.join(box.project, "src", "b.ts"), "// edit\n");
    const result = await preToolUse("git checkout -- src/b.ts");
    expect([decisionOf(result), reasonOf(result)]).toEqual(["ask", expect.stringContaining("1 modified file: src/b.ts")]);
  });
});
