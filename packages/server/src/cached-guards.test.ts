import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadWardenConfig, NO_SCANNER, type GuardFactories, type GuardSetup, type ToolPolicy } from "@warden/core";
import { cacheGuards } from "./cached-guards.js";

type Config = GuardSetup["config"];

/** A setup as createHookContext makes it: the defaults a project without a config gets, changed by `change`. */
function setupWith(change: (config: Config) => Config = (c) => c, warnings: string[] = [], projectDir = os.tmpdir()): GuardSetup {
  return {
    config: change(loadWardenConfig(os.tmpdir(), os.tmpdir())),
    env: {},
    projectDir,
    guardDirs: ["/hooks"],
    stateDir: () => path.join(projectDir, ".warden", "guard"),
    warn: (message) => warnings.push(message),
    longLived: true,
  };
}

/** Factories that count their builds; the policy warns on a config whose commands hold `bad`. */
function countingFactories(): { builds: { policy: number; scanner: number }; guard: GuardFactories } {
  const builds = { policy: 0, scanner: 0 };
  const allow: ToolPolicy = { decide: () => ({ decision: "allow", verdict: "allowed", severity: null, findings: [] }) };
  return {
    builds,
    guard: {
      policy: (setup) => {
        builds.policy++;
        if ("bad" in setup.config.commands) setup.warn("commands: bad override; the built-in command policy applies instead");
        return allow;
      },
      scanner: () => {
        builds.scanner++;
        return NO_SCANNER;
      },
    },
  };
}

const withCommands = (commands: object) => (c: Config) => ({ ...c, commands });

describe("cacheGuards: the command policy", () => {
  it("is built once for calls with the same commands and guard folders", () => {
    const { builds, guard } = countingFactories();
    const cached = cacheGuards(guard);
    const first = cached.policy?.(setupWith(withCommands({ rules: {} })));
    const second = cached.policy?.(setupWith(withCommands({ rules: {} })));
    expect([builds.policy, first === second]).toEqual([1, true]);
  });

  it("is built again for other commands", () => {
    const { builds, guard } = countingFactories();
    const cached = cacheGuards(guard);
    cached.policy?.(setupWith(withCommands({ rules: {} })));
    cached.policy?.(setupWith(withCommands({ packs: { docker: { enabled: false } } })));
    expect(builds.policy).toBe(2);
  });

  it("repeats the warnings of its build to every call that uses it", () => {
    const { guard } = countingFactories();
    const cached = cacheGuards(guard);
    const first: string[] = [];
    const second: string[] = [];
    cached.policy?.(setupWith(withCommands({ bad: true }), first));
    cached.policy?.(setupWith(withCommands({ bad: true }), second));
    expect([first, second]).toEqual([[expect.stringContaining("bad override")], [expect.stringContaining("bad override")]]);
  });
});

describe("cacheGuards: the injection scanner", () => {
  it("is built once for calls with the same config in the same project", () => {
    const { builds, guard } = countingFactories();
    const cached = cacheGuards(guard);
    cached.scanner?.(setupWith());
    cached.scanner?.(setupWith());
    expect(builds.scanner).toBe(1);
  });

  it("is built again once a rule file it reads was edited", () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "warden-cached-"));
    fs.writeFileSync(path.join(project, "team.nov"), "rule A {}\n");
    const withRuleFile = (c: Config) => ({ ...c, injection: { ...c.injection, rules: ["team.nov"] } });
    const { builds, guard } = countingFactories();
    const cached = cacheGuards(guard);
    cached.scanner?.(setupWith(withRuleFile, [], project));
    fs.writeFileSync(path.join(project, "team.nov"), "rule A {}\nrule B {}\n");
    cached.scanner?.(setupWith(withRuleFile, [], project));
    expect(builds.scanner).toBe(2);
    fs.rmSync(project, { recursive: true, force: true });
  });

  it("is built for every call when the LLM tier is on (its cache and budget are the session's)", () => {
    const withLlm = (c: Config) => ({ ...c, injection: { ...c.injection, llm: { enabled: true } } });
    const { builds, guard } = countingFactories();
    const cached = cacheGuards(guard);
    cached.scanner?.(setupWith(withLlm));
    cached.scanner?.(setupWith(withLlm));
    expect(builds.scanner).toBe(2);
  });
});
