import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli-in-process.js";
import { makeSandbox, type Sandbox } from "../support/hook-process.js";
import { recordSession } from "./recorded-sessions.js";

// What every command shares through the frame: exit statuses, suggestions, options before the
// command, --json errors, and messages in Warden's words.

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

const FIRST = "aaaa1111-0000-4000-8000-000000000001";

describe("did you mean", () => {
  it("suggests the command closest to a mistyped one", async () => {
    const result = await runCliInProcess(["sesions"], box);
    expect([result.code, result.stderr]).toEqual([
      2,
      expect.stringMatching(/^warden: unknown command "sesions"; did you mean "sessions"\?\n/),
    ]);
  });

  it("suggests nothing when no command is close", async () => {
    const result = await runCliInProcess(["frobnicate"], box);
    expect(result.stderr).toMatch(/^warden: unknown command "frobnicate"\n/);
  });

  it("suggests the option closest to a mistyped one", async () => {
    const result = await runCliInProcess(["sessions", "--jsno"], box);
    expect([result.code, result.stderr]).toEqual([
      2,
      expect.stringMatching(/^warden sessions: unknown option "--jsno"; did you mean "--json"\?\nusage: warden sessions/),
    ]);
  });

  it("suggests the rules subcommand closest to a mistyped one", async () => {
    const result = await runCliInProcess(["rules", "chek"], box);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining('unknown subcommand "chek"; did you mean "check"?')]);
  });

  it.each([
    [["explain", "-x"]],
    [["sessions", "--colour"]],
    [["sessions", "extra"]],
    [["scan", "--min-severity"]],
    [["sessions", "--json=yes"]],
  ])("never shows node's own parseArgs wording for %j", async (args) => {
    const result = await runCliInProcess(args, box);
    expect([result.code, result.stderr]).toEqual([
      2,
      expect.not.stringMatching(/To specify a positional|Unknown option|Unexpected argument|ERR_PARSE_ARGS/),
    ]);
  });

  it("says how to give an argument that starts with a dash", async () => {
    const result = await runCliInProcess(["explain", "-x"], box);
    expect(result.stderr).toContain('unknown option "-x"; an argument that starts with "-" goes after --: -- "-x"');
  });

  it("says a string option lacks its value when another option follows it", async () => {
    const result = await runCliInProcess(["sessions", "--dir", "--json"], box);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining('--dir needs a value: --dir DIR; got the option "--json"')]);
  });
});

describe("options before the command", () => {
  it("--json before the command works as after it", async () => {
    await recordSession(box, FIRST);
    const result = await runCliInProcess(["--json", "sessions"], box);
    expect([result.code, JSON.parse(result.stdout).sessions[0].session_id]).toEqual([0, FIRST]);
  });

  it("--dir DIR before the command works as after it", async () => {
    await recordSession(box, FIRST);
    const result = await runCliInProcess(["--dir", box.wardenDir, "sessions", "--json"], box, "", { cwd: box.home });
    expect([result.code, JSON.parse(result.stdout).dir]).toEqual([0, box.wardenDir]);
  });

  it("says when an option before the command does not apply to it", async () => {
    const result = await runCliInProcess(["--dir", box.wardenDir, "explain", "ls"], box);
    expect([result.code, result.stderr]).toEqual([
      2,
      expect.stringMatching(/^warden explain: --dir does not apply to warden explain \(it takes --cwd, --project, --json, --help\)\n/),
    ]);
  });

  it("refuses an unknown option before the command, with a suggestion", async () => {
    const result = await runCliInProcess(["--jsno", "sessions"], box);
    expect([result.code, result.stderr]).toEqual([
      2,
      expect.stringContaining('unknown option "--jsno" before the command; did you mean "--json"?'),
    ]);
  });
});

describe("--json when a command fails", () => {
  it("prints one JSON error with code 2 on a usage error, the text on stderr", async () => {
    const result = await runCliInProcess(["sessions", "--json", "--colour"], box);
    expect([result.code, JSON.parse(result.stdout), result.stderr]).toEqual([
      2,
      { error: { code: 2, message: 'unknown option "--colour"' } },
      expect.stringContaining("usage: warden sessions"),
    ]);
  });

  it("prints one JSON error with code 3 when the command cannot do its job", async () => {
    await recordSession(box, FIRST);
    const result = await runCliInProcess(["show", "ffff", "--json"], box);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([
      3,
      { error: { code: 3, message: expect.stringContaining('no session matches "ffff"') } },
    ]);
  });

  it("prints a JSON error for an unknown command when --json comes first", async () => {
    const result = await runCliInProcess(["--json", "sesions"], box);
    expect(JSON.parse(result.stdout)).toEqual({ error: { code: 2, message: 'unknown command "sesions"; did you mean "sessions"?' } });
  });
});

describe("help", () => {
  it("lists the exit statuses in the top-level help", async () => {
    const result = await runCliInProcess(["--help"], box);
    expect([result.code, result.stdout]).toEqual([
      0,
      expect.stringMatching(
        /^exit status:\n {2}0 {2}done, and the answer is yes.*\n {2}1 {2}done, and the answer is no[^]*\n {2}2 {2}usage error.*\n {2}3 {2}could not do the job/m,
      ),
    ]);
  });

  it("prints a command's help with warden help <command>", async () => {
    const result = await runCliInProcess(["help", "scan"], box);
    expect([result.code, result.stdout]).toEqual([0, expect.stringMatching(/^usage: warden scan /)]);
  });

  it("prints the command's help when --help comes before it", async () => {
    const result = await runCliInProcess(["--help", "install"], box);
    expect([result.code, result.stdout]).toEqual([0, expect.stringMatching(/^usage: warden install /)]);
  });

  it("without a command is a usage error, exit code 2", async () => {
    const result = await runCliInProcess([], box);
    expect([result.code, result.stderr]).toEqual([2, expect.stringMatching(/^warden: give a command\nusage: warden /)]);
  });
});

describe("errors that are not Warden's fault", () => {
  it("reports a file-system error in one line, exit code 3, without a stack", async () => {
    fs.mkdirSync(path.join(box.project, ".claude", "settings.json"), { recursive: true });
    const result = await runCliInProcess(["install", "--project", box.project], box);
    expect([result.code, result.stderr.trimEnd().split("\n")]).toEqual([3, [expect.stringMatching(/^warden install: EISDIR/)]]);
  });
});
