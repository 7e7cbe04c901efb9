import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommandPolicy } from "./create-command-policy.js";
import { bashCall, DECISION } from "./dangerous-commands.fixture.js";
import { GIT_DANGEROUS, GIT_LOOKALIKES, GIT_TABLE_REPO } from "./git.fixture.js";
import { makeRepo, type TempRepo } from "./temp-repo.fixture.js";

// One repository for the whole table: the guard only reads it (nothing in the table runs).
let repo: TempRepo;
beforeAll(() => {
  repo = makeRepo(GIT_TABLE_REPO);
});
afterAll(() => repo.remove());

const policy = createCommandPolicy();
const bash = (command: string) => bashCall(command, { cwd: repo.dir, projectDir: repo.dir, home: repo.root });

describe("dangerous git commands, in a repository with uncommitted work", () => {
  it.each(GIT_DANGEROUS)("%j is %s by %s", (command, expected, rule) => {
    const result = policy.decide(bash(command));
    expect({ decision: result.decision, rules: result.findings.map((f) => f.rule) }).toEqual({
      decision: DECISION[expected],
      rules: expect.arrayContaining([rule]),
    });
  });
});

describe("harmless git look-alikes, even in a repository with uncommitted work", () => {
  it.each(GIT_LOOKALIKES)("%j is allowed (resembles %s)", (command) => {
    expect(policy.decide(bash(command))).toMatchObject({ decision: "allow", verdict: "allowed", findings: [] });
  });
});
