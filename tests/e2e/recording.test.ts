import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callKeysOfEvents,
  callKeysOfTranscript,
  countsByTool,
  createTempWorld,
  errorsLogText,
  eventsFor,
  eventsIn,
  installWarden,
  oneTo,
  readRegistry,
  readReport,
  reportCountsByTool,
  readSessionFile,
  readTranscript,
  recordIds,
  recordsOfType,
  recordTypes,
  registryEntriesOf,
  runClaude,
  scriptByStep,
  sessionFileIds,
  sessionsDirEntries,
  sessionToolUses,
  startStandIn,
  wardenDirOf,
  type ClaudeRun,
  type SessionFile,
  type StandIn,
  type TempWorld,
  type Transcript,
} from "./support/index.js";

/**
 * Warden's recording, end to end: the real Claude Code 2.1.197 CLI, wired by a real
 * `warden install --project`, driven by the scripted stand-in API. Each describe makes its CLI
 * run(s) in beforeAll; its tests only read what the run left in `.warden/` and the transcripts.
 */

const FAILING_COMMAND = "ls /nonexistent-warden-e2e";

describe("a session with sequential, parallel and failing tool calls", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let run: ClaudeRun;
  let transcript: Transcript;
  let session: SessionFile;
  let wardenDir: string;

  const failingCallId = (): string => standIn.toolUses().find((use) => use.input["command"] === FAILING_COMMAND)?.id ?? "missing";

  beforeAll(async () => {
    world = createTempWorld();
    fs.writeFileSync(path.join(world.projectDir, "notes.md"), "# Notes\nnothing to see\n");
    await installWarden(world.projectDir, world.home);
    standIn = await startStandIn(
      scriptByStep({
        main: [
          { text: "First a command.", toolUses: [{ name: "Bash", input: { command: "echo sequential-bash", description: "Say hello" } }] },
          {
            toolUses: [
              { name: "Read", input: { file_path: path.join(world.projectDir, "notes.md") } },
              { name: "Bash", input: { command: "echo parallel-bash", description: "Say hello again" } },
              { name: "Glob", input: { pattern: "*.md" } },
            ],
          },
          { toolUses: [{ name: "Bash", input: { command: FAILING_COMMAND, description: "List a missing folder" } }] },
          { text: "All done." },
        ],
      }),
    );
    run = await runClaude({ projectDir: world.projectDir, home: world.home, standInUrl: standIn.url, prompt: "Do the scripted thing." });
    transcript = readTranscript(world.home, world.projectDir, run.result.session_id);
    wardenDir = wardenDirOf(world.projectDir);
    session = readSessionFile(wardenDir, run.result.session_id);
  });

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("runs to completion with the scripted final text", () => {
    expect({ exitCode: run.exitCode, result: run.result.result, scriptErrors: standIn.scriptErrors }).toEqual({
      exitCode: 0,
      result: "All done.",
      scriptErrors: [],
    });
  });

  it("writes exactly one session file, named after Claude Code's session_id", () => {
    expect(sessionFileIds(wardenDir)).toEqual([run.result.session_id]);
  });

  it("leaves no lock or temp file beside the session file", () => {
    expect(sessionsDirEntries(wardenDir)).toEqual([`${run.result.session_id}.jsonl`]);
  });

  it("writes only whole lines that parse as records with type, id and timestamp", () => {
    expect({ corrupt: session.corruptLines, endsWithNewline: session.endsWithNewline }).toEqual({ corrupt: [], endsWithNewline: true });
  });

  it("puts type, id and an ISO 8601 UTC timestamp first on every line", () => {
    const heads = session.records.map((record) => [
      ...Object.keys(record).slice(0, 3),
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(String(record["timestamp"])),
    ]);
    expect(heads).toEqual(session.records.map(() => ["type", "id", "timestamp", true]));
  });

  it("numbers the records 1..N in file order, with no gap and no duplicate", () => {
    expect(recordIds(session.records)).toEqual(oneTo(session.lines.length));
  });

  it("opens the file with an init record of this session and its transcript", () => {
    const [first] = session.records;
    expect([first?.["type"], first?.["session_id"], first?.["transcript_path"]]).toEqual(["init", run.result.session_id, transcript.path]);
  });

  it("records init, the prompt, one event per call, the stop and the end, in that order", () => {
    expect(recordTypes(session.records)).toEqual(["init", "prompt", "event", "event", "event", "event", "event", "stop", "end"]);
  });

  it("records one event per tool_use of the transcript, matched by tool_use_id", () => {
    expect(callKeysOfEvents(session.records)).toEqual(callKeysOfTranscript(transcript));
  });

  it("records each call's input as the transcript has it", () => {
    const inputs = new Map(sessionToolUses(transcript).map((use) => [use.id, use.input]));
    const recorded = eventsIn(session.records).map((event) => [event["tool_use_id"], event["tool_input"]]);
    expect(recorded).toEqual(recorded.map(([id]) => [id, inputs.get(String(id))]));
  });

  it("records the file the Read named in its files_accessed, as an absolute path", () => {
    const reads = eventsIn(session.records).filter((event) => event["tool_name"] === "Read");
    expect(reads.map((event) => event["files_accessed"])).toEqual([[path.join(world.projectDir, "notes.md")]]);
  });

  it("records the transcript's five calls", () => {
    expect(sessionToolUses(transcript).map((use) => use.name)).toEqual(["Bash", "Read", "Bash", "Glob", "Bash"]);
  });

  it("records the successful calls as completed and allowed", () => {
    const others = eventsIn(session.records).filter((event) => event["tool_use_id"] !== failingCallId());
    expect(others.map((event) => [event["outcome"], event["is_error"], event["verdict"]])).toEqual(
      Array.from({ length: 4 }, () => ["completed", false, "allowed"]),
    );
  });

  it("records the failing Bash as failed, with is_error and Claude Code's error text", () => {
    const [event] = eventsFor(session.records, failingCallId());
    expect({ outcome: event?.["outcome"], isError: event?.["is_error"], error: event?.["error"] }).toEqual({
      outcome: "failed",
      isError: true,
      error: expect.stringMatching(/^Exit code 2\b/),
    });
  });

  it("records the failing call's error as the text the model received", () => {
    const [event] = eventsFor(session.records, failingCallId());
    expect(standIn.toolResultFor(failingCallId())).toEqual({ toolUseId: failingCallId(), isError: true, text: event?.["error"] });
  });

  it("records the output each completed call returned", () => {
    const echoes = eventsIn(session.records)
      .filter((event) => event["tool_name"] === "Bash" && event["outcome"] === "completed")
      .map((event) => JSON.stringify(event["tool_output"]));
    expect(echoes).toEqual([expect.stringContaining("sequential-bash"), expect.stringContaining("parallel-bash")]);
  });

  it("adds one start and one end line for the session to the registry", () => {
    expect(registryEntriesOf(readRegistry(wardenDir), run.result.session_id).map(([type]) => type)).toEqual(["start", "end"]);
  });

  it("writes a report whose counts per tool equal the transcript's", () => {
    const names = sessionToolUses(transcript).map((use) => use.name);
    expect(reportCountsByTool(readReport(wardenDir, run.result.session_id))).toEqual(countsByTool(names));
  });

  it("points the end record at the report, with no unfinished call", () => {
    const [end] = recordsOfType(session.records, "end");
    expect([end?.["report_paths"], end?.["unfinished_calls"]]).toEqual([
      ["json", "html", "md"].map((ext) => path.join(wardenDir, "reports", `${run.result.session_id}.${ext}`)),
      0,
    ]);
  });

  it("names the project in init: cwd and project_dir are the project directory", () => {
    const [init] = recordsOfType(session.records, "init");
    expect([init?.["cwd"], init?.["project_dir"]]).toEqual([world.projectDir, world.projectDir]);
  });

  it("keeps .warden out of git with a .gitignore of *", () => {
    expect(fs.readFileSync(path.join(wardenDir, ".gitignore"), "utf8")).toBe("*\n");
  });

  it("logs no internal error", () => {
    expect(errorsLogText(wardenDir)).toBe("");
  });
});

