import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assistantLines, promptLine } from "../../packages/core/src/report/transcript/claude-transcript.fixture.js";
import { runCliInProcess } from "../support/cli-in-process.js";
import { HOOKS_DIR, makeSandbox, runCliProcess, runHookProcess, runProcess, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";
import { statusLinePayload } from "../support/status-line-payload.js";
import { recordSession, TRANSCRIPT_COST, writeTranscript } from "./recorded-sessions.js";

/**
 * `warden statusline` as Claude Code runs it: the built CLI, the status line payload on stdin, a
 * real transcript file, the session's records written by the real hooks.
 */

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

const SESSION = "5ec2e700-0000-4000-8000-000000000001";
const transcriptOf = (sessionId = SESSION) => path.join(box.home, ".claude", "projects", "-project", `${sessionId}.jsonl`);
const payload = (overrides: { cwd?: string; sessionId?: string } = {}) =>
  JSON.stringify(
    statusLinePayload({
      sessionId: overrides.sessionId ?? SESSION,
      transcriptPath: transcriptOf(overrides.sessionId),
      cwd: overrides.cwd ?? box.project,
    }),
  );
const cacheFile = () => path.join(box.wardenDir, "cache", `${SESSION}.transcript.json`);
const liveFile = () => path.join(box.wardenDir, "cache", `${SESSION}.live.json`);
const savedTranscriptOffset = () => JSON.parse(fs.readFileSync(cacheFile(), "utf8")).state.files[transcriptOf()].offset;
const savedRecordsOffset = () => JSON.parse(fs.readFileSync(liveFile(), "utf8")).records.offset;
const sessionFileSize = () => fs.statSync(path.join(box.wardenDir, "sessions", `${SESSION}.jsonl`)).size;

/** A second claude-sonnet-4-5 response of 1,000 input and 500 output tokens ($0.0105 more), with its prompt. */
function appendResponse(): void {
  const context = { sessionId: SESSION };
  const lines = [
    promptLine(context, "one more"),
    ...assistantLines(context, {
      id: "msg_second",
      requestId: "req_second",
      model: "claude-sonnet-4-5-20250929",
      blocks: [{ type: "text", text: "Again." }],
      usage: { input: 1000, output: 500 },
    }),
  ];
  fs.appendFileSync(transcriptOf(), lines.map((l) => `${l}\n`).join(""));
}

describe("warden statusline in a project Warden records", () => {
  it("prints one line: Warden's cost, tokens, calls and the last flagged call", async () => {
    await recordSession(box, SESSION, { open: true, transcript: true, hooks: runHookProcess });
    const result = await runCliProcess(["statusline"], box, payload());
    expect(result).toEqual({
      code: 0,
      stdout: `warden ${TRANSCRIPT_COST} · 1.00k in / 500 out · 4 calls: 1 blocked (last: Bash rm -rf ~ blocked)\n`,
      stderr: "",
    });
  });

  it("saves where it stopped reading the transcript and the records, in the data directory", async () => {
    await recordSession(box, SESSION, { open: true, transcript: true });
    await runCliProcess(["statusline"], box, payload());
    expect([savedTranscriptOffset(), savedRecordsOffset()]).toEqual([fs.statSync(transcriptOf()).size, sessionFileSize()]);
  });

  it("adds what the transcript gained since the last call", async () => {
    await recordSession(box, SESSION, { open: true, transcript: true });
    await runCliProcess(["statusline"], box, payload());
    appendResponse();
    const second = await runCliProcess(["statusline"], box, payload());
    expect(second.stdout).toMatch(/^warden \$0\.0210 · 2\.00k in \/ 1\.00k out · /);
  });

  it("reads only the new bytes on the next call: it continues from the saved offset", async () => {
    await recordSession(box, SESSION, { open: true, transcript: true });
    await runCliProcess(["statusline"], box, payload());
    const firstOffset = savedTranscriptOffset();
    appendResponse();
    // A corrupt first line, had the reader started over, would be counted; from the offset it is never read again.
    const bytes = fs.readFileSync(transcriptOf());
    fs.writeFileSync(transcriptOf(), Buffer.concat([Buffer.from("x".repeat(firstOffset - 1)), bytes.subarray(firstOffset - 1)]));
    const second = await runCliProcess(["statusline"], box, payload());
    expect([second.stdout.startsWith("warden $0.0210 "), savedTranscriptOffset()]).toEqual([true, fs.statSync(transcriptOf()).size]);
  });

  it("counts the calls recorded since the last call", async () => {
    await recordSession(box, SESSION, { open: true, transcript: true });
    await runCliProcess(["statusline"], box, payload());
    const before = savedRecordsOffset();
    await runHookProcess(
      "post-tool-guard",
      p.preToolUse({ sessionId: SESSION, cwd: box.project }, "Bash", { command: "rm -rf /" }, "toolu_rm2"),
      box,
    );
    const second = await runCliProcess(["statusline"], box, payload());
    expect([second.stdout.includes("5 calls: 2 blocked"), before < savedRecordsOffset()]).toEqual([true, true]);
  });
});

describe("warden statusline elsewhere", () => {
  it("shows cost and tokens without verdicts in a project Warden does not record, and writes nothing", async () => {
    writeTranscript(box, SESSION);
    const result = await runCliProcess(["statusline"], box, payload());
    expect([result.stdout, fs.readdirSync(box.project)]).toEqual([
      `warden ${TRANSCRIPT_COST} · 1.00k in / 500 out · verdicts not recorded\n`,
      [],
    ]);
  });

  it("prints 'warden: no session' and exits 0 on input that is not a status line payload", async () => {
    const result = await runCliProcess(["statusline"], box, "not json {");
    expect(result).toEqual({ code: 0, stdout: "warden: no session\n", stderr: "" });
  });

  it("prints 'warden: no session' on empty input", async () => {
    const result = await runCliProcess(["statusline"], box, "");
    expect(result).toEqual({ code: 0, stdout: "warden: no session\n", stderr: "" });
  });

  it("shows nothing spent before Claude Code has written the transcript", async () => {
    const result = await runCliProcess(["statusline"], box, payload());
    expect(result.stdout).toBe("warden $0.0000 · 0 in / 0 out · verdicts not recorded\n");
  });

  it("writes nothing for a session id that could name a path outside the data directory", async () => {
    fs.mkdirSync(box.wardenDir);
    const result = await runCliProcess(["statusline"], box, payload({ sessionId: "../../escape" }));
    expect([result.code, fs.readdirSync(box.wardenDir)]).toEqual([0, []]);
  });
});

describe("warden install --statusline", () => {
  const settingsFile = () => path.join(box.project, ".claude", "settings.json");
  const settings = () => JSON.parse(fs.readFileSync(settingsFile(), "utf8"));

  it("sets Claude Code's status line to this checkout's warden statusline", async () => {
    await runCliInProcess(["install", "--project", box.project, "--statusline"], box);
    expect(settings().statusLine).toEqual({ type: "command", command: `node '${HOOKS_DIR}/warden.mjs' statusline` });
  });

  it("keeps a status line the user already has, and says so", async () => {
    const own = { type: "command", command: "~/.claude/statusline.sh" };
    fs.mkdirSync(path.dirname(settingsFile()), { recursive: true });
    fs.writeFileSync(settingsFile(), JSON.stringify({ statusLine: own }));
    const result = await runCliInProcess(["install", "--project", box.project, "--statusline"], box);
    expect([settings().statusLine, result.stderr]).toEqual([
      own,
      expect.stringContaining("already has a status line (~/.claude/statusline.sh); it was left as it is"),
    ]);
  });

  it("--uninstall removes Warden's status line with its hooks", async () => {
    await runCliInProcess(["install", "--project", box.project, "--statusline"], box);
    await runCliInProcess(["install", "--project", box.project, "--uninstall"], box);
    expect(settings()).toEqual({});
  });

  it("the command it wires prints the status line when run through a shell", async () => {
    await recordSession(box, SESSION, { open: true, transcript: true });
    await runCliInProcess(["install", "--project", box.project, "--statusline"], box);
    const result = await runCliProcess(["statusline"], box, payload());
    const viaShell = await shellRun(settings().statusLine.command, payload());
    expect(viaShell).toEqual(result.stdout);
  });
});

async function shellRun(command: string, stdin: string): Promise<string> {
  const result = await runProcess("sh", ["-c", command], stdin, box.env, box.project);
  return result.stdout;
}
