import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callKeysOfEvents,
  callKeysOfTranscript,
  countsByTool,
  createTempWorld,
  errorsLogText,
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
  sessionToolUses,
  startStandIn,
  wardenDirOf,
  type ClaudeRun,
  type SessionFile,
  type StandIn,
  type StepPlan,
  type TempWorld,
  type Transcript,
} from "./support/index.js";

/** Sessions across runs and side by side: a `--resume`d session, and two sessions at once in one project. */

describe("a session resumed in a second run", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let first: ClaudeRun;
  let second: ClaudeRun;
  let textAfterFirst: string;
  let afterFirst: SessionFile;
  let session: SessionFile;
  let transcript: Transcript;
  let wardenDir: string;

  beforeAll(async () => {
    world = createTempWorld();
    fs.writeFileSync(path.join(world.projectDir, "notes.md"), "# Notes\n");
    await installWarden(world.projectDir, world.home);
    standIn = await startStandIn(
      scriptByStep({
        main: [{ toolUses: [{ name: "Bash", input: { command: "echo first-run", description: "Say hello" } }] }, { text: "First done." }],
      }),
    );
    const options = { projectDir: world.projectDir, home: world.home, standInUrl: standIn.url };
    first = await runClaude({ ...options, prompt: "First prompt." });
    wardenDir = wardenDirOf(world.projectDir);
    const sessionPath = path.join(wardenDir, "sessions", `${first.result.session_id}.jsonl`);
    textAfterFirst = fs.readFileSync(sessionPath, "utf8");
    afterFirst = readSessionFile(wardenDir, first.result.session_id);
    // A resumed conversation starts again at step 0.
    standIn.setScript(
      scriptByStep({
        main: [
          {
            toolUses: [
              { name: "Bash", input: { command: "echo second-run", description: "Say hello again" } },
              { name: "Glob", input: { pattern: "*.md" } },
            ],
          },
          { text: "Second done." },
        ],
      }),
    );
    second = await runClaude({ ...options, prompt: "Second prompt.", extraArgs: ["--resume", first.result.session_id] });
    session = readSessionFile(wardenDir, first.result.session_id);
    transcript = readTranscript(world.home, world.projectDir, first.result.session_id);
  });

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("runs both prompts to completion in the same Claude Code session", () => {
    expect([first.exitCode, second.exitCode, second.result.session_id, second.result.result]).toEqual([
      0,
      0,
      first.result.session_id,
      "Second done.",
    ]);
  });

  it("keeps one session file for both runs", () => {
    expect(sessionFileIds(wardenDir)).toEqual([first.result.session_id]);
  });

  it("keeps the first run's lines byte for byte, appending after them", () => {
    const text = fs.readFileSync(session.path, "utf8");
    expect({ prefix: text.slice(0, textAfterFirst.length), grew: text.length > textAfterFirst.length }).toEqual({
      prefix: textAfterFirst,
      grew: true,
    });
  });

  it("opens the second run with a resume record right after the first run's end", () => {
    const resume = session.records[afterFirst.records.length];
    expect([afterFirst.records.at(-1)?.["type"], resume?.["type"], resume?.["source"]]).toEqual(["end", "resume", "resume"]);
  });

  it("continues the ids from the first run with no gap, no duplicate and no corrupt line", () => {
    expect([recordIds(session.records), session.corruptLines]).toEqual([oneTo(session.lines.length), []]);
  });

  it("records both runs: init, prompt, event, stop, end, then resume, prompt, two events, stop, end", () => {
    expect(recordTypes(session.records)).toEqual([
      "init",
      "prompt",
      "event",
      "stop",
      "end",
      "resume",
      "prompt",
      "event",
      "event",
      "stop",
      "end",
    ]);
  });

  it("records one event per tool_use of the whole transcript, matched by tool_use_id", () => {
    expect(callKeysOfEvents(session.records)).toEqual(callKeysOfTranscript(transcript));
  });

  it("writes an end record for each run, each with no unfinished call", () => {
    expect(recordsOfType(session.records, "end").map((end) => [end["finalized_by"], end["unfinished_calls"]])).toEqual([
      ["session_end", 0],
      ["session_end", 0],
    ]);
  });

  it("adds a start and an end line to the registry for each run", () => {
    expect(
      registryEntriesOf(readRegistry(wardenDir), first.result.session_id).map(([type, detail]) =>
        type === "start" ? `start:${detail}` : type,
      ),
    ).toEqual(["start:startup", "end", "start:resume", "end"]);
  });

  it("rewrites the report at the second end to count both runs", () => {
    expect(readReport(wardenDir, first.result.session_id)).toMatchObject({ counts: { events: 3, prompts: 2, resumes: 1 } });
  });

  it("rewrites the report at the second end with the counts per tool of the whole transcript", () => {
    const names = sessionToolUses(transcript).map((use) => use.name);
    expect(reportCountsByTool(readReport(wardenDir, first.result.session_id))).toEqual(countsByTool(names));
  });

  it("logs no internal error", () => {
    expect(errorsLogText(wardenDir)).toBe("");
  });
});

