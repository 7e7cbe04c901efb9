import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callKeysOfEvents,
  callKeysOfTranscript,
  countsByTool,
  createTempWorld,
  errorsLogText,
  eventsIn,
  installWarden,
  oneTo,
  readReport,
  readSessionFile,
  readTranscript,
  recordIds,
  recordsOfType,
  reportCountsByTool,
  runClaude,
  scriptByStep,
  sessionToolUses,
  startStandIn,
  wardenDirOf,
  type ClaudeRun,
  type SessionFile,
  type StandIn,
  type TempWorld,
  type Transcript,
} from "./support/index.js";

/** A general-purpose subagent's calls, recorded in its parent session's file with its agent_id. */

describe("a session with a subagent that reads a file and runs a command", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let run: ClaudeRun;
  let transcript: Transcript;
  let session: SessionFile;
  let wardenDir: string;

  /** The subagent's id as Claude Code sent it to the API (x-claude-code-agent-id). */
  const subagentId = (): string => standIn.exchanges.find((exchange) => exchange.request.kind === "subagent")?.request.agentId ?? "missing";
  const subagentCallIds = (): string[] => standIn.toolUses().flatMap((use) => (use.kind === "subagent" ? [use.id] : []));
  const agentCallId = (): string => standIn.toolUses().find((use) => use.name === "Agent")?.id ?? "missing";

  beforeAll(async () => {
    world = createTempWorld();
    fs.writeFileSync(path.join(world.projectDir, "notes.md"), "# Notes\n");
    await installWarden(world.projectDir, world.home);
    standIn = await startStandIn(
      scriptByStep({
        main: [
          {
            toolUses: [
              {
                name: "Agent",
                input: {
                  description: "Probe the project",
                  prompt: "Read the notes and run one command.",
                  subagent_type: "general-purpose",
                },
              },
            ],
          },
          { text: "The subagent finished." },
        ],
        subagent: [
          {
            toolUses: [
              { name: "Read", input: { file_path: path.join(world.projectDir, "notes.md") } },
              { name: "Bash", input: { command: "echo from-subagent", description: "Say hello" } },
            ],
          },
          { text: "Subagent done." },
        ],
      }),
    );
    run = await runClaude({ projectDir: world.projectDir, home: world.home, standInUrl: standIn.url, prompt: "Delegate." });
    transcript = readTranscript(world.home, world.projectDir, run.result.session_id);
    wardenDir = wardenDirOf(world.projectDir);
    session = readSessionFile(wardenDir, run.result.session_id);
  });

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("runs the subagent's two calls and finishes", () => {
    expect([run.exitCode, run.result.result, subagentCallIds().length]).toEqual([0, "The subagent finished.", 2]);
  });

  it("records the subagent's calls with its agent_id and agent_type", () => {
    const recorded = eventsIn(session.records)
      .filter((event) => subagentCallIds().includes(String(event["tool_use_id"])))
      .map((event) => [event["tool_name"], event["agent_id"], event["agent_type"]]);
    expect(recorded.toSorted()).toEqual([
      ["Bash", subagentId(), "general-purpose"],
      ["Read", subagentId(), "general-purpose"],
    ]);
  });

  it("records the Agent call itself without agent_id, as a main-thread call", () => {
    const agentCalls = eventsIn(session.records).filter((event) => event["tool_use_id"] === agentCallId());
    expect(agentCalls.map((event) => [event["outcome"], "agent_id" in event])).toEqual([["completed", false]]);
  });

  it("records one event per tool_use of the main and subagent transcripts, with the transcript's agent", () => {
    expect(callKeysOfEvents(session.records)).toEqual(callKeysOfTranscript(transcript));
  });

  it("writes a subagent_stop record with the subagent's id, type and transcript path", () => {
    const stops = recordsOfType(session.records, "subagent_stop");
    expect(stops.map((stop) => [stop["agent_id"], stop["agent_type"], stop["agent_transcript_path"]])).toEqual([
      [subagentId(), "general-purpose", transcript.subagents[0]?.path],
    ]);
  });

  it("keeps the subagent's records in the parent session's only file", () => {
    expect(fs.readdirSync(path.join(wardenDir, "sessions"))).toEqual([`${run.result.session_id}.jsonl`]);
  });

  it("numbers the records 1..N with no corrupt line", () => {
    expect([recordIds(session.records), session.corruptLines]).toEqual([oneTo(session.lines.length), []]);
  });

  it("counts the subagent's calls per tool in the report", () => {
    expect(reportCountsByTool(readReport(wardenDir, run.result.session_id))).toEqual(
      countsByTool(sessionToolUses(transcript).map((use) => use.name)),
    );
  });

  it("lists the subagent in the report", () => {
    const report = readReport(wardenDir, run.result.session_id);
    expect(report?.["subagents"]).toEqual([
      expect.objectContaining({ agent_id: subagentId(), agent_type: "general-purpose", tool_calls: 2 }),
    ]);
  });

  it("logs no internal error", () => {
    expect(errorsLogText(wardenDir)).toBe("");
  });
});
