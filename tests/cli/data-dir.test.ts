import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli-in-process.js";
import { makeSandbox, type Sandbox } from "../support/hook-process.js";
import { recordSession } from "./recorded-sessions.js";

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

const FIRST = "aaaa1111-0000-4000-8000-000000000001";

/** The environment of a shell outside Claude Code: no CLAUDE_PROJECT_DIR, no WARDEN_DIR. */
const shellEnv = () => {
  const { CLAUDE_PROJECT_DIR: _, ...env } = box.env;
  return env;
};

/** A folder with no .warden in it or above it (the sandbox's HOME). */
const outside = () => ({ cwd: box.home, env: shellEnv() });

describe("the data directory of the data commands", () => {
  it.each([
    [["sessions"]],
    [["cost"]],
    [["show", "aaaa"]],
    [["report", "aaaa"]],
    [["finalize"]],
    [["clean", "--older-than", "30d", "--dry-run"]],
  ])("outside a project, %j exits 3 saying no .warden was found from the cwd up", async (args) => {
    const result = await runCliInProcess(args, box, "", outside());
    expect([result.code, result.stdout, result.stderr]).toEqual([
      3,
      "",
      expect.stringContaining(`no .warden directory found in ${box.home} or any folder above it`),
    ]);
  });

  it("outside a project, the message says how to point at one", async () => {
    const result = await runCliInProcess(["sessions"], box, "", outside());
    expect(result.stderr).toMatch(/--dir <project or its \.warden>, or set WARDEN_DIR/);
  });

  it("--dir naming a directory that does not exist exits 3 naming it", async () => {
    const missing = path.join(box.home, "no-such");
    const result = await runCliInProcess(["sessions", "--dir", missing], box, "", outside());
    expect([result.code, result.stderr]).toEqual([3, expect.stringContaining(`--dir ${missing}: no such directory`)]);
  });

  it("--dir naming a folder that is neither a data directory nor a project holding one exits 3", async () => {
    const result = await runCliInProcess(["cost", "--dir", box.home], box, "", outside());
    expect([result.code, result.stderr]).toEqual([3, expect.stringContaining(`--dir ${box.home} is neither a Warden data directory`)]);
  });

  it("--dir naming the project folder reads its .warden", async () => {
    await recordSession(box, FIRST);
    const result = await runCliInProcess(["sessions", "--dir", box.project], box, "", outside());
    expect([result.code, result.stdout]).toEqual([0, expect.stringMatching(/\naaaa1111 /)]);
  });

  it("--dir naming a data directory of another name reads it", async () => {
    await recordSession(box, FIRST);
    const moved = path.join(box.home, "shared-data");
    fs.renameSync(box.wardenDir, moved);
    const result = await runCliInProcess(["sessions", "--dir", moved], box, "", outside());
    expect([result.code, result.stdout]).toEqual([0, expect.stringMatching(/\naaaa1111 /)]);
  });

  it("a WARDEN_DIR that does not exist exits 3 naming it", async () => {
    const missing = path.join(box.home, "no-such");
    const result = await runCliInProcess(["sessions"], box, "", { cwd: box.project, env: { ...shellEnv(), WARDEN_DIR: missing } });
    expect([result.code, result.stderr]).toEqual([3, expect.stringContaining(`WARDEN_DIR is ${missing}, which is not a directory`)]);
  });

  it.each([[["sessions"]], [["cost"]]])("%j in a project whose .warden holds no session yet says so, exit code 0", async (args) => {
    fs.mkdirSync(box.wardenDir);
    const result = await runCliInProcess(args, box);
    expect([result.code, result.stdout]).toEqual([0, `no sessions recorded yet in ${box.wardenDir}\n`]);
  });
});
