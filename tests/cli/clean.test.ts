import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli-in-process.js";
import { makeSandbox, type Sandbox } from "../support/hook-process.js";
import { ageSession, recordSession } from "./recorded-sessions.js";

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

const OLD = "0dd00000-0000-4000-8000-000000000001";
const RECENT = "ee000000-0000-4000-8000-000000000002";
const sessionFile = (id: string) => path.join(box.wardenDir, "sessions", `${id}.jsonl`);
const reportFile = (id: string) => path.join(box.wardenDir, "reports", `${id}.json`);
const cacheFile = (id: string) => path.join(box.wardenDir, "cache", `${id}.transcript.json`);
const exists = (files: string[]) => files.map((f) => fs.existsSync(f));

async function oldAndRecent(options: { oldOpen?: boolean } = {}) {
  await recordSession(box, OLD, { transcript: true, open: options.oldOpen });
  await recordSession(box, RECENT);
  ageSession(box, OLD, 40);
}

/** A session file holding only an end record, last touched 40 days ago: what clean would delete. */
function writeOldEndedSession(file: string): void {
  const end = {
    type: "end",
    id: 1,
    timestamp: "2026-01-01T00:00:00.000Z",
    reason: "other",
    ended_at: "2026-01-01T00:00:00.000Z",
    finalized_by: "manual",
    unfinished_calls: 0,
    report_paths: [],
  };
  fs.writeFileSync(file, `${JSON.stringify(end)}\n`);
  const aged = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
  fs.utimesSync(file, aged, aged);
}

describe("warden clean", () => {
  it("deletes a session older than the age with its report and transcript cache", async () => {
    await oldAndRecent();
    const result = await runCliInProcess(["clean", "--older-than", "30d"], box);
    expect([result.code, result.stdout, exists([sessionFile(OLD), reportFile(OLD), cacheFile(OLD)])]).toEqual([
      0,
      expect.stringContaining(`deleted ${OLD}`),
      [false, false, false],
    ]);
  });

  it("deletes the guard's state for an old session (the LLM tier's cache and budget) with it", async () => {
    await oldAndRecent();
    const state = path.join(box.wardenDir, "guard", OLD, "llm-cache");
    fs.mkdirSync(state, { recursive: true });
    fs.writeFileSync(path.join(state, "ab12.json"), "0.9");
    await runCliInProcess(["clean", "--older-than", "30d"], box);
    expect(fs.existsSync(path.join(box.wardenDir, "guard", OLD))).toBe(false);
  });

  it("leaves sessions active more recently than the age", async () => {
    await oldAndRecent();
    await runCliInProcess(["clean", "--older-than", "30d"], box);
    expect(exists([sessionFile(RECENT), reportFile(RECENT)])).toEqual([true, true]);
  });

  it("skips an old session that is still open", async () => {
    await oldAndRecent({ oldOpen: true });
    const result = await runCliInProcess(["clean", "--older-than", "30d"], box);
    expect([result.stdout, exists([sessionFile(OLD)])]).toEqual([expect.stringContaining(`skipped ${OLD}`), [true]]);
  });

  it("--force deletes an old open session too", async () => {
    await oldAndRecent({ oldOpen: true });
    await runCliInProcess(["clean", "--older-than", "30d", "--force"], box);
    expect(exists([sessionFile(OLD)])).toEqual([false]);
  });

  it("--dry-run says what it would delete and deletes nothing", async () => {
    await oldAndRecent();
    const result = await runCliInProcess(["clean", "--older-than", "30d", "--dry-run"], box);
    expect([result.stdout, exists([sessionFile(OLD), reportFile(OLD)])]).toEqual([
      expect.stringContaining(`would delete ${OLD}`),
      [true, true],
    ]);
  });

  it("--compress gzips the old session file and report instead", async () => {
    await oldAndRecent();
    await runCliInProcess(["clean", "--older-than", "30d", "--compress"], box);
    expect(exists([sessionFile(OLD), `${sessionFile(OLD)}.gz`, reportFile(OLD), `${reportFile(OLD)}.gz`])).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });

  it("show still reads a compressed session", async () => {
    await oldAndRecent();
    await runCliInProcess(["clean", "--older-than", "30d", "--compress"], box);
    const result = await runCliInProcess(["show", "0dd"], box);
    expect([result.code, result.stdout]).toEqual([0, expect.stringMatching(new RegExp(`Session ${OLD}[^]*\\$0\\.0105[^]*rm -rf ~`))]);
  });

  it("show keeps a compressed session's report compressed", async () => {
    await oldAndRecent();
    await runCliInProcess(["clean", "--older-than", "30d", "--compress"], box);
    await runCliInProcess(["show", "0dd"], box);
    expect(exists([reportFile(OLD), `${reportFile(OLD)}.gz`])).toEqual([false, true]);
  });

  it("sessions still lists a compressed session from its gzipped report", async () => {
    await oldAndRecent();
    await runCliInProcess(["clean", "--older-than", "30d", "--compress"], box);
    const result = await runCliInProcess(["sessions"], box);
    expect(result.stdout).toMatch(/\n0dd00000 .* \$0\.0105 +prompt_input_exit \(gz\)\n/);
  });

  it("--json lists each action with the files it touched", async () => {
    await oldAndRecent();
    const result = await runCliInProcess(["clean", "--older-than", "30d", "--compress", "--json"], box);
    expect(JSON.parse(result.stdout)).toEqual({
      dry_run: false,
      older_than: "30d",
      actions: [
        expect.objectContaining({
          session_id: OLD,
          action: "compressed",
          files: [`${sessionFile(OLD)}.gz`, ...["json", "html", "md"].map((ext) => `${reportFile(OLD).replace(/json$/, ext)}.gz`)],
        }),
      ],
    });
  });

  it("requires --older-than, exit code 2", async () => {
    const result = await runCliInProcess(["clean"], box);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining("--older-than AGE is required")]);
  });

  it("never deletes the data directory through a session file named after '..' (file names are untrusted)", async () => {
    await oldAndRecent();
    writeOldEndedSession(path.join(box.wardenDir, "sessions", "...jsonl"));
    await runCliInProcess(["clean", "--older-than", "30d"], box);
    expect(exists([sessionFile(RECENT), reportFile(RECENT)])).toEqual([true, true]);
  });

  it("never deletes through a sessions folder that is a link to a folder outside", async () => {
    const outside = path.join(path.dirname(box.project), "outside");
    fs.mkdirSync(outside);
    writeOldEndedSession(path.join(outside, `${OLD}.jsonl`));
    fs.mkdirSync(box.wardenDir);
    fs.symlinkSync(outside, path.join(box.wardenDir, "sessions"));
    await runCliInProcess(["clean", "--older-than", "30d"], box);
    expect(fs.existsSync(path.join(outside, `${OLD}.jsonl`))).toBe(true);
  });
});
