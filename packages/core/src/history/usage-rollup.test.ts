import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { costOfUsage } from "../report/pricing/usage-cost.js";
import { readTranscript } from "../report/transcript/read-transcript.js";
import { answer, createHistory, HAIKU, SONNET, type FixtureHistory } from "./claude-history.fixture.js";
import { readUsageHistory } from "./usage-history.js";
import { rollUpUsage, type Rollup, type RollupOptions } from "./usage-rollup.js";

let history: FixtureHistory;
beforeEach(() => {
  history = createHistory();
});
afterEach(() => history.cleanup());

const A = "aaaaaaaa-0000-4000-8000-000000000001";
const B = "bbbbbbbb-0000-4000-8000-000000000002";

/** One session answering at each instant, with output_tokens telling the answers apart. */
function answersAt(session: string, answers: ReadonlyArray<readonly [at: string, output: number]>, model = SONNET): void {
  history.write(
    history.transcriptPath(session),
    answers.flatMap(([at, output], index) =>
      answer(session, `msg_${session.slice(0, 4)}_${index}`, at, { model, usage: { input: 0, output } }),
    ),
  );
}

async function rollup(options: Partial<RollupOptions> & Pick<RollupOptions, "by">): Promise<Rollup> {
  const { sessions } = await readUsageHistory(history.claudeDir);
  return rollUpUsage(sessions, {
    timeZone: "UTC",
    since: null,
    until: null,
    order: "asc",
    now: Date.parse("2030-01-01T00:00:00Z"),
    ...options,
  });
}

/** `[period, output tokens]` of each row: which answers fell in which period. */
const periods = (result: Rollup) => result.rows.map((row) => [row.period, row.tokens.output_tokens]);

/** Costs in picodollars, where they add up exactly. */
const picodollars = (usd: number): bigint => BigInt(Math.round(usd * 1e12));

describe("rollUpUsage days in a time zone", () => {
  // 18:30Z is midnight in Asia/Kolkata (+5:30); 03:30Z is midnight in America/St_Johns (-3:30 in November).
  beforeEach(() =>
    answersAt(A, [
      ["2026-11-21T18:29:59.999Z", 1],
      ["2026-11-21T18:30:00.000Z", 10],
      ["2026-11-22T03:29:59.999Z", 100],
      ["2026-11-22T03:30:00.000Z", 1000],
    ]),
  );

  it("cuts days at UTC midnight", async () => {
    expect(periods(await rollup({ by: "day" }))).toEqual([
      ["2026-11-21", 11],
      ["2026-11-22", 1100],
    ]);
  });

  it("cuts days at midnight in Asia/Kolkata (+5:30)", async () => {
    expect(periods(await rollup({ by: "day", timeZone: "Asia/Kolkata" }))).toEqual([
      ["2026-11-21", 1],
      ["2026-11-22", 1110],
    ]);
  });

  it("cuts days at midnight in America/St_Johns (-3:30)", async () => {
    expect(periods(await rollup({ by: "day", timeZone: "America/St_Johns" }))).toEqual([
      ["2026-11-21", 111],
      ["2026-11-22", 1000],
    ]);
  });

  it("counts --since and --until days inclusively, in the time zone", async () => {
    const result = await rollup({ by: "day", timeZone: "Asia/Kolkata", since: "2026-11-22", until: "2026-11-22" });
    expect([periods(result), result.total.tokens.output_tokens]).toEqual([[["2026-11-22", 1110]], 1110]);
  });

  it("counts nothing before --since", async () => {
    const result = await rollup({ by: "day", timeZone: "America/St_Johns", since: "2026-11-22" });
    expect([periods(result), result.total.tokens.output_tokens]).toEqual([[["2026-11-22", 1000]], 1000]);
  });

  it("lists the newest period first with order desc", async () => {
    expect(periods(await rollup({ by: "day", order: "desc" }))).toEqual([
      ["2026-11-22", 1100],
      ["2026-11-21", 11],
    ]);
  });
});

describe("rollUpUsage weeks and months", () => {
  it("puts a Sunday in the ISO week of the Monday before it, and starts a new week on Monday", async () => {
    answersAt(A, [
      ["2026-11-16T00:00:00.000Z", 1],
      ["2026-11-22T23:59:59.999Z", 10],
      ["2026-11-23T00:00:00.000Z", 100],
    ]);
    expect(periods(await rollup({ by: "week" }))).toEqual([
      ["2026-11-16", 11],
      ["2026-11-23", 100],
    ]);
  });

  it("cuts weeks at Monday midnight in the time zone", async () => {
    // Sunday 22 November 19:00 UTC is already Monday 23 November 00:30 in Kolkata.
    answersAt(A, [["2026-11-22T19:00:00.000Z", 1]]);
    expect(periods(await rollup({ by: "week", timeZone: "Asia/Kolkata" }))).toEqual([["2026-11-23", 1]]);
  });

  it("cuts months at midnight of the first, in the time zone", async () => {
    answersAt(A, [
      ["2026-11-30T18:29:00.000Z", 1],
      ["2026-11-30T18:30:00.000Z", 10],
      ["2026-12-01T00:00:00.000Z", 100],
    ]);
    const months = (timeZone: string) => rollup({ by: "month", timeZone }).then(periods);
    expect([await months("UTC"), await months("Asia/Kolkata")]).toEqual([
      [
        ["2026-11", 11],
        ["2026-12", 100],
      ],
      [
        ["2026-11", 1],
        ["2026-12", 110],
      ],
    ]);
  });
});

