import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as p from "../support/payloads.js";
import {
  healthOf,
  makeResidentSandbox,
  readStateLine,
  runClient,
  runSessionStart,
  runWarden,
  serverProcesses,
  sessionRecords,
  startServer,
  stopEverything,
  type ResidentSandbox,
} from "../support/resident.js";

/**
 * One server for every session of the user: many sessions calling it at once must each get every
 * call recorded once, in order; many starts at once must end with one server.
 */

let box: ResidentSandbox;
beforeEach(() => {
  box = makeResidentSandbox();
});
afterEach(async () => {
  await stopEverything(box);
  box.cleanup();
});

const SESSIONS = 64;
const PAIRS = 3;
/** Sessions running at once: the machine may have 2 cores. */
const AT_ONCE = 16;

const sessionId = (i: number) => `c0c0a000-0000-4000-8000-${String(i).padStart(12, "0")}`;

/** Runs `work` for 0..count-1, at most `limit` at a time. */
async function inBatches(count: number, limit: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** A session as Claude Code drives it in resident mode: SessionStart, then Pre/Post pairs through the client. */
async function runSession(i: number): Promise<void> {
  const s = { sessionId: sessionId(i), cwd: box.project };
  await runSessionStart(p.sessionStart(s), box);
  for (let call = 0; call < PAIRS; call++) {
    const input = p.bashInput(`echo session ${i} call ${call}`);
    const id = `toolu_${i}_${call}`;
    await runClient("post-tool-guard", p.preToolUse(s, "Bash", input, id), box);
    await runClient("post-tool-guard", p.postToolUse(s, "Bash", input, p.bashResponse(`session ${i} call ${call}`), id), box);
  }
}

describe("64 sessions against one server", () => {
  it("records every session completely: init then each call once, ids 1..N without gap", { timeout: 300_000 }, async () => {
    await startServer(box);
    await inBatches(SESSIONS, AT_ONCE, runSession);
    const summaries = Array.from({ length: SESSIONS }, (_, i) => {
      const records = sessionRecords(box, sessionId(i));
      return {
        ids: records.map((r) => r.id),
        types: records.map((r) => r.type),
        calls: records.filter((r) => r.type === "event").map((r) => [r.tool_use_id, r.outcome]),
      };
    });
    const expected = Array.from({ length: SESSIONS }, (_, i) => ({
      ids: Array.from({ length: PAIRS + 1 }, (_unused, id) => id + 1),
      types: ["init", ...Array.from({ length: PAIRS }, () => "event")],
      calls: Array.from({ length: PAIRS }, (_unused, call) => [`toolu_${i}_${call}`, "completed"]),
    }));
    expect(summaries).toEqual(expected);
  });
});

describe("single instance", () => {
  const START_AT_ONCE = 8;

  it(
    "8 `warden server start` at once end with one server: one pid everywhere, one server process alive",
    { timeout: 120_000 },
    async () => {
      const results = await Promise.all(Array.from({ length: START_AT_ONCE }, () => runWarden(["server", "start", "--json"], box)));
      const reported = results.map((r) => (r.code === 0 ? JSON.parse(r.stdout).pid : `exit ${r.code}: ${r.stderr}`));
      const { pid } = readStateLine(box);
      expect([reported, serverProcesses(box)]).toEqual([Array.from({ length: START_AT_ONCE }, () => pid), [pid]]);
    },
  );
});

describe("two projects against one server", () => {
  it("keeps each project's sessions in that project's own .warden", { timeout: 120_000 }, async () => {
    await startServer(box);
    const other = path.join(path.dirname(box.project), "other-project");
    fs.mkdirSync(other);
    const otherBox: ResidentSandbox = {
      ...box,
      project: other,
      wardenDir: path.join(other, ".warden"),
      env: { ...box.env, CLAUDE_PROJECT_DIR: other },
    };
    await Promise.all(
      [box, otherBox].map(async (b, i) => {
        const s = { sessionId: sessionId(100 + i), cwd: b.project };
        const input = p.bashInput(`echo project ${i}`);
        await runClient("post-tool-guard", p.preToolUse(s, "Bash", input, `toolu_p${i}`), b);
        await runClient("post-tool-guard", p.postToolUse(s, "Bash", input, p.bashResponse(`project ${i}`), `toolu_p${i}`), b);
      }),
    );
    const eventsIn = (b: ResidentSandbox, i: number) =>
      sessionRecords(b, sessionId(100 + i))
        .filter((r) => r.type === "event")
        .map((e) => [e.tool_use_id, e.working_dir]);
    expect([eventsIn(box, 0), eventsIn(otherBox, 1), (await healthOf(readStateLine(box))).served]).toEqual([
      [["toolu_p0", box.project]],
      [["toolu_p1", other]],
      4,
    ]);
  });
});
