import { describe, expect, it } from "vitest";
import { createCommandPolicy } from "./create-command-policy.js";
import { bashCall, DANGEROUS_COMMANDS, DECISION, type Expected } from "./dangerous-commands.fixture.js";
import { GIT_DANGEROUS, GIT_LOOKALIKES } from "./git.fixture.js";
import { LOOKALIKE_COMMANDS } from "./lookalike-commands.fixture.js";
import { RULE_CATALOGUE } from "./rules/rule-catalogue.js";

const policy = createCommandPolicy();
const bash = (command: string) => bashCall(command);
const VERDICT: Record<Expected, string> = { deny: "blocked", ask: "warned", warn: "warned" };

describe("dangerous commands", () => {
  it.each(DANGEROUS_COMMANDS)("%j is %s by %s", (command, expected, rule) => {
    const result = policy.decide(bash(command));
    expect({ decision: result.decision, verdict: result.verdict }).toEqual({ decision: DECISION[expected], verdict: VERDICT[expected] });
    expect(result.findings.map((f) => f.rule)).toContain(rule);
  });
});

describe("harmless look-alikes", () => {
  it.each(LOOKALIKE_COMMANDS)("%j is allowed (resembles %s)", (command) => {
    const result = policy.decide(bash(command));
    expect(result).toMatchObject({ decision: "allow", verdict: "allowed", findings: [] });
  });
});

describe("the table", () => {
  it("has at least 200 commands", () => {
    expect(DANGEROUS_COMMANDS.length + LOOKALIKE_COMMANDS.length).toBeGreaterThanOrEqual(200);
  });

  // The git table (git-table.test.ts) counts too: some git rules only stop a command in a real repository.
  // The packs' rules have their own table (packs.fixture.ts).
  it.each(RULE_CATALOGUE.filter((r) => r.pack == null).map((r) => r.id))("has a dangerous case and a look-alike for %s", (id) => {
    expect({
      positive: [...DANGEROUS_COMMANDS, ...GIT_DANGEROUS].some(([, , rule]) => rule === id),
      negative: [...LOOKALIKE_COMMANDS, ...GIT_LOOKALIKES].some(([, resembles]) => resembles === id),
    }).toEqual({ positive: true, negative: true });
  });

  it("names only rules of the catalogue", () => {
    const ids = new Set(RULE_CATALOGUE.map((r) => r.id));
    const named = [...DANGEROUS_COMMANDS, ...GIT_DANGEROUS]
      .map(([, , rule]) => rule)
      .concat([...LOOKALIKE_COMMANDS, ...GIT_LOOKALIKES].map(([, rule]) => rule));
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });
});