describe("rollUpUsage 5-hour blocks", () => {
  beforeEach(() =>
    answersAt(A, [
      ["2026-11-21T10:20:00.000Z", 1],
      ["2026-11-21T14:59:59.999Z", 10],
      ["2026-11-21T15:00:00.000Z", 100],
      ["2026-11-21T21:47:00.000Z", 1000],
    ]),
  );

  it("starts a block on the UTC hour of its first response, and a new one at start + 5 h", async () => {
    expect(periods(await rollup({ by: "block" }))).toEqual([
      ["2026-11-21T10:00:00.000Z", 11],
      ["2026-11-21T15:00:00.000Z", 100],
      ["2026-11-21T21:00:00.000Z", 1000],
    ]);
  });

  it("starts blocks on the UTC hour whatever the time zone", async () => {
    const result = await rollup({ by: "block", timeZone: "Asia/Kolkata" });
    expect(result.rows.map((row) => row.block?.start)).toEqual([
      "2026-11-21T10:00:00.000Z",
      "2026-11-21T15:00:00.000Z",
      "2026-11-21T21:00:00.000Z",
    ]);
  });

  it("marks active only the block still open at now", async () => {
    const result = await rollup({ by: "block", now: Date.parse("2026-11-22T01:59:59.999Z") });
    expect(result.rows.map((row) => [row.block?.end, row.block?.active])).toEqual([
      ["2026-11-21T15:00:00.000Z", false],
      ["2026-11-21T20:00:00.000Z", false],
      ["2026-11-22T02:00:00.000Z", true],
    ]);
  });

  it("counts a block of two sessions once, with both sessions", async () => {
    answersAt(B, [["2026-11-21T11:00:00.000Z", 10000]]);
    const result = await rollup({ by: "block" });
    expect(result.rows.map((row) => [row.period, row.sessions, row.tokens.output_tokens])).toEqual([
      ["2026-11-21T10:00:00.000Z", 2, 10011],
      ["2026-11-21T15:00:00.000Z", 1, 100],
      ["2026-11-21T21:00:00.000Z", 1, 1000],
    ]);
  });
});

describe("rollUpUsage sessions", () => {
  it("gives one row per session, oldest first, with its project and times", async () => {
    answersAt(B, [["2026-11-20T09:00:00.000Z", 10]]);
    answersAt(A, [
      ["2026-11-21T09:00:00.000Z", 1],
      ["2026-11-22T09:00:00.000Z", 2],
    ]);
    const result = await rollup({ by: "session" });
    expect(result.rows.map((row) => [row.period, row.tokens.output_tokens, row.session])).toEqual([
      [
        B,
        10,
        { project: "-home-dev-app", cwd: "/home/dev/app", first_at: "2026-11-20T09:00:00.000Z", last_at: "2026-11-20T09:00:00.000Z" },
      ],
      [A, 3, { project: "-home-dev-app", cwd: "/home/dev/app", first_at: "2026-11-21T09:00:00.000Z", last_at: "2026-11-22T09:00:00.000Z" }],
    ]);
  });
});

describe("rollUpUsage prices", () => {
  it("names a model with no price and leaves it out of the cost, never as zero", async () => {
    answersAt(A, [["2026-11-21T09:00:00.000Z", 1_000_000]]);
    answersAt(B, [["2026-11-21T09:00:00.000Z", 1_000_000]], "claude-unknown-9");
    const result = await rollup({ by: "day" });
    expect([result.total.cost_usd, result.total.unpriced_models, result.total.models["claude-unknown-9"]?.cost_usd]).toEqual([
      15,
      ["claude-unknown-9"],
      null,
    ]);
  });

  it("names the unpriced model in the row of the period it was used in only", async () => {
    answersAt(A, [["2026-11-21T09:00:00.000Z", 1]]);
    answersAt(B, [["2026-11-22T09:00:00.000Z", 1]], "claude-unknown-9");
    expect((await rollup({ by: "day" })).rows.map((row) => row.unpriced_models)).toEqual([[], ["claude-unknown-9"]]);
  });

  it("prices fast-mode responses at the fast rate and the others at the standard rate", async () => {
    history.write(history.transcriptPath(A), [
      ...answer(A, "msg_1", "2026-11-21T09:00:00.000Z", {
        model: "claude-opus-4-6",
        usage: { input: 1_000_000, output: 0, speed: "fast" },
      }),
      ...answer(A, "msg_2", "2026-11-21T09:00:00.000Z", { model: "claude-opus-4-6", usage: { input: 1_000_000, output: 0 } }),
    ]);
    // $30 per Mtok of input in fast mode, $5 in standard.
    expect((await rollup({ by: "day" })).total.cost_usd).toBe(35);
  });

  it("gives period costs that add up exactly, in picodollars, to the total", async () => {
    const odd = (n: number) => ({
      input: 1 + n * 7919,
      output: 3 + n * 104_729,
      cacheWrite5m: n * 13,
      cacheWrite1h: n * 17,
      cacheRead: n * 31_337,
    });
    history.write(
      history.transcriptPath(A),
      Array.from({ length: 40 }, (_, n) =>
        answer(A, `msg_${n}`, new Date(Date.parse("2026-11-01T00:00:00Z") + n * 19 * 3_600_000).toISOString(), {
          model: n % 3 === 0 ? HAIKU : SONNET,
          usage: odd(n),
        }),
      ).flat(),
    );
    const result = await rollup({ by: "day", timeZone: "Asia/Kolkata" });
    const sum = result.rows.reduce((total, row) => total + picodollars(row.cost_usd), 0n);
    const session = costOfUsage((await readTranscript(history.transcriptPath(A))).usage.by_model);
    expect([result.rows.length, sum, picodollars(result.total.cost_usd)]).toEqual([32, picodollars(session.total_cost_usd), sum]);
  });
});
