import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTempWorld,
  logEveryHook,
  logHook,
  readHookLog,
  readTranscript,
  runClaude,
  scriptByStep,
  startStandIn,
  sumModelUsage,
  sumUsage,
  toolResults,
  toolResultsIn,
  toolUsesIn,
  writeProjectSettings,
  type ClaudeRun,
  type HookRecord,
  type StandIn,
  type TempWorld,
  type Transcript,
} from "./support/index.js";

/**
 * Smoke test of the e2e harness: the real Claude Code 2.1.197 CLI, driven by the scripted
 * stand-in API, runs real tools, fires a throwaway logging hook and writes real transcripts.
 * Each describe makes one or two CLI runs in beforeAll; its tests only read what they left.
 */

function idsOf(hooks: readonly HookRecord[], event: string): string[] {
  return hooks
    .filter((hook) => hook.event === event)
    .map((hook) => hook.toolUseId ?? "")
    .toSorted();
}

describe("a run with sequential, parallel and failing tool calls", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let run: ClaudeRun;
  let hooks: HookRecord[];
  let transcript: Transcript;

  beforeAll(async () => {
    world = createTempWorld();
    fs.writeFileSync(`${world.projectDir}/notes.md`, "# Notes\nnothing to see\n");
    writeProjectSettings(world.projectDir, logEveryHook(world.file("hooks.jsonl")));
    standIn = await startStandIn(
      scriptByStep({
        main: [
          { text: "First a command.", toolUses: [{ name: "Bash", input: { command: "echo sequential-bash", description: "Say hello" } }] },
          {
            toolUses: [
              { name: "Read", input: { file_path: `${world.projectDir}/notes.md` } },
              { name: "Bash", input: { command: "echo parallel-bash", description: "Say hello again" } },
              { name: "Glob", input: { pattern: "*.md" } },
            ],
          },
          { toolUses: [{ name: "Bash", input: { command: "exit 3", description: "Fail on purpose" } }] },
          { text: "All done." },
        ],
      }),
    );
    run = await runClaude({ projectDir: world.projectDir, home: world.home, standInUrl: standIn.url, prompt: "Do the scripted thing." });
    hooks = readHookLog(world.file("hooks.jsonl"));
    transcript = readTranscript(world.home, world.projectDir, run.result.session_id);
  });

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("exits 0 with the scripted final text", () => {
    expect({ exitCode: run.exitCode, result: run.result.result, errors: standIn.scriptErrors }).toEqual({
      exitCode: 0,
      result: "All done.",
      errors: [],
    });
  });

  it("issues the scripted calls: one Bash, then Read + Bash + Glob in parallel, then a failing Bash", () => {
    const turns = standIn.exchanges.map((exchange) =>
      "content" in exchange.response ? exchange.response.content.map((block) => (block.type === "tool_use" ? block.name : "text")) : [],
    );
    expect(turns).toEqual([["text", "Bash"], ["Read", "Bash", "Glob"], ["Bash"], ["text"]]);
  });

  it("fires PreToolUse for every tool call, with the stand-in's tool_use ids", () => {
    expect(idsOf(hooks, "PreToolUse")).toEqual(
      standIn
        .toolUses()
        .map((use) => use.id)
        .toSorted(),
    );
  });

  it("fires PostToolUse for the four calls that succeeded", () => {
    const succeeded = standIn.toolUses().filter((use) => use.input["command"] !== "exit 3");
    expect(idsOf(hooks, "PostToolUse")).toEqual(succeeded.map((use) => use.id).toSorted());
  });

  it("fires PostToolUseFailure, not PostToolUse, for the Bash that exits 3", () => {
    const failing = standIn.toolUses().filter((use) => use.input["command"] === "exit 3");
    expect(hooks.filter((hook) => hook.event === "PostToolUseFailure").map((hook) => [hook.toolUseId, hook.payload["error"]])).toEqual(
      failing.map((use) => [use.id, "Exit code 3"]),
    );
  });

  it("fires one PostToolBatch per tool turn, the parallel three in one batch", () => {
    const batches = hooks
      .filter((hook) => hook.event === "PostToolBatch")
      .map((hook) => (Array.isArray(hook.payload["tool_calls"]) ? hook.payload["tool_calls"].length : -1));
    expect(batches).toEqual([1, 3, 1]);
  });

  it("sends the three parallel results back in one request", () => {
    const parallel = standIn
      .toolUses()
      .slice(1, 4)
      .map((use) => use.id);
    const next = standIn.requestWithToolResult(parallel[0] ?? "missing");
    expect(
      toolResults(next!)
        .map((result) => result.toolUseId)
        .toSorted(),
    ).toEqual(parallel.toSorted());
  });

  it("writes the same tool_use ids to the transcript", () => {
    expect(toolUsesIn(transcript.lines).map((use) => use.id)).toEqual(standIn.toolUses().map((use) => use.id));
  });

  it("writes a tool_result for every call, the failing one flagged is_error", () => {
    const results = toolResultsIn(transcript.lines).map((result) => [result.toolUseId, result.isError]);
    const expected = standIn.toolUses().map((use) => [use.id, use.input["command"] === "exit 3"]);
    expect(results.toSorted()).toEqual(expected.toSorted());
  });

  it("keeps the stand-in's msg_ and req_ ids on the transcript's tool_use lines", () => {
    const fromTranscript = toolUsesIn(transcript.lines).map((use) => [use.id, use.messageId, use.requestId]);
    expect(fromTranscript).toEqual(standIn.toolUses().map((use) => [use.id, use.messageId, use.requestId]));
  });

  it("reports in modelUsage exactly the usage the stand-in sent", () => {
    expect(sumModelUsage(run.result.modelUsage)).toEqual(standIn.usageTotals());
  });
});

