import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli-in-process.js";
import { HOOKS_DIR, makeSandbox, type Sandbox } from "../support/hook-process.js";

let box: Sandbox;
let settingsFile: string;
beforeEach(() => {
  box = makeSandbox();
  settingsFile = path.join(box.project, ".claude", "settings.json");
});
afterEach(() => box.cleanup());

const userHook = {
  hooks: { PreToolUse: [{ matcher: "Bash", hooks: [{ type: "command", command: "./my-hook.sh" }] }] },
  permissions: { allow: ["Bash(ls:*)"] },
};
const writeSettings = (value: unknown) => {
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, typeof value === "string" ? value : JSON.stringify(value));
};

describe("warden install", () => {
  it("wires a project's settings to this checkout's built hooks", async () => {
    await runCliInProcess(["install", "--project", box.project], box);
    const settings = JSON.parse(fs.readFileSync(settingsFile, "utf8"));
    expect(settings.hooks.SessionEnd[0].hooks[0]).toEqual({
      type: "command",
      command: "node",
      args: [`${HOOKS_DIR}/session-end.mjs`],
      timeout: 10,
    });
  });

  it("keeps the user's own hooks and settings", async () => {
    writeSettings(userHook);
    await runCliInProcess(["install", "--project", box.project], box);
    const settings = JSON.parse(fs.readFileSync(settingsFile, "utf8"));
    expect([settings.permissions, settings.hooks.PreToolUse[0]]).toEqual([userHook.permissions, userHook.hooks.PreToolUse[0]]);
  });

  it("leaves the file byte-identical when run a second time", async () => {
    writeSettings(userHook);
    await runCliInProcess(["install", "--project", box.project], box);
    const first = fs.readFileSync(settingsFile);
    await runCliInProcess(["install", "--project", box.project], box);
    expect(fs.readFileSync(settingsFile).equals(first)).toBe(true);
  });

  it("--uninstall removes exactly Warden's entries", async () => {
    writeSettings(userHook);
    await runCliInProcess(["install", "--project", box.project], box);
    await runCliInProcess(["install", "--project", box.project, "--uninstall"], box);
    expect(JSON.parse(fs.readFileSync(settingsFile, "utf8"))).toEqual(userHook);
  });

  it("--check exits 1 on missing wiring and changes nothing", async () => {
    writeSettings(userHook);
    const before = fs.readFileSync(settingsFile);
    const result = await runCliInProcess(["install", "--project", box.project, "--check"], box);
    expect([result.code, fs.readFileSync(settingsFile).equals(before)]).toEqual([1, true]);
  });

  it("--check exits 0 once installed", async () => {
    await runCliInProcess(["install", "--project", box.project], box);
    expect((await runCliInProcess(["install", "--project", box.project, "--check"], box)).code).toBe(0);
  });

  it("--user wires $HOME/.claude/settings.json", async () => {
    await runCliInProcess(["install", "--user"], box);
    expect(fs.existsSync(path.join(box.home, ".claude", "settings.json"))).toBe(true);
  });

  it("refuses an unparseable settings file with a clear message, exit code 3, and leaves it untouched", async () => {
    writeSettings('{ "hooks": { oops } }');
    const result = await runCliInProcess(["install", "--project", box.project], box);
    expect([result.code, result.stderr, fs.readFileSync(settingsFile, "utf8")]).toEqual([
      3,
      expect.stringMatching(/not valid JSON, so it was left untouched/),
      '{ "hooks": { oops } }',
    ]);
  });

  it("refuses to run without a target", async () => {
    const result = await runCliInProcess(["install"], box);
    expect([result.code, result.stderr]).toEqual([2, expect.stringMatching(/--project DIR or --user/)]);
  });

  it("refuses a --project DIR that does not exist, exit code 3, and writes nothing", async () => {
    const typo = path.join(box.project, "typo", "dir");
    const result = await runCliInProcess(["install", "--project", typo], box);
    expect([result.code, result.stderr, fs.existsSync(path.join(box.project, "typo"))]).toEqual([
      3,
      expect.stringContaining(`${typo} is not an existing directory; nothing was written`),
      false,
    ]);
  });

  it("creates .claude/ inside an existing project", async () => {
    const result = await runCliInProcess(["install", "--project", box.project], box);
    expect([result.code, fs.existsSync(settingsFile)]).toEqual([0, true]);
  });

  it("warns that hooks would run twice when the Warden plugin is enabled too, and still wires as asked", async () => {
    const userSettings = path.join(box.home, ".claude", "settings.json");
    fs.mkdirSync(path.dirname(userSettings), { recursive: true });
    fs.writeFileSync(userSettings, JSON.stringify({ enabledPlugins: { "warden@warden": true } }));
    const result = await runCliInProcess(["install", "--project", box.project], box);
    expect([result.code, result.stderr, fs.existsSync(settingsFile)]).toEqual([
      0,
      expect.stringContaining("the Warden plugin warden@warden is also enabled"),
      true,
    ]);
  });

  it("--json says what it wrote", async () => {
    const result = await runCliInProcess(["install", "--project", box.project, "--json"], box);
    expect(JSON.parse(result.stdout)).toEqual({
      file: settingsFile,
      mode: "command",
      action: "wired",
      wired: true,
      hooks_dir: HOOKS_DIR,
      problems: [],
    });
  });

  it("--json says what it removed", async () => {
    await runCliInProcess(["install", "--project", box.project], box);
    const result = await runCliInProcess(["install", "--project", box.project, "--uninstall", "--json"], box);
    expect(JSON.parse(result.stdout)).toMatchObject({ action: "removed", wired: false });
  });

  it("--check --json lists what is missing, exit code 1", async () => {
    const result = await runCliInProcess(["install", "--project", box.project, "--check", "--json"], box);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([
      1,
      expect.objectContaining({ action: "checked", wired: false, problems: expect.arrayContaining(["SessionEnd: not wired"]) }),
    ]);
  });
});