describe("a call the guard denies: rm -rf ~", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let run: ClaudeRun;
  let session: SessionFile;
  let wardenDir: string;
  let sentinel: string;

  const deniedId = (): string => standIn.toolUses()[0]?.id ?? "missing";

  beforeAll(async () => {
    world = createTempWorld();
    // runClaude's HOME is the temp world's: were the guard to fail, only the temp home would go.
    sentinel = path.join(world.home, "sentinel.txt");
    fs.writeFileSync(sentinel, "still here\n");
    await installWarden(world.projectDir, world.home);
    standIn = await startStandIn(
      scriptByStep({
        main: [
          { toolUses: [{ name: "Bash", input: { command: "rm -rf ~", description: "Clean the home folder" } }] },
          { text: "Understood." },
        ],
      }),
    );
    run = await runClaude({ projectDir: world.projectDir, home: world.home, standInUrl: standIn.url, prompt: "Clean up my home folder." });
    wardenDir = wardenDirOf(world.projectDir);
    session = readSessionFile(wardenDir, run.result.session_id);
  });

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("keeps the command from running: the sentinel in HOME survives", () => {
    expect(fs.readFileSync(sentinel, "utf8")).toBe("still here\n");
  });

  it("records the call once, as a blocked event with rule fs.rm-home", () => {
    const events = eventsFor(session.records, deniedId());
    expect(events.map((event) => [event["outcome"], event["verdict"], event["rules_matched"]])).toEqual([
      ["blocked", "blocked", ["fs.rm-home"]],
    ]);
  });

  it("gives the model the recorded reason as the call's error tool_result", () => {
    const [event] = eventsFor(session.records, deniedId());
    expect(standIn.toolResultFor(deniedId())).toEqual({ toolUseId: deniedId(), isError: true, text: event?.["reason"] });
  });

  it("tells the model to ask the user to run the command themselves", () => {
    expect(standIn.toolResultFor(deniedId())?.text).toContain("ask the user to run it themselves");
  });

  it("still ends the run successfully with the model's answer", () => {
    expect([run.exitCode, run.result.result]).toEqual([0, "Understood."]);
  });

  it("leaves no unfinished call for the denied one at the end", () => {
    const [end] = recordsOfType(session.records, "end");
    expect([end?.["unfinished_calls"], eventsIn(session.records).map((event) => event["outcome"])]).toEqual([0, ["blocked"]]);
  });

  it("counts the block and its rule in the report", () => {
    expect(readReport(wardenDir, run.result.session_id)).toMatchObject({
      outcomes: { blocked: 1 },
      verdicts: { blocked: 1 },
      rules_matched: { "fs.rm-home": 1 },
    });
  });

  it("numbers the records 1..N with no corrupt line", () => {
    expect([recordIds(session.records), session.corruptLines]).toEqual([oneTo(session.lines.length), []]);
  });

  it("logs no internal error", () => {
    expect(errorsLogText(wardenDir)).toBe("");
  });
});
