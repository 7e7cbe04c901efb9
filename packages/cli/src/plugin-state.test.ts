import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enabledWardenPlugin } from "./plugin-state.js";

let root: string;
let home: string;
let project: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "warden-plugin-state-"));
  home = path.join(root, "home");
  project = path.join(root, "project");
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function writeSettings(file: string, settings: unknown): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof settings === "string" ? settings : JSON.stringify(settings));
  return file;
}
const userFile = () => path.join(home, ".claude", "settings.json");
const projectFile = () => path.join(project, ".claude", "settings.json");
const localFile = () => path.join(project, ".claude", "settings.local.json");

describe("enabledWardenPlugin", () => {
  it("finds the plugin enabled in the user's settings", () => {
    writeSettings(userFile(), { enabledPlugins: { "warden@warden": true, "other@x": true } });
    expect(enabledWardenPlugin(project, {}, home)).toEqual({ id: "warden@warden", scope: "user", file: userFile() });
  });

  it("lets the project's settings turn off what the user's turned on", () => {
    writeSettings(userFile(), { enabledPlugins: { "warden@warden": true } });
    writeSettings(projectFile(), { enabledPlugins: { "warden@warden": false } });
    expect(enabledWardenPlugin(project, {}, home)).toBeUndefined();
  });

  it("lets the local settings turn on what the project's turned off", () => {
    writeSettings(projectFile(), { enabledPlugins: { "warden@warden": false } });
    writeSettings(localFile(), { enabledPlugins: { "warden@team-tools": true } });
    expect(enabledWardenPlugin(project, {}, home)).toEqual({ id: "warden@team-tools", scope: "local", file: localFile() });
  });

  it("reads the user's settings from $CLAUDE_CONFIG_DIR when it is set", () => {
    const file = writeSettings(path.join(root, "config", "settings.json"), { enabledPlugins: { "warden@warden": true } });
    expect(enabledWardenPlugin(project, { CLAUDE_CONFIG_DIR: path.join(root, "config") }, home)).toEqual({
      id: "warden@warden",
      scope: "user",
      file,
    });
  });

  it("does not take a plugin whose name only contains warden", () => {
    writeSettings(userFile(), { enabledPlugins: { "not-warden@x": true, "wardenish@x": true } });
    expect(enabledWardenPlugin(project, {}, home)).toBeUndefined();
  });

  it("treats an unparseable settings file as naming no plugin", () => {
    writeSettings(userFile(), "{ not json");
    expect(enabledWardenPlugin(project, {}, home)).toBeUndefined();
  });
});
