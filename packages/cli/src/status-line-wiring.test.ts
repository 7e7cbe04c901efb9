import { describe, expect, it } from "vitest";
import { applyStatusLine, removeStatusLine, statusLineCommand } from "./status-line-wiring.js";

const HOOKS = "/opt/warden/hooks";
const OURS = { type: "command", command: "node '/opt/warden/hooks/warden.mjs' statusline" };

describe("statusLineCommand", () => {
  it("quotes the path for the shell Claude Code runs it in", () => {
    expect(statusLineCommand("/home/o'neil/warden/hooks")).toBe(`node '/home/o'"'"'neil/warden/hooks/warden.mjs' statusline`);
  });

  it("leaves ${CLAUDE_PROJECT_DIR} for the shell to expand", () => {
    expect(statusLineCommand("${CLAUDE_PROJECT_DIR}/hooks")).toBe('node "${CLAUDE_PROJECT_DIR}/hooks/warden.mjs" statusline');
  });
});

describe("applyStatusLine", () => {
  it("adds Warden's status line to settings without one", () => {
    expect(applyStatusLine({ model: "opus" }, HOOKS)).toEqual({ settings: { model: "opus", statusLine: OURS }, outcome: "added" });
  });

  it("keeps a status line the user already has, untouched", () => {
    const settings = { statusLine: { type: "command", command: "~/.claude/statusline.sh", padding: 1 } };
    expect(applyStatusLine(settings, HOOKS)).toEqual({ settings, outcome: "kept_other" });
  });

  it("changes nothing when Warden's is current", () => {
    const settings = { statusLine: OURS };
    expect(applyStatusLine(settings, HOOKS)).toEqual({ settings, outcome: "current" });
  });

  it("points a stale Warden status line at the current hooks", () => {
    const stale = { statusLine: { type: "command", command: "node '/old/hooks/warden.mjs' statusline" } };
    expect(applyStatusLine(stale, HOOKS).settings).toEqual({ statusLine: OURS });
  });
});

describe("removeStatusLine", () => {
  it("removes Warden's status line", () => {
    expect(removeStatusLine({ model: "opus", statusLine: OURS })).toEqual({ model: "opus" });
  });

  it("leaves anyone else's", () => {
    const settings = { statusLine: { type: "command", command: "~/.claude/statusline.sh" } };
    expect(removeStatusLine(settings)).toBe(settings);
  });
});