describe("a PreToolUse hook that denies", () => {
  const reason = "REASON-XYZ";
  let world: TempWorld;
  let standIn: StandIn;
  let run: ClaudeRun;
  let hooks: HookRecord[];

  beforeAll(async () => {
    world = createTempWorld();
    fs.writeFileSync(`${world.projectDir}/keep-me.txt`, "precious\n");
    const deny = { hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: reason } };
    writeProjectSettings(
      world.projectDir,
      logEveryHook(world.file("hooks.jsonl"), {
        PreToolUse: [logHook(world.file("hooks.jsonl"), { whenPayloadIncludes: "keep-me.txt", stdout: deny })],
      }),
    );
    standIn = await startStandIn(
      scriptByStep({
        main: [
          { toolUses: [{ name: "Bash", input: { command: "rm keep-me.txt", description: "Delete the file" } }] },
          { text: "Understood." },
        ],
      }),
    );
    run = await runClaude({ projectDir: world.projectDir, home: world.home, standInUrl: standIn.url, prompt: "Delete keep-me.txt." });
    hooks = readHookLog(world.file("hooks.jsonl"));
  });

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("keeps the command from running", () => {
    expect(fs.readFileSync(`${world.projectDir}/keep-me.txt`, "utf8")).toBe("precious\n");
  });

  it("gives the model the reason in an error tool_result of the next request", () => {
    const [denied] = standIn.toolUses();
    const result = standIn.toolResultFor(denied?.id ?? "missing");
    expect({ isError: result?.isError, mentionsReason: result?.text.includes(reason) }).toEqual({ isError: true, mentionsReason: true });
  });

  it("fires PreToolUse but neither PostToolUse nor PostToolUseFailure for the denied call", () => {
    const [denied] = standIn.toolUses();
    expect(hooks.filter((hook) => hook.toolUseId === denied?.id).map((hook) => hook.event)).toEqual(["PreToolUse"]);
  });

  it("lists the denial in the result's permission_denials", () => {
    const [denied] = standIn.toolUses();
    expect(run.result.permission_denials.map((denial) => denial["tool_use_id"])).toEqual([denied?.id]);
  });

  it("still ends the run successfully", () => {
    expect([run.exitCode, run.result.result]).toEqual([0, "Understood."]);
  });
});

