import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addTokensByModel,
  costsOfModelUsage,
  costsOfReport,
  countsByTool,
  createTempWorld,
  errorsLogText,
  installWarden,
  issuedToolUses,
  readReport,
  readTranscript,
  reportConversation,
  reportCountsByTool,
  reportEvents,
  reportTotalCost,
  runClaude,
  savedTranscriptOffsets,
  scriptByStep,
  sessionToolUses,
  startStandIn,
  tokensOfModelUsage,
  tokensOfReport,
  toolUsesIn,
  transcriptCachePath,
  wardenDirOf,
  type ClaudeRun,
  type JsonRecord,
  type StandIn,
  type TempWorld,
  type Transcript,
} from "./support/index.js";

/**
 * The report's accounting against Claude Code's own: the tokens and cost Warden reads from the
 * transcript and prices itself must equal the `modelUsage` and `total_cost_usd` the real CLI
 * prints. Two models (a sonnet main thread, a haiku subagent), parallel calls, and a `--resume`
 * whose report must add up both runs. Every stand-in response has its own usage numbers, with
 * 5-minute and 1-hour cache writes and cache reads, so a dropped or double-counted response shows.
 */

const MAIN_MODEL = "claude-sonnet-4-5-20250929";
/** What Claude Code 2.1.197 sends for an Agent call's `model: "haiku"`. */
const SUBAGENT_MODEL = "claude-haiku-4-5-20251001";
const FIRST_PROMPT = "Look around, then delegate.";
const FIRST_ANSWER = "All done.";
const SECOND_PROMPT = "One more command, please.";
const SECOND_ANSWER = "Second run done.";
/** Claude Code's cost and Warden's may differ by float rounding only: well under a micro-dollar. */
const COST_TOLERANCE_USD = 0.000001;

/** `[model, |report − Claude Code|]` for each model whose report cost is not within tolerance of Claude Code's. */
function costGaps(report: JsonRecord | undefined, run: ClaudeRun): Array<[string, number]> {
  const expected = costsOfModelUsage(run.result.modelUsage);
  const reported = costsOfReport(report);
  const models = [...new Set([...Object.keys(expected), ...Object.keys(reported)])].toSorted();
  return models.flatMap((model): Array<[string, number]> => {
    const gap = Math.abs((reported[model] ?? Number.NaN) - (expected[model] ?? Number.NaN));
    return gap < COST_TOLERANCE_USD ? [] : [[model, gap]];
  });
}

