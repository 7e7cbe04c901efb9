import { rmSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { metadataLines } from "../report/transcript/claude-transcript.fixture.js";
import { SYNTHETIC_MODEL } from "../report/transcript/transcript-line.js";
import {
  answer,
  copiedInto,
  createHistory,
  DEFAULT_SLUG,
  HAIKU,
  queueLine,
  SONNET,
  type FixtureHistory,
} from "./claude-history.fixture.js";
import { readProjectFolder } from "./transcript-tree.js";
import { readUsageHistory, type UsageHistory } from "./usage-history.js";
import { emptyScanCounts, scanGroupUsage, type SessionUsage } from "./usage-scan.js";

let history: FixtureHistory;
beforeEach(() => {
  history = createHistory();
});
afterEach(() => history.cleanup());

const A = "aaaaaaaa-0000-4000-8000-000000000001";
const B = "bbbbbbbb-0000-4000-8000-000000000002";
const AT = "2026-11-21T10:00:01.000Z";

type Summary = Record<string, Record<string, { input: number; output: number; responses: number; fast: number }>>;

/** Per session, per model: input and output tokens, responses, and how many of them were fast. */
function summaryOf(sessions: readonly SessionUsage[]): Summary {
  const summary: Summary = {};
  for (const session of sessions) {
    const models = (summary[session.session_id] ??= {});
    for (const cell of session.cells) {
      const model = (models[cell.model] ??= { input: 0, output: 0, responses: 0, fast: 0 });
      model.input += cell.counts.input_tokens;
      model.output += cell.counts.output_tokens;
      model.responses += cell.counts.responses;
      if (cell.fast) model.fast += cell.counts.responses;
    }
  }
  return summary;
}

const read = (): Promise<UsageHistory> => readUsageHistory(history.claudeDir);

describe("readUsageHistory de-duplication", () => {
  it("counts a response split over content-block lines once, with its largest output_tokens", async () => {
    history.write(history.transcriptPath(A), answer(A, "msg_1", AT, { blocks: 3, usage: { input: 1000, output: 90 } }));
    const usage = await read();
    expect([summaryOf(usage.sessions), usage.read.duplicate_lines]).toEqual([
      { [A]: { [SONNET]: { input: 1000, output: 90, responses: 1, fast: 0 } } },
      2,
    ]);
  });

  it("counts a response a forked session repeats once, in the older session", async () => {
    const first = answer(A, "msg_1", AT, { usage: { input: 1000, output: 10 } });
    history.write(history.transcriptPath(A), first);
    history.write(history.transcriptPath(B), [
      ...copiedInto(B, first),
      ...answer(B, "msg_2", "2026-11-21T11:00:00.000Z", { usage: { input: 2000, output: 20 } }),
    ]);
    history.touch(history.transcriptPath(A), "2026-11-21T10:00:02.000Z");
    history.touch(history.transcriptPath(B), "2026-11-21T11:00:01.000Z");
    expect(summaryOf((await read()).sessions)).toEqual({
      [A]: { [SONNET]: { input: 1000, output: 10, responses: 1, fast: 0 } },
      [B]: { [SONNET]: { input: 2000, output: 20, responses: 1, fast: 0 } },
    });
  });

  it("keeps a forked response in the older session when that session was written to after the fork", async () => {
    // As `claude -p --resume A --fork-session` then `claude -p --resume A` write them (2.1.197): the
    // fork's file opens with its own queue-operation, then A's lines copied with B's sessionId.
    const first = answer(A, "msg_1", AT, { usage: { input: 1000, output: 10 } });
    history.write(history.transcriptPath(A), [
      queueLine(A, "2026-11-21T10:00:00.000Z"),
      ...first,
      queueLine(A, "2026-11-21T12:00:00.000Z"),
      ...answer(A, "msg_3", "2026-11-21T12:00:01.000Z", { usage: { input: 3000, output: 30 } }),
    ]);
    history.write(history.transcriptPath(B), [
      queueLine(B, "2026-11-21T11:00:00.000Z"),
      ...copiedInto(B, first),
      ...answer(B, "msg_2", "2026-11-21T11:00:01.000Z", { usage: { input: 2000, output: 20 } }),
    ]);
    history.touch(history.transcriptPath(B), "2026-11-21T11:00:02.000Z");
    history.touch(history.transcriptPath(A), "2026-11-21T12:00:02.000Z");
    expect(summaryOf((await read()).sessions)).toEqual({
      [A]: { [SONNET]: { input: 4000, output: 40, responses: 2, fast: 0 } },
      [B]: { [SONNET]: { input: 2000, output: 20, responses: 1, fast: 0 } },
    });
  });
});

describe("readUsageHistory subagents", () => {
  it("counts a subagent file of the 2.1.197 layout in its session", async () => {
    history.write(history.transcriptPath(A), answer(A, "msg_1", AT));
    history.write(
      history.subagentPath(A, "a1"),
      answer(A, "msg_2", AT, { agentId: "a1", model: HAIKU, blocks: 2, usage: { input: 300, output: 30 } }),
    );
    expect(summaryOf((await read()).sessions)).toEqual({
      [A]: {
        [SONNET]: { input: 1000, output: 100, responses: 1, fast: 0 },
        [HAIKU]: { input: 300, output: 30, responses: 1, fast: 0 },
      },
    });
  });

  it("counts a subagent file whose session's main transcript is gone, in that session", async () => {
    history.write(
      history.subagentPath(A, "a1"),
      answer(A, "msg_2", AT, { agentId: "a1", model: HAIKU, usage: { input: 300, output: 30 } }),
    );
    expect(summaryOf((await read()).sessions)).toEqual({ [A]: { [HAIKU]: { input: 300, output: 30, responses: 1, fast: 0 } } });
  });

  it("counts a legacy agent-*.jsonl file in the session its lines name", async () => {
    history.write(history.transcriptPath(A), answer(A, "msg_1", AT));
    history.write(history.transcriptPath(B), answer(B, "msg_2", AT));
    history.write(
      history.transcriptPath("agent-legacy1"),
      answer(B, "msg_3", AT, { agentId: "legacy1", model: HAIKU, usage: { input: 300, output: 30 } }),
    );
    expect(summaryOf((await read()).sessions)[B]).toEqual({
      [SONNET]: { input: 1000, output: 100, responses: 1, fast: 0 },
      [HAIKU]: { input: 300, output: 30, responses: 1, fast: 0 },
    });
  });
});

describe("readUsageHistory models", () => {
  it("does not count lines Claude Code makes up itself (<synthetic>)", async () => {
    history.write(history.transcriptPath(A), [...answer(A, "msg_1", AT), ...answer(A, "msg_2", AT, { model: SYNTHETIC_MODEL })]);
    expect(summaryOf((await read()).sessions)).toEqual({ [A]: { [SONNET]: { input: 1000, output: 100, responses: 1, fast: 0 } } });
  });

  it("bills an advisor iteration inside a response to the advisor's model", async () => {
    const advisor = { type: "advisor_message", model: "claude-opus-4-8", input_tokens: 900, output_tokens: 60 };
    history.write(history.transcriptPath(A), answer(A, "msg_1", AT, { blocks: 2, usage: { input: 5, output: 7, iterations: [advisor] } }));
    expect(summaryOf((await read()).sessions)).toEqual({
      [A]: {
        [SONNET]: { input: 5, output: 7, responses: 1, fast: 0 },
        "claude-opus-4-8": { input: 900, output: 60, responses: 1, fast: 0 },
      },
    });
  });

  it("keeps fast-mode responses apart from standard ones of the same model", async () => {
    history.write(history.transcriptPath(A), [
      ...answer(A, "msg_1", AT, { model: "claude-opus-4-6", usage: { input: 10, output: 1, speed: "fast" } }),
      ...answer(A, "msg_2", AT, { model: "claude-opus-4-6", usage: { input: 20, output: 2 } }),
    ]);
    expect(summaryOf((await read()).sessions)).toEqual({
      [A]: { "claude-opus-4-6": { input: 30, output: 3, responses: 2, fast: 1 } },
    });
  });
});

describe("readUsageHistory tolerance", () => {
  it("skips and counts a corrupt line, and reads on", async () => {
    history.write(history.transcriptPath(A), [
      ...answer(A, "msg_1", AT),
      '{"type":"assistant","message":{"id":',
      ...answer(A, "msg_2", AT),
    ]);
    const usage = await read();
    expect([usage.read.corrupt_lines, usage.read.responses]).toEqual([1, 2]);
  });

  it("skips and counts a half-written last line (no newline yet)", async () => {
    const [cut] = answer(A, "msg_2", AT);
    history.write(history.transcriptPath(A), answer(A, "msg_1", AT), (cut ?? "").slice(0, 120));
    const usage = await read();
    expect([usage.read.partial_lines, usage.read.corrupt_lines, usage.read.responses]).toEqual([1, 0, 1]);
  });

  it("reads on when a file is deleted between the listing and its reading", async () => {
    history.write(history.transcriptPath(A), answer(A, "msg_1", AT));
    history.write(history.transcriptPath(B), answer(B, "msg_2", AT));
    const folder = await readProjectFolder(history.projectsDir, DEFAULT_SLUG);
    rmSync(history.transcriptPath(A));
    const counts = emptyScanCounts();
    const seen = new Set<string>();
    const sessions: SessionUsage[] = [];
    for (const group of folder.groups) sessions.push(...(await scanGroupUsage(DEFAULT_SLUG, group, seen, counts)).sessions);
    expect([Object.keys(summaryOf(sessions)), counts.files, counts.responses]).toEqual([[B], 1, 1]);
  });

  it("reads a missing projects/ folder as an empty history", async () => {
    rmSync(history.projectsDir, { recursive: true });
    expect(await read()).toEqual({
      claude_dir: history.claudeDir,
      projects: 0,
      sessions: [],
      read: emptyScanCounts(),
      cached_files: 0,
    });
  });

  it("counts the metadata lines around a conversation as read, not as corrupt or invalid", async () => {
    history.write(history.transcriptPath(A), [...metadataLines({ sessionId: A }), ...answer(A, "msg_1", AT)]);
    const usage = await read();
    expect([usage.read.lines, usage.read.corrupt_lines, usage.read.invalid_lines]).toEqual([5, 0, 0]);
  });
});
