import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { wardenWiring } from "./hook-wiring.js";

// The wiring Warden ships as files, each checked against the one table `warden install` writes
// from, so that the plugin, the repository's own settings and an installed project never differ.
const readRepoJson = (file: string): unknown => JSON.parse(fs.readFileSync(new URL(`../../../${file}`, import.meta.url), "utf8"));

const asHooks = (hooksDir: string) => Object.fromEntries(Object.entries(wardenWiring(hooksDir)).map(([event, group]) => [event, [group]]));

describe("the wiring shipped as files", () => {
  it("hooks/hooks.json (the plugin's) wires every event to the plugin's own hooks", () => {
    expect(readRepoJson("hooks/hooks.json")).toEqual({ description: expect.any(String), hooks: asHooks("${CLAUDE_PLUGIN_ROOT}") });
  });

  it(".claude/settings.json (this repository's drop-in) wires every event to the checkout's hooks/", () => {
    expect(readRepoJson(".claude/settings.json")).toEqual({ hooks: asHooks("${CLAUDE_PROJECT_DIR}/hooks") });
  });

  it("the marketplace offers one plugin, warden, whose root is hooks/ and whose manifest names its hooks file", () => {
    expect([readRepoJson(".claude-plugin/marketplace.json"), readRepoJson("hooks/.claude-plugin/plugin.json")]).toEqual([
      expect.objectContaining({ name: "warden", plugins: [expect.objectContaining({ name: "warden", source: "./hooks" })] }),
      expect.objectContaining({ name: "warden", hooks: "./hooks.json" }),
    ]);
  });
});
