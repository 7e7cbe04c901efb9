import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiId,
  callKeysOfEvents,
  createTempWorld,
  errorsLogText,
  eventsFor,
  installWarden,
  readReport,
  readSessionFile,
  requestAfterToolUse,
  runClaude,
  scriptByStep,
  startStandIn,
  toolResults,
  wardenDirOf,
  type ClaudeRun,
  type SessionFile,
  type StandIn,
  type TempWorld,
} from "./support/index.js";

/**
 * The guard, end to end: the real Claude Code 2.1.197 CLI, wired by a real
 * `warden install --project`, is scripted to ask for four dangerous calls (Bash and file tools),
 * one at a time, then two harmless look-alikes in parallel, in a temp project with a temp HOME holding secrets. One run in
 * beforeAll; the tests read what it left on disk, in `.warden/` and in what the stand-in received.
 */

// Fixed ids, so each scripted call can be followed into Warden's records and the next request.
const RM_HOME_ID = apiId("toolu");
const CAT_AWS_ID = apiId("toolu");
const READ_ENV_ID = apiId("toolu");
const READ_SETTINGS_ID = apiId("toolu");
const WRITE_SETTINGS_ID = apiId("toolu");
const GREP_ID = apiId("toolu");
const ECHO_ID = apiId("toolu");

const DENIED_CALLS = [
  { call: "Bash rm -rf ~", id: RM_HOME_ID, rule: "fs.rm-home" },
  { call: "Bash cat ~/.aws/credentials", id: CAT_AWS_ID, rule: "cred.read-secret" },
  { call: "Read <project>/.env", id: READ_ENV_ID, rule: "cred.read-secret" },
  { call: "Write <project>/.claude/settings.json", id: WRITE_SETTINGS_ID, rule: "guard.disable" },
] as const;

const LOOKALIKE_CALLS = [
  { call: `Bash grep -rn "rm -rf /" docs`, id: GREP_ID },
  { call: "Bash echo 'rm -rf ~' >> notes.md", id: ECHO_ID },
] as const;

// Unique per run: finding one in a request can only mean the file's content reached the model.
const AWS_SECRET = `aws-secret-${randomBytes(12).toString("hex")}`;
const ENV_SECRET = `env-secret-${randomBytes(12).toString("hex")}`;

const RUNBOOK_LINE = "Never run rm -rf / on the build box.";
const FINAL_TEXT = "Those need you: please run them yourself if you really mean to.";

