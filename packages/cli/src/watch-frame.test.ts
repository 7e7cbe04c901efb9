import { describe, expect, it } from "vitest";
import { styleFor } from "./format.js";
import { call, sonnetUsage, tallyOf } from "./live-view.fixture.js";
import { renderWatchFrame } from "./watch-frame.js";

const PLAIN = styleFor({ isTty: false, env: {} });
const SESSION = "5ec2e700-0000-4000-8000-000000000001";
const records = tallyOf([call("npm test", "allowed"), call("rm -rf ~", "blocked", "deletes the home folder")]);
const frame = (overrides: Partial<Parameters<typeof renderWatchFrame>[0]> = {}, calls = 10, footer: string | null = null) =>
  renderWatchFrame({ session_id: SESSION, records, usage: sonnetUsage(), transcript_error: null, ...overrides }, PLAIN, { calls, footer });

describe("renderWatchFrame", () => {
  it("heads the frame with the session and whether it is open", () => {
    expect(frame()[0]).toBe(`warden watch · session ${SESSION} · open, last record 10:04:12 · times UTC`);
  });

  it("says when and why the session ended", () => {
    const ended = { ...records, ended: { reason: "prompt_input_exit", ended_at: "2026-11-21T10:05:00.000Z" } };
    expect(frame({ records: ended })[0]).toContain("ended 10:05:00 (prompt_input_exit)");
  });

  it("shows the cost, the token kinds and a row per model", () => {
    expect(frame().slice(1, 7)).toEqual([
      "cost     $0.4213",
      "tokens   2.00k in, 40.0k cache write, 140k cache read, 12.0k out · 3 API responses",
      "",
      "model          in  cache write  cache read    out     cost",
      "sonnet-4-5  2.00k        40.0k        140k  12.0k  $0.4213",
      "",
    ]);
  });

  it("counts the calls by verdict and lists the last ones with a flagged call's reason", () => {
    expect(frame().slice(7)).toEqual([
      "calls    2: 1 allowed, 0 warned, 1 blocked",
      "last 2 of 2:",
      "  10:04:01  allowed  Bash  npm test",
      "  10:04:01  blocked  Bash  rm -rf ~ — deletes the home folder",
    ]);
  });

  it("lists only as many calls as asked", () => {
    expect(frame({}, 1).filter((line) => line.startsWith("  10:"))).toEqual([
      "  10:04:01  blocked  Bash  rm -rf ~ — deletes the home folder",
    ]);
  });

  it("says the cost is unknown while no record names the transcript", () => {
    expect(frame({ usage: null })[1]).toBe("cost     ? (no record names the session's transcript yet)");
  });

  it("says why the transcript could not be read", () => {
    expect(frame({ usage: null, transcript_error: "EACCES: permission denied" })[1]).toBe(
      "cost     ? (the transcript could not be read: EACCES: permission denied)",
    );
  });

  it("ends with the footer when one is given", () => {
    expect(frame({}, 10, "refreshing every 2s · Ctrl-C to quit").slice(-2)).toEqual(["", "refreshing every 2s · Ctrl-C to quit"]);
  });
});
