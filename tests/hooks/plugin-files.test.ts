import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decisionOf, HOOKS_DIR, makeSandbox, runHookProcess, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

/**
 * The guard's own files, which the agent must not rewrite to switch it off: the hooks folder it
 * runs from and, run as the Claude Code plugin, CLAUDE_PLUGIN_ROOT and CLAUDE_PLUGIN_DATA.
 * The hooks folder here is this checkout's: a guard that failed these tests would have let the
 * write run, so they only ask (PreToolUse), never run the command.
 */

let box: Sandbox;
let pluginRoot: string;
let pluginData: string;
beforeEach(() => {
  box = makeSandbox();
  pluginRoot = path.join(box.home, "warden-checkout", "hooks");
  pluginData = path.join(box.home, ".claude", "plugins", "data", "warden-warden");
  fs.mkdirSync(pluginRoot, { recursive: true });
});
afterEach(() => box.cleanup());

const s = () => ({ sessionId: "9a1f0000-0000-4000-8000-000000000001", cwd: box.project });
const asPlugin = () => ({ ...box, env: { ...box.env, CLAUDE_PLUGIN_ROOT: pluginRoot, CLAUDE_PLUGIN_DATA: pluginData } });

describe("the guard run as the plugin", () => {
  it("denies a Bash command that overwrites the plugin's hook file", async () => {
    const command = `echo 'process.exit(0)' > ${pluginRoot}/post-tool-guard.mjs`;
    const result = await runHookProcess("post-tool-guard", p.preToolUse(s(), "Bash", p.bashInput(command), "toolu_pl1"), asPlugin());
    expect(decisionOf(result)).toBe("deny");
  });

  it("denies the Write tool into the plugin's data folder", async () => {
    const input = p.writeInput(path.join(pluginData, "code-cache", "x.v8"), "x");
    const result = await runHookProcess("post-tool-guard", p.preToolUse(s(), "Write", input, "toolu_pl2"), asPlugin());
    expect(decisionOf(result)).toBe("deny");
  });

  it("lets the same write through when the hook does not run as the plugin (the folder is then nobody's)", async () => {
    const command = `echo 'x' > ${pluginRoot}/notes.txt`;
    const result = await runHookProcess("post-tool-guard", p.preToolUse(s(), "Bash", p.bashInput(command), "toolu_pl3"), box);
    expect(decisionOf(result)).not.toBe("deny");
  });
});

describe("the guard wired in a settings file", () => {
  it("denies a command that overwrites the hook it runs from", async () => {
    const command = `echo 'process.exit(0)' > ${HOOKS_DIR}/post-tool-guard.mjs`;
    const result = await runHookProcess("post-tool-guard", p.preToolUse(s(), "Bash", p.bashInput(command), "toolu_pl4"), box);
    expect(decisionOf(result)).toBe("deny");
  });

  it("denies the Write tool into its hooks folder", async () => {
    const input = p.writeInput(path.join(HOOKS_DIR, "hooks.json"), "{}");
    const result = await runHookProcess("post-tool-guard", p.preToolUse(s(), "Write", input, "toolu_pl5"), box);
    expect(decisionOf(result)).toBe("deny");
  });
});
