import { describe, expect, it } from "vitest";
import { createCommandPolicy } from "./create-command-policy.js";
import { bashCall, DECISION } from "./dangerous-commands.fixture.js";
import {
  ROOT_CONTEXT,
  ROOT_CONTEXT_ALLOWED,
  ROOT_CONTEXT_STOPPED,
  SHELL_EVALUATION_ALLOWED,
  SHELL_EVALUATION_STOPPED,
} from "./shell-evaluation.fixture.js";
import { RULE_CATALOGUE } from "./rules/rule-catalogue.js";

const policy = createCommandPolicy();

describe("commands judged by what bash would run", () => {
  it.each(SHELL_EVALUATION_STOPPED)("%j is %s by %s", (command, expected, rule) => {
    const result = policy.decide(bashCall(command));
    expect({ decision: result.decision, rules: result.findings.map((f) => f.rule) }).toMatchObject({
      decision: DECISION[expected],
      rules: expect.arrayContaining([rule]),
    });
  });

  it.each(SHELL_EVALUATION_ALLOWED)("%j is allowed (resembles %s)", (command) => {
    expect(policy.decide(bashCall(command))).toMatchObject({ decision: "allow", verdict: "allowed", findings: [] });
  });
});

describe("with the home in /root and the project in /tmp", () => {
  it.each(ROOT_CONTEXT_STOPPED)("%j is %s by %s", (command, expected, rule) => {
    const result = policy.decide(bashCall(command, ROOT_CONTEXT));
    expect({ decision: result.decision, rules: result.findings.map((f) => f.rule) }).toMatchObject({
      decision: DECISION[expected],
      rules: expect.arrayContaining([rule]),
    });
  });

  it.each(ROOT_CONTEXT_ALLOWED)("%j is allowed (resembles %s)", (command) => {
    expect(policy.decide(bashCall(command, ROOT_CONTEXT))).toMatchObject({ decision: "allow", findings: [] });
  });
});

describe("the shell evaluation table", () => {
  it("names only rules of the catalogue", () => {
    const ids = new Set(RULE_CATALOGUE.map((r) => r.id));
    const named = [...SHELL_EVALUATION_STOPPED, ...ROOT_CONTEXT_STOPPED].map(([, , rule]) => rule);
    const resembled = [...SHELL_EVALUATION_ALLOWED, ...ROOT_CONTEXT_ALLOWED].map(([, rule]) => rule);
    expect([...named, ...resembled].filter((id) => !ids.has(id))).toEqual([]);
  });

  it("holds no command twice", () => {
    const commands = [...SHELL_EVALUATION_STOPPED.map(([c]) => c), ...SHELL_EVALUATION_ALLOWED.map(([c]) => c)];
    expect(commands.length - new Set(commands).size).toBe(0);
  });
});