describe("a run with a general-purpose subagent", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let run: ClaudeRun;
  let hooks: HookRecord[];
  let transcript: Transcript;

  beforeAll(async () => {
    world = createTempWorld();
    writeProjectSettings(world.projectDir, logEveryHook(world.file("hooks.jsonl")));
    standIn = await startStandIn(
      scriptByStep({
        main: [
          {
            toolUses: [
              { name: "Agent", input: { description: "Probe the shell", prompt: "Run one command.", subagent_type: "general-purpose" } },
            ],
          },
          { text: "The subagent finished." },
        ],
        subagent: [
          { toolUses: [{ name: "Bash", input: { command: "echo from-subagent", description: "Say hello" } }] },
          { text: "Subagent done." },
        ],
      }),
    );
    run = await runClaude({ projectDir: world.projectDir, home: world.home, standInUrl: standIn.url, prompt: "Delegate." });
    hooks = readHookLog(world.file("hooks.jsonl"));
    transcript = readTranscript(world.home, world.projectDir, run.result.session_id);
  });

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  const subagentBash = (): string => standIn.toolUses().find((use) => use.kind === "subagent")?.id ?? "missing";
  const subagentId = (): string => standIn.exchanges.find((exchange) => exchange.request.kind === "subagent")?.request.agentId ?? "missing";

  it("recognises the subagent's requests by their agent-id header", () => {
    expect(standIn.exchanges.map((exchange) => exchange.request.kind)).toEqual(["main", "subagent", "subagent", "main"]);
  });

  it("fires the subagent's tool hooks with its agent_id and agent_type", () => {
    const fired = hooks.filter((hook) => hook.toolUseId === subagentBash()).map((hook) => [hook.event, hook.agentId, hook.agentType]);
    expect(fired).toEqual([
      ["PreToolUse", subagentId(), "general-purpose"],
      ["PostToolUse", subagentId(), "general-purpose"],
    ]);
  });

  it("fires the main thread's Agent call hooks without agent_id", () => {
    const fired = hooks.filter((hook) => hook.toolName === "Agent").map((hook) => [hook.event, hook.agentId]);
    expect(fired).toEqual([
      ["PreToolUse", undefined],
      ["PostToolUse", undefined],
    ]);
  });

  it("fires SubagentStop pointing at the subagent's transcript", () => {
    const stop = hooks.find((hook) => hook.event === "SubagentStop");
    expect([stop?.agentId, stop?.payload["agent_transcript_path"]]).toEqual([subagentId(), transcript.subagents[0]?.path]);
  });

  it("writes the subagent's tool call to its own transcript, not the main one", () => {
    expect({
      subagents: transcript.subagents.map((sub) => [sub.agentId, sub.agentType, toolUsesIn(sub.lines).map((use) => use.id)]),
      inMain: toolUsesIn(transcript.lines).some((use) => use.id === subagentBash()),
    }).toEqual({ subagents: [[subagentId(), "general-purpose", [subagentBash()]]], inMain: false });
  });

  it("counts the subagent's usage in modelUsage but not in the main-thread usage", () => {
    const mainOutput = standIn.exchanges
      .filter((exchange) => exchange.request.kind === "main")
      .reduce((sum, exchange) => sum + ("usage" in exchange.response ? exchange.response.usage.output_tokens : 0), 0);
    expect([sumModelUsage(run.result.modelUsage), run.result.usage["output_tokens"]]).toEqual([standIn.usageTotals(), mainOutput]);
  });
});

