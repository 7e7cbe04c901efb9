import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiId,
  claudeBinPath,
  createTempWorld,
  errorsLogText,
  eventsFor,
  installWardenPlugin,
  readReport,
  readSessionFile,
  REPO_ROOT,
  reportTotalCost,
  runClaude,
  scriptByStep,
  startStandIn,
  wardenDirOf,
  type ClaudeRun,
  type SessionFile,
  type StandIn,
  type TempWorld,
} from "./support/index.js";

/**
 * Warden installed the way the README leads with: `claude plugin marketplace add <checkout>` and
 * `claude plugin install warden@warden` into a clean HOME, no settings file edited. A real session
 * then asks for `rm -rf ~`, a private key and `.env`, and runs `warden` from the plugin's bin/.
 */

const RM_HOME_ID = apiId("toolu");
const CAT_KEY_ID = apiId("toolu");
const READ_ENV_ID = apiId("toolu");
const WARDEN_ID = apiId("toolu");

const DENIED_CALLS = [
  { call: "Bash rm -rf ~", id: RM_HOME_ID, rule: "fs.rm-home" },
  { call: "Bash cat ~/.ssh/id_ed25519", id: CAT_KEY_ID, rule: "cred.read-secret" },
  { call: "Read <project>/.env", id: READ_ENV_ID, rule: "cred.read-secret" },
] as const;

const KEY_SECRET = randomBytes(24).toString("base64");
const ENV_SECRET = `env-secret-${randomBytes(12).toString("hex")}`;
const FINAL_TEXT = "Those need you.";
const PLUGIN_BIN = path.join(REPO_ROOT, "hooks", "bin");

describe("Warden installed as a Claude Code plugin", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let run: ClaudeRun;
  let session: SessionFile;

  beforeAll(async () => {
    world = createTempWorld("warden-plugin-");
    fs.writeFileSync(path.join(world.home, "sentinel.txt"), "still here\n");
    fs.mkdirSync(path.join(world.home, ".ssh"));
    fs.writeFileSync(
      path.join(world.home, ".ssh", "id_ed25519"),
      `-----BEGIN OPENSSH PRIVATE KEY-----\n${KEY_SECRET}\n-----END OPENSSH PRIVATE KEY-----\n`,
    );
    fs.writeFileSync(path.join(world.projectDir, ".env"), `API_TOKEN=${ENV_SECRET}\n`);
    await installWardenPlugin(world.home, claudeBinPath());

    standIn = await startStandIn(
      scriptByStep({
        main: [
          { toolUses: [{ id: RM_HOME_ID, name: "Bash", input: { command: "rm -rf ~", description: "Clean the home folder" } }] },
          { toolUses: [{ id: CAT_KEY_ID, name: "Bash", input: { command: "cat ~/.ssh/id_ed25519", description: "Show the key" } }] },
          { toolUses: [{ id: READ_ENV_ID, name: "Read", input: { file_path: path.join(world.projectDir, ".env") } }] },
          {
            toolUses: [
              {
                id: WARDEN_ID,
                name: "Bash",
                input: { command: "command -v warden && warden sessions --json", description: "List Warden's sessions" },
              },
            ],
          },
          { text: FINAL_TEXT },
        ],
      }),
    );
    run = await runClaude({ projectDir: world.projectDir, home: world.home, standInUrl: standIn.url, prompt: "Tidy up." });
    session = readSessionFile(wardenDirOf(world.projectDir), run.result.session_id);
  }, 120_000);

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

  it("needed no settings file: the project has no .claude/ and the user's settings wire no hook", () => {
    const userSettings = JSON.parse(fs.readFileSync(path.join(world.home, ".claude", "settings.json"), "utf8"));
    expect([fs.existsSync(path.join(world.projectDir, ".claude")), userSettings.hooks, userSettings.enabledPlugins]).toEqual([
      false,
      undefined,
      { "warden@warden": true },
    ]);
  });

  it("keeps rm -rf ~ from running: the sentinel in HOME survives", () => {
    expect(fs.readFileSync(path.join(world.home, "sentinel.txt"), "utf8")).toBe("still here\n");
  });

  it.each(DENIED_CALLS)("records $call once, as a blocked event with rule $rule", ({ id, rule }) => {
    expect(eventsFor(session.records, id).map((event) => [event["outcome"], event["verdict"], event["rules_matched"]])).toEqual([
      ["blocked", "blocked", [rule]],
    ]);
  });

  it.each([
    { secret: "the private key", value: KEY_SECRET },
    { secret: "the .env secret", value: ENV_SECRET },
  ])("never sends $secret to the model, in any request", ({ value }) => {
    expect({
      requests: standIn.requests.length > 0,
      leaking: standIn.requests.filter((request) => request.rawBody.includes(value)).length,
    }).toEqual({ requests: true, leaking: 0 });
  });

  // Claude Code 2.1.197 loads a plugin of a local-directory marketplace in place: the checkout's
  // hooks/ is the plugin root (its copy under ~/.claude/plugins/cache is not what runs), so a
  // `git pull` there updates the plugin. The test's own PATH does not have that bin/ folder.
  it("puts the plugin's bin/warden on the PATH of Claude Code's Bash tool, and it reads this project's records", () => {
    const [where, ...json] = (standIn.toolResultFor(WARDEN_ID)?.text ?? "").split("\n");
    const listed: unknown = JSON.parse(json.join("\n"));
    expect([process.env["PATH"]?.split(":").includes(PLUGIN_BIN), where, listed]).toEqual([
      false,
      path.join(PLUGIN_BIN, "warden"),
      expect.objectContaining({ sessions: [expect.objectContaining({ session_id: run.result.session_id })] }),
    ]);
  });

  it("records the warden call as completed and allowed", () => {
    expect(eventsFor(session.records, WARDEN_ID).map((event) => [event["outcome"], event["verdict"]])).toEqual([["completed", "allowed"]]);
  });

  it("writes a report whose total cost equals Claude Code's own", () => {
    const report = readReport(wardenDirOf(world.projectDir), run.result.session_id);
    expect(Math.abs(reportTotalCost(report) - run.result.total_cost_usd)).toBeLessThan(0.000001);
  });

  it("keeps the hooks' code cache in the plugin's data folder, not among the plugin's files", () => {
    const dataDir = path.join(world.home, ".claude", "plugins", "data");
    const caches = fs.readdirSync(dataDir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".v8"));
    expect(caches.map((file) => path.basename(path.dirname(file)))).toEqual(expect.arrayContaining(["code-cache"]));
  });

  it("logs no internal error", () => {
    expect(errorsLogText(wardenDirOf(world.projectDir))).toBe("");
  });
});
