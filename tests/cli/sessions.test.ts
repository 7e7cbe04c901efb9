import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli-in-process.js";
import { makeSandbox, type Sandbox } from "../support/hook-process.js";
import { recordSession, TRANSCRIPT_COST } from "./recorded-sessions.js";

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

const FIRST = "aaaa1111-0000-4000-8000-000000000001";
const SECOND = "bbbb2222-0000-4000-8000-000000000002";

const lines = (text: string) => text.split("\n").filter((l) => l !== "");

describe("warden sessions", () => {
  it("lists each session newest first with calls, verdicts, tokens, cost and end reason", async () => {
    await recordSession(box, FIRST, { transcript: true });
    await recordSession(box, SECOND, { open: true });
    const result = await runCliInProcess(["sessions"], box);
    expect([result.code, lines(result.stdout)]).toEqual([
      0,
      [
        expect.stringMatching(/^id +start \(UTC\) +duration +calls +allow\/warn\/block +tokens in\/out +cost +end$/),
        expect.stringMatching(/^bbbb2222 +\d{4}-\d\d-\d\d \d\d:\d\d +\S+ +4 +3\/0\/1 +- +- +open$/),
        expect.stringMatching(
          new RegExp(
            `^aaaa1111 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +\\S+ +4 +3/0/1 +1\\.00k/500 +\\${TRANSCRIPT_COST} +prompt_input_exit$`,
          ),
        ),
      ],
    ]);
  });

  it("shows an unknown cost as ? when the report has no transcript to price", async () => {
    await recordSession(box, FIRST);
    const result = await runCliInProcess(["sessions"], box);
    expect(lines(result.stdout)[1]).toMatch(/ \? +\? +prompt_input_exit$/);
  });

  it("--json gives every session's figures as data", async () => {
    await recordSession(box, FIRST, { transcript: true });
    await recordSession(box, SECOND, { open: true });
    const result = await runCliInProcess(["sessions", "--json"], box);
    expect(JSON.parse(result.stdout).sessions).toEqual([
      expect.objectContaining({ session_id: SECOND, tool_calls: 4, end_reason: null, tokens: null, cost_usd: null, source: "records" }),
      expect.objectContaining({
        session_id: FIRST,
        verdicts: { allowed: 3, warned: 0, blocked: 1 },
        tokens: { input_tokens: 1000, output_tokens: 500, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
        cost_usd: 0.0105,
        end_reason: "prompt_input_exit",
        source: "report",
      }),
    ]);
  });

  it("prints plain text when stdout is not a terminal", async () => {
    await recordSession(box, FIRST);
    const result = await runCliInProcess(["sessions"], box);
    expect(result.stdout.includes("\u001b")).toBe(false);
  });

  it("finds the nearest .warden walking up from the cwd", async () => {
    await recordSession(box, FIRST);
    const sub = path.join(box.project, "src", "deep");
    fs.mkdirSync(sub, { recursive: true });
    const { CLAUDE_PROJECT_DIR: _, ...env } = box.env;
    const result = await runCliInProcess(["sessions"], box, "", { cwd: sub, env });
    expect(lines(result.stdout)[1]).toMatch(/^aaaa1111 /);
  });

  it("--dir reads another directory", async () => {
    await recordSession(box, FIRST);
    const moved = path.join(box.home, "elsewhere");
    fs.renameSync(box.wardenDir, moved);
    const result = await runCliInProcess(["sessions", "--dir", moved], box);
    expect(lines(result.stdout)[1]).toMatch(/^aaaa1111 /);
  });

  it("says so when no session is recorded", async () => {
    fs.mkdirSync(box.wardenDir);
    const result = await runCliInProcess(["sessions"], box);
    expect([result.code, result.stdout]).toEqual([0, expect.stringContaining("no sessions recorded")]);
  });

  it("rejects an unknown option with exit code 2 and the usage", async () => {
    const result = await runCliInProcess(["sessions", "--colour"], box);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining("usage: warden sessions")]);
  });
});
