import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli-in-process.js";
import { makeSandbox, readJsonl, type Sandbox } from "../support/hook-process.js";
import { recordSession, TRANSCRIPT_COST } from "./recorded-sessions.js";

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

const PRICED = "aaaa1111-0000-4000-8000-000000000001";
const UNPRICED = "bbbb2222-0000-4000-8000-000000000002";
const startDay = (id: string) => String(readJsonl(path.join(box.wardenDir, "sessions", `${id}.jsonl`))[0]?.timestamp).slice(0, 10);

describe("warden cost", () => {
  it("--daily totals cost and tokens per UTC day of session start and flags unknown costs", async () => {
    await recordSession(box, PRICED, { transcript: true });
    await recordSession(box, UNPRICED);
    const result = await runCliInProcess(["cost", "--daily"], box);
    const cost = TRANSCRIPT_COST.replace("$", "\\$");
    expect(result.stdout.split("\n")).toEqual([
      expect.stringMatching(/^day \(UTC\) +sessions +tokens in +tokens out +cost$/),
      expect.stringMatching(new RegExp(`^${startDay(PRICED)} +2 +1\\.00k +500 +${cost} +1 unknown$`)),
      expect.stringMatching(new RegExp(`^total +2 +1\\.00k +500 +${cost} +1 unknown$`)),
      expect.stringMatching(/^1 session with unknown cost is not in the totals/),
      "",
    ]);
  });

  it("--monthly --json gives one period per month and the grand total", async () => {
    await recordSession(box, PRICED, { transcript: true });
    const result = await runCliInProcess(["cost", "--monthly", "--json"], box);
    expect(JSON.parse(result.stdout)).toEqual({
      by: "month",
      periods: [
        {
          period: startDay(PRICED).slice(0, 7),
          sessions: 1,
          unknown_cost_sessions: 0,
          cost_usd: 0.0105,
          input_tokens: 1000,
          output_tokens: 500,
        },
      ],
      total: { period: "total", sessions: 1, unknown_cost_sessions: 0, cost_usd: 0.0105, input_tokens: 1000, output_tokens: 500 },
      deleted_sessions: 0,
    });
  });

  it("refuses --daily with --monthly, exit code 2", async () => {
    const result = await runCliInProcess(["cost", "--daily", "--monthly"], box);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining("cannot be combined")]);
  });
});
