import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "@warden/cli";
import { runCliInProcess } from "../support/cli-in-process.js";
import { HOOKS_DIR, makeSandbox, type ProcessResult, type Sandbox } from "../support/hook-process.js";
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

/** `warden ARGS` with a person at a terminal who answers `answer`; `asked` collects the questions. */
async function runAnswering(args: string[], answer: boolean, asked: string[] = []): Promise<ProcessResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    cwd: box.project,
    env: box.env,
    hooksDir: HOOKS_DIR,
    isTty: true,
    out: (text) => (stdout += `${text}\n`),
    err: (text) => (stderr += `${text}\n`),
    confirm: (question) => {
      asked.push(question);
      return Promise.resolve(answer);
    },
  });
  return { code, stdout, stderr };
}

const registryIds = () =>
  fs
    .readFileSync(path.join(box.wardenDir, "sessions.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => String(JSON.parse(l).session_id));

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
    const result = await runCliInProcess(["clean", "--older-than", "30d", "--yes"], box);
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
    await runCliInProcess(["clean", "--older-than", "30d", "--yes"], box);
    expect(fs.existsSync(path.join(box.wardenDir, "guard", OLD))).toBe(false);
  });

  it("leaves sessions active more recently than the age", async () => {
    await oldAndRecent();
    await runCliInProcess(["clean", "--older-than", "30d", "--yes"], box);
    expect(exists([sessionFile(RECENT), reportFile(RECENT)])).toEqual([true, true]);
  });

  it("skips an old session that is still open", async () => {
    await oldAndRecent({ oldOpen: true });
    const result = await runCliInProcess(["clean", "--older-than", "30d", "--yes"], box);
    expect([result.stdout, exists([sessionFile(OLD)])]).toEqual([expect.stringContaining(`skipped ${OLD}`), [true]]);
  });

  it("--force deletes an old open session too", async () => {
    await oldAndRecent({ oldOpen: true });
    await runCliInProcess(["clean", "--older-than", "30d", "--force", "--yes"], box);
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
    expect(result.stdout).toMatch(/\n0dd00000 .* \$0\.0105 +sonnet-4-5 +prompt_input_exit \(gz\) +-\n/);
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

  it("--dry-run sums up what it would do, not what it did", async () => {
    await oldAndRecent();
    const result = await runCliInProcess(["clean", "--older-than", "30d", "--dry-run"], box);
    expect(result.stdout).toMatch(/\ndry run, nothing changed: would delete 1, would compress 0, skipped 0\n$/);
  });

  it("--dry-run --json says would-delete", async () => {
    await oldAndRecent();
    const result = await runCliInProcess(["clean", "--older-than", "30d", "--dry-run", "--json"], box);
    expect(JSON.parse(result.stdout)).toEqual({
      dry_run: true,
      older_than: "30d",
      actions: [expect.objectContaining({ session_id: OLD, action: "would-delete" })],
    });
  });

  it("--dry-run --compress --json says would-compress", async () => {
    await oldAndRecent();
    const result = await runCliInProcess(["clean", "--older-than", "30d", "--compress", "--dry-run", "--json"], box);
    expect(JSON.parse(result.stdout).actions).toEqual([expect.objectContaining({ session_id: OLD, action: "would-compress" })]);
  });

  it("without a terminal to ask and without --yes, deletes nothing and exits 2 saying to pass --yes", async () => {
    await oldAndRecent();
    const result = await runCliInProcess(["clean", "--older-than", "30d"], box);
    expect([result.code, result.stderr, exists([sessionFile(OLD)])]).toEqual([
      2,
      expect.stringMatching(/^warden clean: would delete 1 session \(\d+\.\d KiB\) .*stdin is not a terminal to confirm: pass --yes/),
      [true],
    ]);
  });

  it("on a terminal, asks how many sessions and how much space before deleting", async () => {
    await oldAndRecent();
    const asked: string[] = [];
    await runAnswering(["clean", "--older-than", "30d"], true, asked);
    expect(asked).toEqual([expect.stringMatching(/^Delete 1 session \(\d+\.\d KiB\)\?/)]);
  });

  it("on a terminal, deletes once the answer is yes", async () => {
    await oldAndRecent();
    const result = await runAnswering(["clean", "--older-than", "30d"], true);
    expect([result.code, exists([sessionFile(OLD), sessionFile(RECENT)])]).toEqual([0, [false, true]]);
  });

  it("on a terminal, deletes nothing when the answer is no, exit code 1", async () => {
    await oldAndRecent();
    const result = await runAnswering(["clean", "--older-than", "30d"], false);
    expect([result.code, result.stderr, exists([sessionFile(OLD)])]).toEqual([1, "warden clean: nothing deleted\n", [true]]);
  });

  it("--compress does not ask: nothing is lost", async () => {
    await oldAndRecent();
    const asked: string[] = [];
    const result = await runAnswering(["clean", "--older-than", "30d", "--compress"], false, asked);
    expect([result.code, asked, exists([`${sessionFile(OLD)}.gz`])]).toEqual([0, [], [true]]);
  });

  it("removes the deleted session's registry lines and keeps the others'", async () => {
    await oldAndRecent();
    await runCliInProcess(["clean", "--older-than", "30d", "--yes"], box);
    expect(registryIds()).toEqual([RECENT, RECENT]);
  });

  it("leaves the cost totals exactly as they were", async () => {
    await recordSession(box, OLD, { transcript: true });
    await recordSession(box, RECENT, { transcript: true });
    ageSession(box, OLD, 40);
    const before = JSON.parse((await runCliInProcess(["cost", "--json"], box)).stdout);
    await runCliInProcess(["clean", "--older-than", "30d", "--yes"], box);
    const after = JSON.parse((await runCliInProcess(["cost", "--json"], box)).stdout);
    expect([after.periods, after.total, after.deleted_sessions]).toEqual([before.periods, before.total, 1]);
  });

  it("keeps the deleted session's figures but not its prompt", async () => {
    await recordSession(box, OLD, { transcript: true, prompt: "rename the payment module" });
    ageSession(box, OLD, 40);
    await runCliInProcess(["clean", "--older-than", "30d", "--yes"], box);
    const kept = fs.readFileSync(path.join(box.wardenDir, "cleaned-sessions.jsonl"), "utf8");
    expect([JSON.parse(kept), kept.includes("payment")]).toEqual([
      expect.objectContaining({
        session_id: OLD,
        cost_usd: 0.0105,
        tokens: expect.objectContaining({ input_tokens: 1000, output_tokens: 500 }),
        models: { "claude-sonnet-4-5-20250929": expect.objectContaining({ cost_usd: 0.0105 }) },
      }),
      false,
    ]);
  });

  it("sessions then says how many deleted sessions it does not list", async () => {
    await oldAndRecent();
    await runCliInProcess(["clean", "--older-than", "30d", "--yes"], box);
    const result = await runCliInProcess(["sessions"], box);
    expect(result.stdout).toMatch(/\n1 session deleted by `warden clean` not listed; `warden cost` still counts their spend\n$/);
  });

  it("requires --older-than, exit code 2", async () => {
    const result = await runCliInProcess(["clean"], box);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining("--older-than AGE is required")]);
  });

  it("never deletes the data directory through a session file named after '..' (file names are untrusted)", async () => {
    await oldAndRecent();
    writeOldEndedSession(path.join(box.wardenDir, "sessions", "...jsonl"));
    await runCliInProcess(["clean", "--older-than", "30d", "--yes"], box);
    expect(exists([sessionFile(RECENT), reportFile(RECENT)])).toEqual([true, true]);
  });

  it("never deletes through a sessions folder that is a link to a folder outside", async () => {
    const outside = path.join(path.dirname(box.project), "outside");
    fs.mkdirSync(outside);
    writeOldEndedSession(path.join(outside, `${OLD}.jsonl`));
    fs.mkdirSync(box.wardenDir);
    fs.symlinkSync(outside, path.join(box.wardenDir, "sessions"));
    await runCliInProcess(["clean", "--older-than", "30d", "--yes"], box);
    expect(fs.existsSync(path.join(outside, `${OLD}.jsonl`))).toBe(true);
  });
});
