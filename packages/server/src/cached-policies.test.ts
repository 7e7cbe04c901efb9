import { describe, expect, it } from "vitest";
import os from "node:os";
import { loadWardenConfig, type GuardSetup, type ToolPolicy } from "@warden/core";
import { cachePolicies } from "./cached-policies.js";

/** A setup as createHookContext makes it, with the config's `commands` given. */
function setupWith(commands: object, warnings: string[] = []): GuardSetup {
  return {
    // The defaults, as a project without a config gets them, with the `commands` under test.
    config: { ...loadWardenConfig(os.tmpdir(), os.tmpdir()), commands },
    env: {},
    projectDir: "/p",
    guardDirs: ["/hooks"],
    stateDir: () => "/p/.warden/guard",
    warn: (message) => warnings.push(message),
  };
}

/** A factory that counts its builds and warns on a config holding `bad`. */
function countingFactory(): { builds: () => number; guard: Parameters<typeof cachePolicies>[0] } {
  let builds = 0;
  return {
    builds: () => builds,
    guard: {
      policy: (setup) => {
        builds++;
        if ("bad" in setup.config.commands) setup.warn("commands: bad override; the built-in command policy applies instead");
        const policy: ToolPolicy = { decide: () => ({ decision: "allow", verdict: "allowed", severity: null, findings: [] }) };
        return policy;
      },
    },
  };
}

describe("cachePolicies", () => {
  it("builds one policy for calls with the same commands and guard folders", () => {
    const { builds, guard } = countingFactory();
    const cached = cachePolicies(guard);
    const first = cached.policy?.(setupWith({ rules: {} }));
    const second = cached.policy?.(setupWith({ rules: {} }));
    expect([builds(), first === second]).toEqual([1, true]);
  });

  it("builds another for other commands", () => {
    const { builds, guard } = countingFactory();
    const cached = cachePolicies(guard);
    cached.policy?.(setupWith({ rules: {} }));
    cached.policy?.(setupWith({ packs: { docker: { enabled: false } } }));
    expect(builds()).toBe(2);
  });

  it("repeats the warnings of the build to every call that uses the policy", () => {
    const { guard } = countingFactory();
    const cached = cachePolicies(guard);
    const first: string[] = [];
    const second: string[] = [];
    cached.policy?.(setupWith({ bad: true }, first));
    cached.policy?.(setupWith({ bad: true }, second));
    expect([first, second]).toEqual([[expect.stringContaining("bad override")], [expect.stringContaining("bad override")]]);
  });
});
