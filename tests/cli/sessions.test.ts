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
  it("lists each session newest first with calls, verdicts, tokens, cost, model, end reason and first prompt", async () => {
    await recordSession(box, FIRST, { transcript: true });
    await recordSession(box, SECOND, { open: true });
    const result = await runCliInProcess(["sessions"], box);
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

  it("shows an unknown cost as ? when the report has no transcript to price", async () => {
    await recordSession(box, FIRST);
    const result = await runCliInProcess(["sessions"], box);
    expect(lines(result.stdout)[1]).toMatch(/ \? +\? +- +prompt_input_exit +-$/);
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

  it("--json names each session's main model, first prompt and project", async () => {
    await recordSession(box, FIRST, { transcript: true, prompt: "fix the failing test" });
    const result = await runCliInProcess(["sessions", "--json"], box);
    expect(JSON.parse(result.stdout).sessions).toEqual([
      expect.objectContaining({
        main_models: ["claude-sonnet-4-5-20250929"],
        first_prompt: "fix the failing test",
        project_dir: box.project,
      }),
    ]);
  });

  it("shows the first prompt on one line, cut to the column", async () => {
    await recordSession(box, FIRST, { prompt: `fix the failing test\n\nin ${"src/".repeat(30)}` });
    const result = await runCliInProcess(["sessions"], box);
    expect(lines(result.stdout)[1]).toMatch(/ prompt_input_exit +fix the failing test in src\/src\/[^ ]*…$/);
  });

  it("masks a secret in the first prompt, as the report does", async () => {
    const key = ["AKIA", "Z7QXVBN3KL5MPW2R"].join("");
    await recordSession(box, FIRST, { prompt: `deploy with ${key}` });
    const result = await runCliInProcess(["sessions", "--json"], box);
    expect([result.stdout.includes(key), JSON.parse(result.stdout).sessions[0].first_prompt]).toEqual([
      false,
      expect.stringMatching(/^deploy with /),
    ]);
  });

  it("adds a project column when the directory holds sessions of several projects (a shared WARDEN_DIR)", async () => {
    await recordSession(box, FIRST);
    const other = path.join(box.home, "other-project");
    fs.mkdirSync(other);
    const shared = { ...box.env, WARDEN_DIR: box.wardenDir, CLAUDE_PROJECT_DIR: other };
    await recordSession({ ...box, project: other, env: shared }, SECOND);
    const result = await runCliInProcess(["sessions"], box);
    expect(lines(result.stdout)).toEqual([
      expect.stringMatching(/ end +project +first prompt$/),
      expect.stringMatching(/ prompt_input_exit +~\/other-project +-$/),
      expect.stringMatching(new RegExp(` prompt_input_exit +${box.project.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} +-$`)),
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
