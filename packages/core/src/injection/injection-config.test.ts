import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { injectionConfigSchema } from "./injection-config-schema.js";
import { injectionOptionsFromConfig } from "./injection-config.js";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-injection-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("injectionOptionsFromConfig", () => {
  it("loads the user's rule files relative to the project", () => {
    fs.mkdirSync(path.join(dir, "rules"));
    fs.writeFileSync(
      path.join(dir, "rules", "mine.nov"),
      'rule Mine {\n  meta:\n    severity = "low"\n  keywords:\n    $a = "x"\n  condition:\n    $a\n}\n',
    );
    const resolved = injectionOptionsFromConfig({ rules: ["rules"], warn_at: "high" }, { env: {}, projectDir: dir });
    expect(resolved.errors).toEqual([]);
    expect(resolved.options.warnAt).toBe("high");
    expect(resolved.options.extraRules?.map((r) => r.name)).toEqual(["Mine"]);
  });

  it("reports a rule file it cannot read or parse", () => {
    fs.writeFileSync(path.join(dir, "bad.nov"), "rule Bad {\n}\n");
    const resolved = injectionOptionsFromConfig({ rules: ["bad.nov", "missing"] }, { env: {}, projectDir: dir });
    expect(resolved.errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining("bad.nov:1:1 (rule Bad): rule Bad has no condition"),
        expect.stringContaining("missing:1:1: cannot read rules"),
      ]),
    );
  });

  it("keeps the llm tier off without an API key in the environment", () => {
    const resolved = injectionOptionsFromConfig({ llm: { enabled: true, api_key_env: "MY_KEY" } }, { env: {}, projectDir: dir });
    expect(resolved.options.llm).toBeUndefined();
    expect(resolved.errors).toEqual(["injection.llm is enabled but MY_KEY is not set; the llm tier stays off"]);
  });

  it("turns the llm tier on with the key from the environment", () => {
    const resolved = injectionOptionsFromConfig(
      { llm: { enabled: true, timeout_ms: 500 } },
      { env: { ANTHROPIC_API_KEY: "k" }, projectDir: dir, stateDir: () => dir },
    );
    expect(resolved.options.llm).toMatchObject({ enabled: true, apiKey: "k", timeoutMs: 500 });
  });

  it("validates the config with a schema", () => {
    expect(injectionConfigSchema().safeParse({ warn_at: "severe" }).success).toBe(false);
  });
});
