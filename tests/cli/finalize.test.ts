import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli-in-process.js";
import { makeSandbox, readJsonl, type Sandbox } from "../support/hook-process.js";
import { recordSession, startStaleSession } from "./recorded-sessions.js";

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

const OPEN = "aaaa1111-0000-4000-8000-000000000001";
const STALE = "dead0000-0000-4000-8000-000000000002";
const records = (id: string) => readJsonl(path.join(box.wardenDir, "sessions", `${id}.jsonl`));

const reports = (id: string) => ["json", "html", "md"].map((ext) => path.join(box.wardenDir, "reports", `${id}.${ext}`));

describe("warden finalize", () => {
  it("closes the open session an id names, as finalized manually", async () => {
    await recordSession(box, OPEN, { open: true });
    const result = await runCliInProcess(["finalize", "aaaa"], box);
    expect([result.code, result.stdout, records(OPEN).at(-1)]).toEqual([
      0,
      expect.stringContaining(`finalized ${OPEN}`),
      expect.objectContaining({ type: "end", reason: "manual", finalized_by: "manual" }),
    ]);
  });

  it("writes the report of the session it closes", async () => {
    await recordSession(box, OPEN, { open: true });
    await runCliInProcess(["finalize", "aaaa"], box);
    expect(JSON.parse(fs.readFileSync(path.join(box.wardenDir, "reports", `${OPEN}.json`), "utf8")).session).toMatchObject({
      end_reason: "manual",
      finalized_by: "manual",
    });
  });

  it("closes the session in the registry", async () => {
    await recordSession(box, OPEN, { open: true });
    await runCliInProcess(["finalize", "aaaa"], box);
    expect(readJsonl(path.join(box.wardenDir, "sessions.jsonl")).at(-1)).toMatchObject({ type: "end", session_id: OPEN, reason: "manual" });
  });

  it("--json lists the sessions closed", async () => {
    await recordSession(box, OPEN, { open: true });
    const result = await runCliInProcess(["finalize", "aaaa", "--json"], box);
    expect(JSON.parse(result.stdout)).toEqual({ finalized: [{ session_id: OPEN, reason: "manual", report_paths: reports(OPEN) }] });
  });

  it("refuses a session that already ended, exit code 3", async () => {
    await recordSession(box, OPEN);
    const result = await runCliInProcess(["finalize", "aaaa"], box);
    expect([result.code, result.stderr]).toEqual([3, expect.stringContaining(`session ${OPEN} already ended`)]);
  });

  it("without an id closes only the sessions whose Claude Code is gone", async () => {
    await recordSession(box, OPEN, { open: true });
    await startStaleSession(box, STALE);
    const result = await runCliInProcess(["finalize"], box);
    expect([result.stdout, records(STALE).at(-1)?.type, records(OPEN).at(-1)?.type]).toEqual([
      `finalized ${STALE} (stale); report: ${reports(STALE).join(", ")}\n`,
      "end",
      "event",
    ]);
  });

  it("without an id says when nothing is stale", async () => {
    await recordSession(box, OPEN, { open: true });
    const result = await runCliInProcess(["finalize"], box);
    expect([result.code, result.stdout]).toEqual([0, expect.stringContaining("no stale sessions")]);
  });
});