/** Each session's calls: the first turn has parallel calls, the second a single or parallel pair. */
const PLANS = {
  first: (projectDir: string): StepPlan => ({
    main: [
      {
        toolUses: [
          { name: "Bash", input: { command: "echo first-a", description: "One" } },
          { name: "Bash", input: { command: "echo first-b", description: "Two" } },
          { name: "Read", input: { file_path: path.join(projectDir, "notes.md") } },
        ],
      },
      {
        toolUses: [
          { name: "Bash", input: { command: "echo first-c", description: "Three" } },
          { name: "Glob", input: { pattern: "*.md" } },
        ],
      },
      { text: "First session done." },
    ],
  }),
  second: (projectDir: string): StepPlan => ({
    main: [
      {
        toolUses: [
          { name: "Read", input: { file_path: path.join(projectDir, "notes.md") } },
          { name: "Bash", input: { command: "echo second-a", description: "One" } },
          { name: "Glob", input: { pattern: "**/*.md" } },
          { name: "Bash", input: { command: "echo second-b", description: "Two" } },
        ],
      },
      { toolUses: [{ name: "Bash", input: { command: "echo second-c", description: "Three" } }] },
      { text: "Second session done." },
    ],
  }),
} as const;

type SessionKey = keyof typeof PLANS;
const KEYS = ["first", "second"] as const satisfies readonly SessionKey[];

interface RunningSession {
  readonly standIn: StandIn;
  readonly run: ClaudeRun;
  readonly transcript: Transcript;
  readonly file: SessionFile;
}

describe("two sessions running at once in one project", () => {
  let world: TempWorld;
  let wardenDir: string;
  let sessions: Record<SessionKey, RunningSession>;
  const standIns: StandIn[] = [];

  /** Starts the session's own stand-in (usage numbers apart), runs it, reads what it left. */
  const runSession = async (key: SessionKey, firstResponseNumber: number): Promise<RunningSession> => {
    const standIn = await startStandIn(scriptByStep(PLANS[key](world.projectDir)), { firstResponseNumber });
    standIns.push(standIn);
    const run = await runClaude({
      projectDir: world.projectDir,
      home: world.home,
      standInUrl: standIn.url,
      prompt: `Run the ${key} session.`,
    });
    return {
      standIn,
      run,
      transcript: readTranscript(world.home, world.projectDir, run.result.session_id),
      file: readSessionFile(wardenDir, run.result.session_id),
    };
  };

  beforeAll(async () => {
    world = createTempWorld();
    fs.writeFileSync(path.join(world.projectDir, "notes.md"), "# Notes\n");
    await installWarden(world.projectDir, world.home);
    wardenDir = wardenDirOf(world.projectDir);
    const [first, second] = await Promise.all([runSession("first", 1), runSession("second", 101)]);
    sessions = { first, second };
  });

  afterAll(async () => {
    await Promise.all(standIns.map((standIn) => standIn.close()));
    world?.cleanup();
  });

  it("runs both sessions to completion with distinct session ids", () => {
    const { first, second } = sessions;
    expect([first.run.exitCode, second.run.exitCode, first.run.result.session_id === second.run.result.session_id]).toEqual([0, 0, false]);
  });

  it("writes two session files, one per session_id", () => {
    expect(sessionFileIds(wardenDir)).toEqual(KEYS.map((key) => sessions[key].run.result.session_id).toSorted());
  });

  it.each(KEYS)("records in the %s session's file exactly the calls of its own transcript", (key) => {
    const { file, transcript } = sessions[key];
    expect(callKeysOfEvents(file.records)).toEqual(callKeysOfTranscript(transcript));
  });

  it.each(KEYS)("records in the %s session's file exactly the tool_uses its stand-in sent", (key) => {
    const { file, standIn } = sessions[key];
    expect(callKeysOfEvents(file.records).map(([id]) => id)).toEqual(
      standIn
        .toolUses()
        .map((use) => use.id)
        .toSorted((a, b) => a.localeCompare(b)),
    );
  });

  it.each(KEYS)("numbers the %s session's records 1..N with no corrupt line", (key) => {
    const { file } = sessions[key];
    expect([recordIds(file.records), file.corruptLines]).toEqual([oneTo(file.lines.length), []]);
  });

  it.each(KEYS)("opens the %s session's file with its own init and closes it with its own end", (key) => {
    const { file, run } = sessions[key];
    expect([
      file.records[0]?.["type"],
      file.records[0]?.["session_id"],
      file.records.at(-1)?.["type"],
      recordsOfType(file.records, "init").length,
    ]).toEqual(["init", run.result.session_id, "end", 1]);
  });

  it.each(KEYS)("writes the %s session's report with its own counts per tool", (key) => {
    const { run, transcript } = sessions[key];
    expect(reportCountsByTool(readReport(wardenDir, run.result.session_id))).toEqual(
      countsByTool(sessionToolUses(transcript).map((use) => use.name)),
    );
  });

  it.each(KEYS)("adds a start and an end line for the %s session to the shared registry", (key) => {
    const { run } = sessions[key];
    expect(registryEntriesOf(readRegistry(wardenDir), run.result.session_id).map(([type]) => type)).toEqual(["start", "end"]);
  });

  it("writes no registry line of any other session", () => {
    const ids = new Set(KEYS.map((key) => sessions[key].run.result.session_id));
    expect(readRegistry(wardenDir).filter((line) => !ids.has(String(line["session_id"])))).toEqual([]);
  });

  it("logs no internal error", () => {
    expect(errorsLogText(wardenDir)).toBe("");
  });
});
