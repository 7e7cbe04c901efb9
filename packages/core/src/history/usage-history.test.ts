import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { costOfUsage } from "../report/pricing/usage-cost.js";
import { metadataLines, promptLine } from "../report/transcript/claude-transcript.fixture.js";
import { readTranscript } from "../report/transcript/read-transcript.js";
import { answer, createHistory, HAIKU, type FixtureHistory } from "./claude-history.fixture.js";
import { readUsageHistory } from "./usage-history.js";
import { rollUpUsage, type UsageRow } from "./usage-rollup.js";

let history: FixtureHistory;
beforeEach(() => {
  history = createHistory();
});
afterEach(() => history.cleanup());

const A = "aaaaaaaa-0000-4000-8000-000000000001";
const B = "bbbbbbbb-0000-4000-8000-000000000002";

/** A session as Claude Code 2.1.197 writes one with two subagents: split responses, cache writes, fast mode, an advisor, an unpriced model. */
function writeSessionWithSubagents(): void {
  const advisor = { type: "advisor_message", model: "claude-opus-4-8", input_tokens: 900, output_tokens: 60, cache_read_input_tokens: 40 };
  history.write(history.transcriptPath(A), [
    ...metadataLines({ sessionId: A }),
    promptLine({ sessionId: A }, "go"),
    ...answer(A, "msg_1", "2026-11-21T10:00:01.000Z", {
      blocks: 3,
      usage: { input: 1234, output: 567, cacheWrite5m: 8901, cacheWrite1h: 2345 },
    }),
    ...answer(A, "msg_2", "2026-11-21T10:05:00.000Z", {
      blocks: 2,
      usage: { input: 3, output: 77, cacheRead: 12_345, iterations: [advisor] },
    }),
    ...answer(A, "msg_3", "2026-11-21T10:06:00.000Z", { model: "claude-opus-4-6", usage: { input: 11, output: 13, speed: "fast" } }),
    ...answer(A, "msg_4", "2026-11-21T23:59:00.000Z", { model: "claude-unknown-9", usage: { input: 50, output: 5 } }),
  ]);
  const agent1 = history.subagentPath(A, "a1");
  history.write(agent1, [
    ...answer(A, "msg_5", "2026-11-21T10:01:00.000Z", {
      agentId: "a1",
      model: HAIKU,
      blocks: 2,
      usage: { input: 321, output: 45, cacheRead: 999 },
    }),
    ...answer(A, "msg_6", "2026-11-21T10:02:00.000Z", { agentId: "a1", model: HAIKU, usage: { input: 17, output: 19, cacheWrite5m: 23 } }),
  ]);
  writeFileSync(join(dirname(agent1), "agent-a1.meta.json"), JSON.stringify({ agentType: "Explore" }));
  history.write(
    history.subagentPath(A, "a2"),
    answer(A, "msg_7", "2026-11-22T00:01:00.000Z", { agentId: "a2", usage: { input: 29, output: 31 } }),
  );
  // Another session in the same folder, which must not leak into A's figures.
  history.write(history.transcriptPath(B), answer(B, "msg_8", "2026-11-21T10:03:00.000Z"));
}

/** What a session report says the session used and cost: readTranscript priced with costOfUsage. */
async function sessionReportFigures() {
  const reading = await readTranscript(history.transcriptPath(A));
  const cost = costOfUsage(reading.usage.by_model);
  const models = Object.fromEntries(
    Object.entries(reading.usage.by_model).map(([model, { fast_mode: _fast, ...counts }]) => [
      model,
      {
        ...counts,
        cost_usd: cost.by_model[model]?.cost_usd,
        priced_as: cost.by_model[model]?.priced_as,
        price_source: cost.by_model[model]?.price_source,
      },
    ]),
  );
  return { models, cost_usd: cost.total_cost_usd, unpriced_models: cost.unpriced_models, tokens: reading.usage.total };
}

const figuresOf = (row: UsageRow | undefined) => ({
  models: row?.models,
  cost_usd: row?.cost_usd,
  unpriced_models: row?.unpriced_models,
  tokens: row?.tokens,
});

describe("readUsageHistory and the session reports", () => {
  it("gives a session with subagents the tokens and cost per model that its session report gives it", async () => {
    writeSessionWithSubagents();
    const { sessions } = await readUsageHistory(history.claudeDir);
    const rollup = rollUpUsage(sessions, { by: "session", timeZone: "UTC", since: null, until: null, order: "asc", now: 0 });
    expect(figuresOf(rollup.rows.find((row) => row.period === A))).toEqual(await sessionReportFigures());
  });

  it("splits the same session's figures over days without losing or adding a picodollar", async () => {
    writeSessionWithSubagents();
    const { sessions } = await readUsageHistory(history.claudeDir);
    const days = rollUpUsage(
      sessions.filter((session) => session.session_id === A),
      { by: "day", timeZone: "UTC", since: null, until: null, order: "asc", now: 0 },
    );
    const picodollars = (usd: number): bigint => BigInt(Math.round(usd * 1e12));
    const sum = days.rows.reduce((total, row) => total + picodollars(row.cost_usd), 0n);
    expect([days.rows.map((row) => row.period), sum]).toEqual([
      ["2026-11-21", "2026-11-22"],
      picodollars((await sessionReportFigures()).cost_usd),
    ]);
  });
});

describe("readUsageHistory read counts", () => {
  it("counts the projects, files, lines and responses it read", async () => {
    writeSessionWithSubagents();
    history.write(history.transcriptPath(B, "-home-dev-other"), answer(B, "msg_9", "2026-11-21T10:03:00.000Z"));
    const usage = await readUsageHistory(history.claudeDir);
    expect([usage.projects, usage.sessions.length, usage.read.files, usage.read.responses, usage.read.duplicate_lines]).toEqual([
      2, 3, 5, 10, 5,
    ]);
  });
});
