import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HOOKS_DIR, REPO_ROOT, makeSandbox, runCliProcess, runHookProcess, type Sandbox } from "../support/hook-process.js";
import { recordSession, TRANSCRIPT_COST } from "./recorded-sessions.js";

// What only the real entry point shows: the built hooks/warden.mjs run as a process
// (exit codes, stdout and stderr, the hooks folder it wires), reading what the real hooks recorded.
// Every other CLI test runs the commands in-process through runCli.

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

const FIRST = "aaaa1111-0000-4000-8000-000000000001";
const SECOND = "bbbb2222-0000-4000-8000-000000000002";

const lines = (text: string) => text.split("\n").filter((l) => l !== "");

describe("the built warden CLI", () => {
  it("lists the sessions the real hook processes recorded", async () => {
    await recordSession(box, FIRST, { transcript: true, hooks: runHookProcess });
    await recordSession(box, SECOND, { open: true, hooks: runHookProcess });
    const result = await runCliProcess(["sessions"], box);
    expect([result.code, lines(result.stdout)]).toEqual([
      0,
      [
        expect.stringMatching(/^id +start \(UTC\) +duration +calls +allow\/warn\/block +tokens in\/out +cost +model +end +first prompt$/),
        expect.stringMatching(/^bbbb2222 +\d{4}-\d\d-\d\d \d\d:\d\d +\S+ +4 +3\/0\/1 +- +- +- +open +-$/),
        expect.stringMatching(
          new RegExp(
            `^aaaa1111 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +\\S+ +4 +3/0/1 +1\\.00k/500 +\\${TRANSCRIPT_COST} +sonnet-4-5 +prompt_input_exit +-$`,
          ),
        ),
      ],
    ]);
  });

  it("wires a project's settings to the hooks of the checkout it was built in (hooks:install)", async () => {
    const result = await runCliProcess(["install", "--project", box.project], box);
    const settings = JSON.parse(fs.readFileSync(path.join(box.project, ".claude", "settings.json"), "utf8"));
    expect([result.code, settings.hooks.SessionEnd[0].hooks[0]]).toEqual([
      0,
      { type: "command", command: "node", args: [`${HOOKS_DIR}/session-end.mjs`], timeout: 10 },
    ]);
  });

  it("exits 2 on an unknown option, with the command's usage on stderr", async () => {
    const result = await runCliProcess(["sessions", "--colour"], box);
    expect([result.code, result.stdout, result.stderr]).toEqual([2, "", expect.stringContaining("usage: warden sessions")]);
  });

  it("exits 2 on an unknown command, with the closest command and the list of commands on stderr", async () => {
    const result = await runCliProcess(["sesions"], box);
    expect([result.code, result.stdout, result.stderr]).toEqual([
      2,
      "",
      expect.stringMatching(/^warden: unknown command "sesions"; did you mean "sessions"\?\nusage: warden /),
    ]);
  });

  it("exits 3 when the command cannot do its job, saying why on stderr", async () => {
    await recordSession(box, FIRST);
    const result = await runCliProcess(["show", "ffff"], box);
    expect([result.code, result.stdout, result.stderr]).toEqual([3, "", expect.stringContaining('no session matches "ffff"')]);
  });

  it("prints the version of the root package.json, built in", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
    const result = await runCliProcess(["--version"], box);
    expect([result.code, result.stdout]).toEqual([0, `warden ${version}\n`]);
  });

  it("prints the version as JSON with --json", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
    const result = await runCliProcess(["--version", "--json"], box);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([0, { version }]);
  });

  it("refuses to delete without --yes when stdin is a pipe (nobody to ask), exit code 2", async () => {
    await recordSession(box, FIRST);
    const result = await runCliProcess(["clean", "--older-than", "0h"], box, "y\n");
    expect([result.code, result.stderr, fs.existsSync(path.join(box.wardenDir, "sessions", `${FIRST}.jsonl`))]).toEqual([
      2,
      expect.stringContaining("stdin is not a terminal to confirm: pass --yes"),
      true,
    ]);
  });
});

describe("this repository's own .claude/settings.json", () => {
  it("is current (the --check twin of hooks:install --project .)", async () => {
    const result = await runCliProcess(["install", "--project", REPO_ROOT, "--check"], box);
    expect([result.code, result.stdout]).toEqual([0, expect.stringContaining("wired and current")]);
  });
});
