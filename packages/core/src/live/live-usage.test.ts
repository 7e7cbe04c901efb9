import { appendFileSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assistantLines, createFixtureProject, promptLine, type FixtureProject } from "../report/transcript/claude-transcript.fixture.js";
import { SessionStore } from "../store/session-store.js";
import { transcriptCachePath } from "../store/warden-paths.js";
import { readLiveUsage } from "./live-usage.js";

let project: FixtureProject;
let dataRoot: string;
let store: SessionStore;

beforeEach(() => {
  project = createFixtureProject();
  dataRoot = mkdtempSync(join(tmpdir(), "warden-live-usage-"));
  store = new SessionStore(join(dataRoot, ".warden"));
});
afterEach(() => {
  project.cleanup();
  rmSync(dataRoot, { recursive: true, force: true });
});

/** One claude-sonnet-4-5 response of 1,000 input and 500 output tokens: $0.0105. */
function response(id: string): string[] {
  return assistantLines(
    { sessionId: project.sessionId },
    {
      id,
      requestId: `req_${id}`,
      model: "claude-sonnet-4-5-20250929",
      blocks: [{ type: "text", text: "ok" }],
      usage: { input: 1000, output: 500 },
    },
  );
}

describe("readLiveUsage", () => {
  it("prices the de-duplicated usage as the reports do", async () => {
    project.write(project.transcriptPath, [promptLine(project, "go"), ...response("msg_1"), ...response("msg_1")]);
    const live = await readLiveUsage(project.transcriptPath, undefined, project.sessionId);
    expect([live.usage.total.responses, live.cost.total_cost_usd]).toEqual([1, 0.0105]);
  });

  it("continues from the transcript cache, so a second reading starts at the end of the first", async () => {
    project.write(project.transcriptPath, [promptLine(project, "go"), ...response("msg_1")]);
    const first = await readLiveUsage(project.transcriptPath, store, project.sessionId);
    appendFileSync(project.transcriptPath, `${response("msg_2").join("\n")}\n`);
    const second = await readLiveUsage(project.transcriptPath, store, project.sessionId);
    expect([first.transcript_offset > 0, second.transcript_offset, second.cost.total_cost_usd]).toEqual([
      true,
      statSync(project.transcriptPath).size,
      0.021,
    ]);
  });

  it("writes nothing without a store", async () => {
    project.write(project.transcriptPath, [promptLine(project, "go"), ...response("msg_1")]);
    await readLiveUsage(project.transcriptPath, undefined, project.sessionId);
    expect(existsSync(transcriptCachePath(store.paths, project.sessionId))).toBe(false);
  });

  it("says the transcript was not found, at no cost, before Claude Code writes it", async () => {
    const live = await readLiveUsage(project.transcriptPath, store, project.sessionId);
    expect([live.found, live.cost.total_cost_usd]).toEqual([false, 0]);
  });
});
