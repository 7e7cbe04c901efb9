import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTempWorld,
  hookOutputsInDebugLog,
  installWarden,
  readJsonl,
  runClaude,
  scriptByStep,
  startStandIn,
  type ClaudeRun,
  type StandIn,
  type StepPlan,
  type TempWorld,
} from "./support/index.js";

/**
 * Warden never breaks a session: when every one of its hooks fails inside, Claude Code carries on
 * as if Warden were not there. Two ways to make every hook fail, for real, in a real session.
 */

const MADE_FILE = "made-by-bash.txt";

const plan: StepPlan = {
  main: [
    { toolUses: [{ name: "Bash", input: { command: `echo made | tee ${MADE_FILE}`, description: "Create a file" } }] },
    { text: "Done." },
  ],
};

describe("a project whose .warden is a file, not a directory", () => {
  const blocker = "this file stands where Warden's directory would go\n";
  let world: TempWorld;
  let standIn: StandIn;
  let run: ClaudeRun;

  beforeAll(async () => {
    world = createTempWorld();
    await installWarden(world.projectDir, world.home);
    fs.writeFileSync(path.join(world.projectDir, ".warden"), blocker);
    standIn = await startStandIn(scriptByStep(plan));
    // --debug: Claude Code's debug log is the one place that shows what the hooks printed.
    run = await runClaude({
      projectDir: world.projectDir,
      home: world.home,
      standInUrl: standIn.url,
      prompt: "Make the file.",
      extraArgs: ["--debug"],
    });
  });

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("ends the run normally: exit 0, result success, the scripted answer", () => {
    expect([run.exitCode, run.result.subtype, run.result.is_error, run.result.result]).toEqual([0, "success", false, "Done."]);
  });

  it("still runs the tool: the Bash command created its file", () => {
    expect(fs.readFileSync(path.join(world.projectDir, MADE_FILE), "utf8")).toBe("made\n");
  });

  it("gives the model the tool's own result, no hook error", () => {
    const [call] = standIn.toolUses();
    expect(standIn.toolResultFor(call?.id ?? "missing")).toEqual({ toolUseId: call?.id, isError: false, text: "made" });
  });

  it("leaves the .warden file as it was", () => {
    expect(fs.readFileSync(path.join(world.projectDir, ".warden"), "utf8")).toBe(blocker);
  });

  it("denies nothing", () => {
    expect(run.result.permission_denials).toEqual([]);
  });

  it("has each hook exit 0 and print one line on stderr saying why it could not record", () => {
    // Claude Code does not log SessionEnd hooks' output, so the five others are what can be seen.
    const outputs = hookOutputsInDebugLog(world.home, run.result.session_id);
    expect(
      outputs.map((hook) => [hook.event, hook.status, hook.output.trimEnd().split("\n").length, hook.output.startsWith("warden ")]),
    ).toEqual(["SessionStart", "UserPromptSubmit", "PreToolUse", "PostToolUse", "Stop"].map((event) => [event, "success", 1, true]));
  });

  it("leaves the CLI's stderr empty: the user sees no hook noise", () => {
    expect(run.stderr).toBe("");
  });
});

describe("a WARDEN_DIR whose sessions/ and pending/ are files, errors.log writable", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let run: ClaudeRun;
  let wardenDir: string;
  let errors: ReturnType<typeof readJsonl>;

  beforeAll(async () => {
    world = createTempWorld();
    await installWarden(world.projectDir, world.home);
    wardenDir = world.file("warden-data");
    fs.mkdirSync(wardenDir);
    // Every hook then fails inside (PreToolUse writes only to pending/), and can still log it.
    fs.writeFileSync(path.join(wardenDir, "sessions"), "not a directory\n");
    fs.writeFileSync(path.join(wardenDir, "pending"), "not a directory\n");
    standIn = await startStandIn(scriptByStep(plan));
    run = await runClaude({
      projectDir: world.projectDir,
      home: world.home,
      standInUrl: standIn.url,
      prompt: "Make the file.",
      env: { WARDEN_DIR: wardenDir },
    });
    errors = readJsonl(path.join(wardenDir, "errors.log"));
  });

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("ends the run normally and still runs the tool", () => {
    expect([run.exitCode, run.result.result, fs.existsSync(path.join(world.projectDir, MADE_FILE))]).toEqual([0, "Done.", true]);
  });

  it("logs one errors.log line per hook that ran, in firing order, each naming the event and session", () => {
    expect(errors.map((entry) => [entry["event"], entry["session_id"]])).toEqual(
      ["SessionStart", "UserPromptSubmit", "PreToolUse", "PostToolUse", "Stop", "SessionEnd"].map((event) => [
        event,
        run.result.session_id,
      ]),
    );
  });

  it("says in each errors.log line which hook failed and why", () => {
    expect(errors.map((entry) => [typeof entry["hook"], typeof entry["message"], String(entry["message"]).length > 0])).toEqual(
      Array.from({ length: 6 }, () => ["string", "string", true]),
    );
  });

  it("writes nothing under the project: WARDEN_DIR wins", () => {
    expect(fs.existsSync(path.join(world.projectDir, ".warden"))).toBe(false);
  });
});