describe("a resumed session", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let first: ClaudeRun;
  let second: ClaudeRun;
  let linesAfterFirst: Transcript["lines"];
  let transcript: Transcript;
  let hooks: HookRecord[];

  beforeAll(async () => {
    world = createTempWorld();
    writeProjectSettings(world.projectDir, logEveryHook(world.file("hooks.jsonl")));
    standIn = await startStandIn(
      scriptByStep({
        main: [{ toolUses: [{ name: "Bash", input: { command: "echo first-run", description: "Say hello" } }] }, { text: "First done." }],
      }),
    );
    const options = { projectDir: world.projectDir, home: world.home, standInUrl: standIn.url };
    first = await runClaude({ ...options, prompt: "First prompt." });
    linesAfterFirst = readTranscript(world.home, world.projectDir, first.result.session_id).lines;
    // Same stand-in, so usage numbers keep growing instead of repeating the first run's.
    standIn.setScript(scriptByStep({ main: [{ text: "Second done." }] }));
    second = await runClaude({ ...options, prompt: "Second prompt.", extraArgs: ["--resume", first.result.session_id] });
    transcript = readTranscript(world.home, world.projectDir, second.result.session_id);
    hooks = readHookLog(world.file("hooks.jsonl"));
  });

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("keeps the session_id", () => {
    expect(second.result.session_id).toBe(first.result.session_id);
  });

  it("appends to the same transcript file", () => {
    expect({ prefix: transcript.lines.slice(0, linesAfterFirst.length), grew: transcript.lines.length > linesAfterFirst.length }).toEqual({
      prefix: linesAfterFirst,
      grew: true,
    });
  });

  it("fires SessionStart with source resume on the second run", () => {
    expect(hooks.filter((hook) => hook.event === "SessionStart").map((hook) => hook.payload["source"])).toEqual(["startup", "resume"]);
  });

  it("sends the earlier conversation with the new prompt, at step 0", () => {
    const resumed = standIn.exchanges.at(-1)?.request;
    const [firstCall] = standIn.toolUses();
    expect({
      step: resumed?.step,
      prompt: resumed?.promptText.includes("Second prompt."),
      history: JSON.stringify(resumed?.messages).includes(firstCall?.id ?? "missing"),
    }).toEqual({ step: 0, prompt: true, history: true });
  });

  it("reports only the resumed run's usage in its modelUsage", () => {
    const last = standIn.exchanges.at(-1)?.response;
    expect(sumModelUsage(second.result.modelUsage).outputTokens).toBe(last != null && "usage" in last ? last.usage.output_tokens : -1);
  });
});

describe("a compaction of a resumed session", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let compacted: ClaudeRun;
  let transcript: Transcript;
  let hooks: HookRecord[];

  beforeAll(async () => {
    world = createTempWorld();
    writeProjectSettings(world.projectDir, logEveryHook(world.file("hooks.jsonl")));
    // A text-only conversation is "Not enough messages to compact", so the first run calls a tool.
    standIn = await startStandIn(
      scriptByStep({ main: [{ toolUses: [{ name: "Bash", input: { command: "echo before-compaction", description: "Say hello" } }] }] }),
    );
    const options = { projectDir: world.projectDir, home: world.home, standInUrl: standIn.url };
    const first = await runClaude({ ...options, prompt: "First prompt." });
    compacted = await runClaude({ ...options, prompt: "/compact", extraArgs: ["--resume", first.result.session_id] });
    transcript = readTranscript(world.home, world.projectDir, first.result.session_id);
    hooks = readHookLog(world.file("hooks.jsonl"));
  });

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("recognises the summary request as a compaction, not a main-thread turn", () => {
    expect(standIn.exchanges.map((exchange) => exchange.request.kind)).toEqual(["main", "main", "compact"]);
  });

  it("completes the compaction with the stand-in's default summary", () => {
    expect([compacted.exitCode, transcript.lines.some((line) => line["subtype"] === "compact_boundary")]).toEqual([0, true]);
  });

  it("fires PreCompact, SessionStart with source compact, then PostCompact", () => {
    const fired = hooks.filter((hook) => ["PreCompact", "PostCompact", "SessionStart"].includes(hook.event));
    expect(fired.map((hook) => [hook.event, hook.payload["trigger"] ?? hook.payload["source"]])).toEqual([
      ["SessionStart", "startup"],
      ["SessionStart", "resume"],
      ["PreCompact", "manual"],
      ["SessionStart", "compact"],
      ["PostCompact", "manual"],
    ]);
  });

  it("fires SubagentStop for the compaction's forked agent, with an empty agent_type and no transcript file", () => {
    const stops = hooks.filter((hook) => hook.event === "SubagentStop");
    expect(stops.map((hook) => [hook.agentType, fs.existsSync(String(hook.payload["agent_transcript_path"]))])).toEqual([["", false]]);
  });

  it("counts the compaction in modelUsage though no transcript line carries its message", () => {
    const compactions = standIn.exchanges.filter((exchange) => exchange.request.kind === "compact");
    const messageIds = compactions.map((exchange) => ("id" in exchange.response ? exchange.response.id : "missing"));
    expect([sumModelUsage(compacted.result.modelUsage), messageIds.some((id) => JSON.stringify(transcript.lines).includes(id))]).toEqual([
      sumUsage(compactions),
      false,
    ]);
  });
});
