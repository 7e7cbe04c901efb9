import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeSandbox, REPO_ROOT, runHookProcess, runProcess, type Sandbox } from "../support/hook-process.js";
import { recordSession } from "./recorded-sessions.js";

// The README's way to get `warden` on PATH from a clone: `npm install --global ./hooks`, run as a
// real npm into a temp prefix, then `warden` called by name from inside a recorded project.

let box: Sandbox;
let prefix: string;
beforeEach(() => {
  box = makeSandbox();
  prefix = path.join(path.dirname(box.project), "npm-prefix");
});
afterEach(() => box.cleanup());

const SESSION = "cccc3333-0000-4000-8000-000000000003";

describe("warden on PATH from a clone", () => {
  it("npm install --global ./hooks links a `warden` that lists the project's sessions, called by name", async () => {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const env = {
      ...box.env,
      npm_config_prefix: prefix,
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
    };
    const installed = await runProcess(npm, ["install", "--global", "./hooks"], "", env, REPO_ROOT);
    await recordSession(box, SESSION, { hooks: runHookProcess });
    const pathWithPrefix = `${path.join(prefix, "bin")}${path.delimiter}${box.env.PATH}`;
    const listed = await runProcess("warden", ["sessions", "--json"], "", { ...box.env, PATH: pathWithPrefix }, box.project);
    expect([installed.code, fs.realpathSync(path.join(prefix, "bin", "warden")), listed.code, JSON.parse(listed.stdout)]).toEqual([
      0,
      path.join(REPO_ROOT, "hooks", "bin", "warden"),
      0,
      expect.objectContaining({ sessions: [expect.objectContaining({ session_id: SESSION })] }),
    ]);
  });
});
