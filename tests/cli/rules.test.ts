import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli-in-process.js";
import { makeSandbox, type Sandbox } from "../support/hook-process.js";

const NEEDLE_RULE = 'rule Needle {\n  meta:\n    severity = "low"\n  keywords:\n    $a = "needle"\n  condition:\n    $a\n}\n';
const LLM_RULE =
  'rule AskTheModel {\n  meta:\n    severity = "high"\n  keywords:\n    $a = "banana"\n  llm:\n    $l = "Is this text trying to instruct an AI?"\n  condition:\n    $a and $l\n}\n';

let box: Sandbox;
let rulesDir: string;
beforeEach(() => {
  box = makeSandbox();
  rulesDir = path.join(box.project, "rules");
  fs.mkdirSync(rulesDir);
});
afterEach(() => box.cleanup());

function writeRule(name: string, text: string): void {
  fs.writeFileSync(path.join(rulesDir, name), text);
}

describe("warden rules check", () => {
  it("exits 0 on the shipped rules", async () => {
    const result = await runCliInProcess(["rules", "check"], box);
    expect([result.code, result.stdout]).toEqual([0, expect.stringMatching(/^\d+ rules in \d+ files: 0 errors/m)]);
  });

  it("exits 1 on a malformed rule file and names file:line:column and what was expected", async () => {
    writeRule("broken.nov", 'rule Broken {\n  keywords:\n    $a = "x"\n  condition:\n    $b\n}\n');
    const result = await runCliInProcess(["rules", "check", "rules"], box);
    expect([result.code, result.stdout]).toEqual([
      1,
      expect.stringContaining(
        "error: rules/broken.nov:5:5 (rule Broken): undefined variable $b; expected a variable defined in keywords, semantics or llm",
      ),
    ]);
  });

  it("checks one .nov file", async () => {
    writeRule("needle.nov", NEEDLE_RULE);
    const result = await runCliInProcess(["rules", "check", "rules/needle.nov"], box);
    expect([result.code, result.stdout]).toEqual([0, "1 rule in 1 file: 0 errors, 0 warnings, 0 partially evaluated\n"]);
  });

  it("names a rule that will only be partially evaluated because the llm tier is off", async () => {
    writeRule("ask.nov", LLM_RULE);
    const result = await runCliInProcess(["rules", "check", "rules"], box);
    expect([result.code, result.stdout]).toEqual([
      0,
      expect.stringContaining("partial: rules/ask.nov:1 rule AskTheModel needs llm, which is not available"),
    ]);
  });

  it("exits 2 on a file that is not a .nov rule file, naming it", async () => {
    fs.writeFileSync(path.join(box.project, "passwd"), "root:x:0:0::/root:/bin/sh\n");
    const result = await runCliInProcess(["rules", "check", "passwd"], box);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining("passwd is not a rule file")]);
  });

  it("exits 3 on a DIR that does not exist", async () => {
    const result = await runCliInProcess(["rules", "check", "nowhere"], box);
    expect([result.code, result.stderr]).toEqual([3, expect.stringContaining("cannot read rules at")]);
  });

  it("exits 2 without a subcommand, with usage", async () => {
    const result = await runCliInProcess(["rules"], box);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining("usage: warden rules check|test")]);
  });

  it("--json gives the errors with file, line and column", async () => {
    writeRule("broken.nov", 'rule Broken {\n  keywords:\n    $a = "x"\n  condition:\n    $b\n}\n');
    const result = await runCliInProcess(["rules", "check", "rules", "--json"], box);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([
      1,
      expect.objectContaining({
        action: "check",
        passed: false,
        errors: [expect.objectContaining({ file: "rules/broken.nov", line: 5, column: 5, rule: "Broken" })],
      }),
    ]);
  });

  it("ignores an unknown rule id in the project's config, as the guard does", async () => {
    fs.mkdirSync(path.join(box.project, ".claude"));
    fs.writeFileSync(
      path.join(box.project, ".claude", "warden.json"),
      JSON.stringify({ commands: { rules: { "no.such-rule": { enabled: false } } } }),
    );
    const result = await runCliInProcess(["rules", "check"], box);
    expect(result.code).toBe(0);
  });
});

describe("warden rules test", () => {
  it("exits 0 on the shipped rules' examples", async () => {
    const result = await runCliInProcess(["rules", "test"], box);
    expect([result.code, result.stdout]).toEqual([0, expect.stringMatching(/^\d+ examples passed, 0 failed$/m)]);
  });

  it("exits 0 when a rule's examples behave", async () => {
    writeRule("needle.nov", NEEDLE_RULE);
    writeRule("needle.examples.json", JSON.stringify({ Needle: { match: ["a needle here"], no_match: ["only hay"] } }));
    const result = await runCliInProcess(["rules", "test", "rules"], box);
    expect([result.code, result.stdout]).toEqual([0, "2 examples passed, 0 failed\n"]);
  });

  it("exits 1 when an example does not match and says which", async () => {
    writeRule("needle.nov", NEEDLE_RULE);
    writeRule("needle.examples.json", JSON.stringify({ Needle: { match: ["only hay"] } }));
    const result = await runCliInProcess(["rules", "test", "rules"], box);
    expect([result.code, result.stdout]).toEqual([
      1,
      expect.stringContaining('FAIL rules/needle.examples.json Needle: expected a match, got no match: "only hay"'),
    ]);
  });

  it("runs the examples beside one .nov file", async () => {
    writeRule("needle.nov", NEEDLE_RULE);
    writeRule("needle.examples.json", JSON.stringify({ Needle: { no_match: ["a needle"] } }));
    const result = await runCliInProcess(["rules", "test", "rules/needle.nov"], box);
    expect([result.code, result.stdout]).toEqual([1, expect.stringContaining("FAIL rules/needle.examples.json Needle: expected no match")]);
  });

  it("--json gives each failing example", async () => {
    writeRule("needle.nov", NEEDLE_RULE);
    writeRule("needle.examples.json", JSON.stringify({ Needle: { match: ["only hay"] } }));
    const result = await runCliInProcess(["rules", "--json", "test", "rules"], box);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([
      1,
      expect.objectContaining({
        action: "test",
        passed: false,
        failures: [expect.objectContaining({ rule: "Needle", expected: "match", text: "only hay" })],
      }),
    ]);
  });
});
