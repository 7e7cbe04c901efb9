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
const SECOND = "aaaa2222-0000-4000-8000-000000000002";
const reportFile = (id: string) => path.join(box.wardenDir, "reports", `${id}.json`);
const allReportFiles = (id: string) => ["json", "html", "md"].map((ext) => path.join(box.wardenDir, "reports", `${id}.${ext}`));

describe("warden show", () => {
  it("summarizes the session a short id names", async () => {
    await recordSession(box, FIRST, { transcript: true });
    const result = await runCliInProcess(["show", "aaaa1"], box);
    expect([result.code, result.stdout]).toEqual([0, expect.stringContaining(`Session ${FIRST}`)]);
  });

  it("shows tokens and cost by model", async () => {
    await recordSession(box, FIRST, { transcript: true });
    const result = await runCliInProcess(["show", "aaaa1"], box);
    expect(result.stdout).toMatch(new RegExp(`claude-sonnet-4-5-20250929 +1\\.00k +500 +0 +0 +1 +\\${TRANSCRIPT_COST}`));
  });

  it("shows the tools table", async () => {
    await recordSession(box, FIRST);
    const result = await runCliInProcess(["show", "aaaa1"], box);
    expect(result.stdout).toMatch(/Tools\n +tool +calls +time +failed +warned +blocked\n +Bash +2 +\S+ +0 +0 +1\n/);
  });

  it("lists a blocked call with its rule, command and reason", async () => {
    await recordSession(box, FIRST);
    const result = await runCliInProcess(["show", "aaaa1"], box);
    expect(result.stdout).toMatch(/blocked Bash at .* rule fs\.rm-home \(critical\)\n +rm -rf ~\n +reason: Warden blocked this command/);
  });

  it("shows a block reason whole, however long, wrapped", async () => {
    await recordSession(box, FIRST);
    const result = await runCliInProcess(["show", "aaaa1"], box);
    expect(result.stdout).toMatch(/\n +reason: Warden blocked this command: [^]*\n {6}\S[^]*do not try to work around the guard\.\n/);
  });

  it("says where the session's HTML report is", async () => {
    await recordSession(box, FIRST);
    const result = await runCliInProcess(["show", "aaaa1"], box);
    expect(result.stdout).toContain(`\n  report    ${path.join(box.wardenDir, "reports", `${FIRST}.html`)}\n`);
  });

  it("counts one prompt in the singular", async () => {
    await recordSession(box, FIRST, { prompt: "fix the tests" });
    const result = await runCliInProcess(["show", "aaaa1"], box);
    expect(result.stdout).toContain("activity  4 tool calls, 1 prompt, 0 subagent stops");
  });

  it("lists the files written", async () => {
    await recordSession(box, FIRST);
    const result = await runCliInProcess(["show", "aaaa1"], box);
    expect(result.stdout).toContain(`Files written\n  ${path.join(box.project, "notes.md")}\n`);
  });

  it("--json prints the report's data", async () => {
    await recordSession(box, FIRST);
    const result = await runCliInProcess(["show", "aaaa1", "--json"], box);
    expect(JSON.parse(result.stdout)).toMatchObject({ report_version: 2, session: { session_id: FIRST }, verdicts: { blocked: 1 } });
  });

  it("names an ambiguous prefix and the sessions it matches, exit code 3", async () => {
    await recordSession(box, FIRST);
    await recordSession(box, SECOND);
    const result = await runCliInProcess(["show", "aaaa"], box);
    expect([result.code, result.stderr]).toEqual([3, expect.stringContaining(`"aaaa" matches 2 sessions: ${FIRST}, ${SECOND}`)]);
  });

  it("names an unknown id, exit code 3", async () => {
    await recordSession(box, FIRST);
    const result = await runCliInProcess(["show", "ffff"], box);
    expect([result.code, result.stderr]).toEqual([3, expect.stringContaining('no session matches "ffff"')]);
  });

  it("without an id is a usage error, exit code 2", async () => {
    const result = await runCliInProcess(["show"], box);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining("usage: warden show <id>")]);
  });
});

describe("warden report", () => {
  it("rewrites the session's reports (JSON, HTML, Markdown) and prints their paths", async () => {
    await recordSession(box, FIRST);
    fs.writeFileSync(reportFile(FIRST), "stale");
    const result = await runCliInProcess(["report", "aaaa"], box);
    expect([result.stdout, JSON.parse(fs.readFileSync(reportFile(FIRST), "utf8")).session]).toEqual([
      `${allReportFiles(FIRST).join("\n")}\n`,
      expect.objectContaining({ session_id: FIRST, end_reason: "prompt_input_exit" }),
    ]);
  });

  it("--json names the paths written", async () => {
    await recordSession(box, FIRST);
    const result = await runCliInProcess(["report", "aaaa", "--json"], box);
    expect(JSON.parse(result.stdout)).toEqual({ session_id: FIRST, paths: allReportFiles(FIRST) });
  });
});