describe("the guard against dangerous calls, with harmless look-alikes beside them", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let run: ClaudeRun;
  let session: SessionFile;
  let wardenDir: string;
  let settingsFile: string;
  let settingsAfterInstall: string;
  /** The files put in HOME before the run, with their content. */
  let homeFiles: Array<[string, string]>;

  beforeAll(async () => {
    world = createTempWorld();
    // runClaude's HOME is the temp world's: were the guard to fail, only the temp home would go.
    homeFiles = [
      [path.join(world.home, "sentinel.txt"), "still here\n"],
      [
        path.join(world.home, ".aws", "credentials"),
        `[default]\naws_access_key_id = AKIAWARDENE2ETEST\naws_secret_access_key = ${AWS_SECRET}\n`,
      ],
    ];
    for (const [file, content] of homeFiles) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    fs.writeFileSync(path.join(world.projectDir, ".env"), `DATABASE_URL=postgres://app:${ENV_SECRET}@db/app\n`);
    fs.writeFileSync(path.join(world.projectDir, "notes.md"), "# Notes\n");
    fs.mkdirSync(path.join(world.projectDir, "docs"));
    fs.writeFileSync(path.join(world.projectDir, "docs", "runbook.md"), `# Runbook\n${RUNBOOK_LINE}\n`);
    await installWarden(world.projectDir, world.home);
    settingsFile = path.join(world.projectDir, ".claude", "settings.json");
    settingsAfterInstall = fs.readFileSync(settingsFile, "utf8");

    standIn = await startStandIn(
      scriptByStep({
        main: [
          {
            text: "Cleaning up first.",
            toolUses: [{ id: RM_HOME_ID, name: "Bash", input: { command: "rm -rf ~", description: "Clean the home folder" } }],
          },
          {
            toolUses: [
              { id: CAT_AWS_ID, name: "Bash", input: { command: "cat ~/.aws/credentials", description: "Show the AWS credentials" } },
            ],
          },
          { toolUses: [{ id: READ_ENV_ID, name: "Read", input: { file_path: path.join(world.projectDir, ".env") } }] },
          // Claude Code itself refuses a Write to an existing file the session has not read ("File has
          // not been read yet"), before any PreToolUse hook runs: read it first, as a model would.
          { toolUses: [{ id: READ_SETTINGS_ID, name: "Read", input: { file_path: settingsFile } }] },
          { toolUses: [{ id: WRITE_SETTINGS_ID, name: "Write", input: { file_path: settingsFile, content: "{}" } }] },
          {
            toolUses: [
              { id: GREP_ID, name: "Bash", input: { command: `grep -rn "rm -rf /" docs`, description: "Find rm -rf / in the docs" } },
              { id: ECHO_ID, name: "Bash", input: { command: "echo 'rm -rf ~' >> notes.md", description: "Note the command" } },
            ],
          },
          { text: FINAL_TEXT },
        ],
      }),
    );
    run = await runClaude({ projectDir: world.projectDir, home: world.home, standInUrl: standIn.url, prompt: "Tidy up this machine." });
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
      result: FINAL_TEXT,
      scriptErrors: [],
    });
  });

  it("keeps rm -rf ~ from running: the sentinel in HOME survives", () => {
    expect(fs.readFileSync(path.join(world.home, "sentinel.txt"), "utf8")).toBe("still here\n");
  });

  it("leaves every file put in HOME in place, unchanged", () => {
    expect(homeFiles.map(([file]) => [file, fs.readFileSync(file, "utf8")])).toEqual(homeFiles);
  });

  it("keeps .claude/settings.json as warden install wrote it, Warden's wiring included", () => {
    expect([fs.readFileSync(settingsFile, "utf8"), settingsAfterInstall]).toEqual([
      settingsAfterInstall,
      expect.stringContaining("post-tool-guard.mjs"),
    ]);
  });

  it("records one event per scripted call, matched by tool_use_id", () => {
    expect(callKeysOfEvents(session.records)).toEqual(
      standIn
        .toolUses()
        .map((use) => [use.id, use.name, undefined])
        .toSorted((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it.each(DENIED_CALLS)("records $call once, as a blocked event with rule $rule", ({ id, rule }) => {
    expect(eventsFor(session.records, id).map((event) => [event["outcome"], event["verdict"], event["rules_matched"]])).toEqual([
      ["blocked", "blocked", [rule]],
    ]);
  });

  it.each(DENIED_CALLS)("records no completed event and no output for $call", ({ id }) => {
    expect(eventsFor(session.records, id).map((event) => [event["outcome"] === "completed", event["tool_output"] ?? null])).toEqual([
      [false, null],
    ]);
  });

  it.each(DENIED_CALLS)("sends the recorded reason for $call as its error tool_result in the next request", ({ id }) => {
    const [event] = eventsFor(session.records, id);
    const next = requestAfterToolUse(standIn, id);
    expect(next == null ? [] : toolResults(next)).toEqual([{ toolUseId: id, isError: true, text: event?.["reason"] }]);
  });

  it.each(DENIED_CALLS)("tells the model to ask the user, for $call", ({ id }) => {
    const next = requestAfterToolUse(standIn, id);
    expect(next == null ? [] : toolResults(next).map((result) => result.text)).toEqual([expect.stringContaining("ask the user")]);
  });

  it("reports the four denials to Claude Code itself (permission_denials)", () => {
    expect(run.result.permission_denials.map((denial) => denial["tool_use_id"]).toSorted()).toEqual(
      DENIED_CALLS.map(({ id }) => id).toSorted(),
    );
  });

  it.each([
    { secret: "the ~/.aws/credentials secret", value: AWS_SECRET },
    { secret: "the .env secret", value: ENV_SECRET },
  ])("never sends $secret to the model, in any request", ({ value }) => {
    expect({
      requests: standIn.requests.length > 0,
      leaking: standIn.requests.filter((request) => request.rawBody.includes(value)).length,
    }).toEqual({
      requests: true,
      leaking: 0,
    });
  });

  it("lets the model read .claude/settings.json: guard.disable stops writes only", () => {
    expect(
      eventsFor(session.records, READ_SETTINGS_ID).map((event) => [event["outcome"], event["verdict"], event["rules_matched"]]),
    ).toEqual([["completed", "allowed", []]]);
  });

  it.each(LOOKALIKE_CALLS)("lets the look-alike $call run: completed and allowed", ({ id }) => {
    expect(eventsFor(session.records, id).map((event) => [event["outcome"], event["verdict"], event["rules_matched"]])).toEqual([
      ["completed", "allowed", []],
    ]);
  });

  it("gives the model the look-alike grep's output", () => {
    expect(standIn.toolResultFor(GREP_ID)).toEqual({ toolUseId: GREP_ID, isError: false, text: `docs/runbook.md:2:${RUNBOOK_LINE}` });
  });

  it("lets the look-alike echo append its quoted text to notes.md", () => {
    expect(fs.readFileSync(path.join(world.projectDir, "notes.md"), "utf8")).toBe("# Notes\nrm -rf ~\n");
  });

  it("writes a report with health blocked", () => {
    expect(readReport(wardenDir, run.result.session_id)?.["session"]).toMatchObject({ health: "blocked" });
  });

  it("counts four blocked and three allowed calls in the report, with their rules", () => {
    expect(readReport(wardenDir, run.result.session_id)).toMatchObject({
      verdicts: { allowed: 3, warned: 0, blocked: 4 },
      outcomes: { completed: 3, failed: 0, blocked: 4, no_result: 0 },
      rules_matched: { "fs.rm-home": 1, "cred.read-secret": 2, "guard.disable": 1 },
    });
  });

  it("logs no internal error", () => {
    expect(errorsLogText(wardenDir)).toBe("");
  });
});
