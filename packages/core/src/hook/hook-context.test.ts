import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NO_POLICY } from "../guard-policy.js";
import { createHookContext, type HookWorld } from "./hook-context.js";

let project: string;
beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "warden-context-"));
});
afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

const world = (env: Record<string, string>): HookWorld => ({
  env: { CLAUDE_PROJECT_DIR: project, ...env },
  now: () => new Date("2026-11-21T10:00:00.000Z"),
  home: path.join(project, "home"),
  claudePid: null,
  isProcessAlive: () => false,
});

/** The guard folders a guard factory is given. */
function guardDirsOf(env: Record<string, string>): readonly string[] {
  let dirs: readonly string[] = [];
  const ctx = createHookContext({ cwd: project, session_id: "s1" }, world(env), {
    policy: (setup) => {
      dirs = setup.guardDirs;
      return NO_POLICY;
    },
  });
  expect(ctx.policy).toBe(NO_POLICY);
  return dirs;
}

describe("the guard's own folders", () => {
  it("include the resident server's folder named by WARDEN_SERVER_DIR", () => {
    expect(guardDirsOf({ WARDEN_SERVER_DIR: "/srv/warden-state" })).toContain("/srv/warden-state");
  });

  it("include the server's default folder under the home", () => {
    expect(guardDirsOf({})).toContain(path.join(project, "home", ".local", "state", "warden"));
  });

  it("include the plugin's folders when run as the plugin", () => {
    expect(guardDirsOf({ CLAUDE_PLUGIN_ROOT: "/p/root", CLAUDE_PLUGIN_DATA: "/p/data" })).toEqual(
      expect.arrayContaining(["/p/root", "/p/data"]),
    );
  });
});
