import { describe, expect, it } from "vitest";
import { createCommandPolicy } from "./create-command-policy.js";
import { bashCall, DECISION } from "./dangerous-commands.fixture.js";
import { PACK_DANGEROUS, PACK_FILES, PACK_LOOKALIKES } from "./packs.fixture.js";
import { RULE_PACKS } from "./rules/packs/pack-catalogue.js";

const policy = createCommandPolicy({}, { readText: (abs) => PACK_FILES[abs] });
const bash = (command: string) => bashCall(command);
const PACK_RULES = RULE_PACKS.flatMap((pack) => pack.rules.map((rule) => rule.id));

describe("commands the packs stop", () => {
  it.each(PACK_DANGEROUS)("%j is %s by %s", (command, expected, rule) => {
    const result = policy.decide(bash(command));
    expect({ decision: result.decision, rules: result.findings.map((f) => f.rule) }).toEqual({
      decision: DECISION[expected],
      rules: expect.arrayContaining([rule]),
    });
  });
});

describe("look-alikes the packs let through", () => {
  it.each(PACK_LOOKALIKES)("%j is allowed (resembles %s)", (command) => {
    expect(policy.decide(bash(command))).toMatchObject({ decision: "allow", verdict: "allowed", findings: [] });
  });
});

describe("the packs' table", () => {
  it.each(PACK_RULES)("has a dangerous case and a look-alike for %s", (id) => {
    expect({
      positive: PACK_DANGEROUS.some(([, , rule]) => rule === id),
      negative: PACK_LOOKALIKES.some(([, resembles]) => resembles === id),
    }).toEqual({ positive: true, negative: true });
  });

  it("names only rules of the packs", () => {
    const named = [...PACK_DANGEROUS.map(([, , rule]) => rule), ...PACK_LOOKALIKES.map(([, rule]) => rule)];
    expect(named.filter((id) => !PACK_RULES.includes(id))).toEqual([]);
  });

  it.each(RULE_PACKS.map((pack) => [pack.id, pack.rules.map((r) => r.id)] as const))("names the rules of %s after it", (id, rules) => {
    expect(rules.filter((rule) => !rule.startsWith(`${id}.`))).toEqual([]);
  });
});