describe("warden install --server", () => {
  it("wires tool events to the resident hook client and SessionStart to start the server", async () => {
    await runCliInProcess(["install", "--project", box.project, "--server"], box);
    const settings = JSON.parse(fs.readFileSync(settingsFile, "utf8"));
    expect([settings.hooks.PreToolUse[0].hooks[0], settings.hooks.SessionStart[0].hooks[0]]).toEqual([
      { type: "command", command: "bash", args: [`${HOOKS_DIR}/resident-hook.bash`, "post-tool-guard"], timeout: 60 },
      { type: "command", command: "node", args: [`${HOOKS_DIR}/session-start.mjs`, "--server"], timeout: 10 },
    ]);
  });

  it("--check judges a resident wiring as current", async () => {
    await runCliInProcess(["install", "--project", box.project, "--server"], box);
    const check = await runCliInProcess(["install", "--project", box.project, "--check"], box);
    expect(check.code).toBe(0);
  });

  it("without --server, turns a resident wiring back into one process per hook", async () => {
    await runCliInProcess(["install", "--project", box.project, "--server"], box);
    await runCliInProcess(["install", "--project", box.project], box);
    const settings = JSON.parse(fs.readFileSync(settingsFile, "utf8"));
    expect(settings.hooks.PreToolUse).toEqual([
      { matcher: "*", hooks: [{ type: "command", command: "node", args: [`${HOOKS_DIR}/post-tool-guard.mjs`], timeout: 10 }] },
    ]);
  });

  it("--uninstall removes a resident wiring", async () => {
    writeSettings(userHook);
    await runCliInProcess(["install", "--project", box.project, "--server"], box);
    await runCliInProcess(["install", "--project", box.project, "--uninstall"], box);
    expect(JSON.parse(fs.readFileSync(settingsFile, "utf8"))).toEqual(userHook);
  });

  it("refuses --server with --uninstall as a usage error, writing nothing", async () => {
    const run = await runCliInProcess(["install", "--project", box.project, "--server", "--uninstall"], box);
    expect([run.code, fs.existsSync(settingsFile)]).toEqual([2, false]);
  });
});