describe("the report of a two-model session with parallel calls, a subagent and a resume", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let first: ClaudeRun;
  let second: ClaudeRun;
  let firstTranscript: Transcript;
  let firstReport: JsonRecord | undefined;
  let resumedReport: JsonRecord | undefined;
  let cacheAfterFirstRun: boolean;
  let offsetsAfterFirstRun: Record<string, number> | undefined;
  let sizesAfterFirstRun: Record<string, number>;
  let wardenDir: string;

  const sessionId = (): string => first.result.session_id;
  const subagent = () => firstTranscript.subagents[0];

  beforeAll(async () => {
    world = createTempWorld();
    fs.writeFileSync(path.join(world.projectDir, "notes.md"), "# Notes\nnothing to see\n");
    await installWarden(world.projectDir, world.home);
    wardenDir = wardenDirOf(world.projectDir);
    standIn = await startStandIn(
      scriptByStep({
        main: [
          {
            text: "Three things at once.",
            toolUses: [
              { name: "Bash", input: { command: "echo parallel-bash", description: "Say hello" } },
              { name: "Read", input: { file_path: path.join(world.projectDir, "notes.md") } },
              { name: "Glob", input: { pattern: "*.md" } },
            ],
          },
          {
            toolUses: [
              {
                name: "Agent",
                input: { description: "Look around", prompt: "List the project files.", subagent_type: "general-purpose", model: "haiku" },
              },
            ],
          },
          { text: FIRST_ANSWER },
        ],
        subagent: [
          { text: "Listing.", toolUses: [{ name: "Bash", input: { command: "ls", description: "List files" } }] },
          { text: "Found notes.md." },
        ],
      }),
    );
    const options = { projectDir: world.projectDir, home: world.home, standInUrl: standIn.url };
    first = await runClaude({ ...options, prompt: FIRST_PROMPT, extraArgs: ["--model", MAIN_MODEL] });
    firstTranscript = readTranscript(world.home, world.projectDir, sessionId());
    firstReport = readReport(wardenDir, sessionId());
    cacheAfterFirstRun = fs.existsSync(transcriptCachePath(wardenDir, sessionId()));
    offsetsAfterFirstRun = savedTranscriptOffsets(wardenDir, sessionId());
    const files = [firstTranscript.path, ...firstTranscript.subagents.map((sub) => sub.path)].toSorted();
    sizesAfterFirstRun = Object.fromEntries(files.map((file) => [file, fs.statSync(file).size]));

    // The same stand-in keeps counting responses, so the second run's usage numbers are new ones.
    standIn.setScript(
      scriptByStep({
        main: [
          { toolUses: [{ name: "Bash", input: { command: "echo resumed-bash", description: "Say hello again" } }] },
          { text: SECOND_ANSWER },
        ],
      }),
    );
    second = await runClaude({ ...options, prompt: SECOND_PROMPT, extraArgs: ["--model", MAIN_MODEL, "--resume", sessionId()] });
    resumedReport = readReport(wardenDir, sessionId());
  });

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("runs both scripted runs to completion in one session", () => {
    expect({
      exitCodes: [first.exitCode, second.exitCode],
      results: [first.result.result, second.result.result],
      sameSession: second.result.session_id === sessionId(),
      scriptErrors: standIn.scriptErrors,
    }).toEqual({ exitCodes: [0, 0], results: [FIRST_ANSWER, SECOND_ANSWER], sameSession: true, scriptErrors: [] });
  });

  it("serves the main thread with sonnet and the subagent with haiku", () => {
    const served = new Set(standIn.exchanges.map((exchange) => `${exchange.request.kind} ${exchange.request.model}`));
    expect([...served].toSorted()).toEqual([`main ${MAIN_MODEL}`, `subagent ${SUBAGENT_MODEL}`]);
  });

  it("has one response with three parallel tool calls", () => {
    expect(standIn.exchanges.map((exchange) => issuedToolUses(exchange).length)).toContain(3);
  });

  it("reports each model's input, output, cache-write and cache-read tokens as Claude Code's modelUsage has them", () => {
    expect(tokensOfReport(firstReport)).toEqual(tokensOfModelUsage(first.result.modelUsage));
  });

  it("reports a total cost within a micro-dollar of Claude Code's total_cost_usd", () => {
    expect(Math.abs(reportTotalCost(firstReport) - first.result.total_cost_usd)).toBeLessThan(COST_TOLERANCE_USD);
  });

  it("reports each model's cost within a micro-dollar of modelUsage's costUSD", () => {
    expect(costGaps(firstReport, first)).toEqual([]);
  });

  it("lists the subagent, its type and its one tool call", () => {
    expect(firstReport?.["subagents"]).toEqual([
      expect.objectContaining({ agent_id: subagent()?.agentId, agent_type: "general-purpose", tool_calls: 1 }),
    ]);
  });

  it("names the subagent's model, the only one it used", () => {
    expect(firstReport?.["subagents"]).toEqual([expect.objectContaining({ models: [SUBAGENT_MODEL] })]);
  });

  it("gives the subagent the input and output tokens of its model, the only one it used", () => {
    const haiku = first.result.modelUsage[SUBAGENT_MODEL];
    expect(firstReport?.["subagents"]).toEqual([
      expect.objectContaining({ input_tokens: haiku?.inputTokens, output_tokens: haiku?.outputTokens }),
    ]);
  });

  it("prices the subagent at its model's cost, within a micro-dollar of modelUsage's costUSD", () => {
    const haikuCost = costsOfModelUsage(first.result.modelUsage)[SUBAGENT_MODEL] ?? Number.NaN;
    // closeTo(x, 6) accepts a difference below 0.5e-6: inside COST_TOLERANCE_USD.
    expect(firstReport?.["subagents"]).toEqual([expect.objectContaining({ cost_usd: expect.closeTo(haikuCost, 6) })]);
  });

  it("lists the subagent's tool call among the report's events, with its agent_id", () => {
    const recorded = reportEvents(firstReport).filter((event) => event["agent_id"] === subagent()?.agentId);
    expect(recorded.map((event) => [event["tool_use_id"], event["tool_name"]])).toEqual(
      toolUsesIn(subagent()?.lines ?? []).map((use) => [use.id, use.name]),
    );
  });

  it("opens the conversation with the prompt and closes it with the final answer", () => {
    const conversation = reportConversation(firstReport);
    expect([conversation[0], conversation.at(-1)]).toEqual([
      expect.objectContaining({ role: "user", text: FIRST_PROMPT }),
      expect.objectContaining({ role: "assistant", text: FIRST_ANSWER, model: MAIN_MODEL }),
    ]);
  });

  it("counts the calls per tool as the transcripts' tool_use blocks, main thread and subagent", () => {
    expect(reportCountsByTool(firstReport)).toEqual(countsByTool(sessionToolUses(firstTranscript).map((use) => use.name)));
  });

  it("saves the transcript reader's state in .warden/cache at the first SessionEnd", () => {
    expect(cacheAfterFirstRun).toBe(true);
  });

  it("saves, at the first SessionEnd, offsets at the end of the main and subagent transcripts", () => {
    expect(offsetsAfterFirstRun).toEqual(sizesAfterFirstRun);
  });

  it("reports, after the resumed run, each model's tokens as the sum of both runs' modelUsage", () => {
    expect(tokensOfReport(resumedReport)).toEqual(
      addTokensByModel(tokensOfModelUsage(first.result.modelUsage), tokensOfModelUsage(second.result.modelUsage)),
    );
  });

  it("reports, after the resumed run, a total cost within a micro-dollar of both runs' total_cost_usd", () => {
    expect(Math.abs(reportTotalCost(resumedReport) - (first.result.total_cost_usd + second.result.total_cost_usd))).toBeLessThan(
      COST_TOLERANCE_USD,
    );
  });

  it("keeps the first run's conversation in the regenerated report, then adds the second's", () => {
    const texts = reportConversation(resumedReport).map((entry) => [entry["role"], entry["text"]]);
    expect(texts.filter(([role]) => role === "user")).toEqual([
      ["user", FIRST_PROMPT],
      ["user", SECOND_PROMPT],
    ]);
  });

  it("logs no internal error", () => {
    expect(errorsLogText(wardenDir)).toBe("");
  });
});
