import { describe, expect, it } from "vitest";
import { applyWiring, checkWiring, formatSettings, parseSettings, removeWiring, SettingsFileError, WIRED_EVENTS } from "./hook-wiring.js";

const dir = "/opt/warden/hooks";
const otherHook = { type: "command", command: "echo hi" };
const userSettings = () => ({
  model: "opus",
  hooks: { PreToolUse: [{ matcher: "Bash", hooks: [otherHook] }], Notification: [{ hooks: [otherHook] }] },
});

describe("applyWiring", () => {
  it("wires every recorded event to a built hook in exec form", () => {
    const wired = applyWiring({}, dir);
    expect(Object.keys(wired.hooks ?? {})).toEqual(WIRED_EVENTS.map((e) => e.event));
    expect(wired.hooks?.PreToolUse?.[0]).toEqual({
      matcher: "*",
      hooks: [{ type: "command", command: "node", args: ["/opt/warden/hooks/post-tool-guard.mjs"], timeout: 10 }],
    });
  });

  it("keeps other settings and other hooks", () => {
    const wired = applyWiring(userSettings(), dir);
    expect(wired.model).toBe("opus");
    expect(wired.hooks?.PreToolUse?.[0]).toEqual({ matcher: "Bash", hooks: [otherHook] });
    expect(wired.hooks?.Notification).toEqual([{ hooks: [otherHook] }]);
  });

  it("returns the very same object when the wiring is already current", () => {
    const wired = applyWiring(userSettings(), dir);
    expect(applyWiring(wired, dir)).toBe(wired);
  });

  it("replaces stale entries that point at another checkout", () => {
    const old = applyWiring({}, "/old/place/hooks");
    const wired = applyWiring(old, dir);
    expect(JSON.stringify(wired)).not.toContain("/old/place");
    expect(checkWiring(wired, dir)).toEqual([]);
  });
});

describe("removeWiring", () => {
  it("restores the settings as they were before installing", () => {
    expect(removeWiring(applyWiring(userSettings(), dir))).toEqual(userSettings());
  });

  it("drops the hooks key when only Warden's entries were in it", () => {
    expect(removeWiring(applyWiring({ model: "opus" }, dir))).toEqual({ model: "opus" });
  });
});

describe("checkWiring", () => {
  it("names each missing event", () => {
    expect(checkWiring(userSettings(), dir)).toContain("SessionEnd: not wired");
  });

  it("reports a changed timeout as stale", () => {
    const wired = applyWiring({}, dir);
    const edited = JSON.parse(formatSettings(wired).replace('"timeout": 10', '"timeout": 99'));
    expect(checkWiring(parseSettings(JSON.stringify(edited), "s.json"), dir)[0]).toMatch(/^SessionStart: stale entry/);
  });
});

describe("parseSettings", () => {
  it("refuses text that is not JSON, naming the file", () => {
    expect(() => parseSettings("{ hooks: ", "/p/.claude/settings.json")).toThrow(SettingsFileError);
  });

  it("refuses a hooks section of the wrong shape", () => {
    expect(() => parseSettings('{"hooks": {"PreToolUse": "node x.js"}}', "s.json")).toThrow(/hooks.PreToolUse/);
  });
});
