import { checkRules, testRules, type RuleSource } from "@warden/core";
import { describe, expect, it } from "vitest";
import { formatRulesCheck, formatRulesTest } from "./rules-report.js";

const check = (sources: RuleSource[]) => formatRulesCheck(checkRules(sources));
const test = (sources: RuleSource[], examples: RuleSource[]) => formatRulesTest(testRules(sources, examples));

describe("formatRulesCheck", () => {
  it("reports errors with file, line and column, and exits 1", () => {
    const result = check([{ path: "my.nov", text: 'rule A {\n  keywords:\n    $a = "x"\n  condition:\n    $b\n}\n' }]);
    expect(result.exitCode).toBe(1);
    expect(result.text).toContain(
      "error: my.nov:5:5 (rule A): undefined variable $b; expected a variable defined in keywords, semantics or llm",
    );
  });

  it("names rules that will only be partially evaluated because a tier is off", () => {
    const text =
      'rule S {\n  meta:\n    severity = "low"\n  keywords:\n    $a = "x"\n  semantics:\n    $s = "y"\n  condition:\n    $a and $s\n}\n';
    const result = check([{ path: "s.nov", text }]);
    expect(result.exitCode).toBe(0);
    expect(result.text).toContain(
      "partial: s.nov:1 rule S needs semantics, which is not available; it will be reported as partially evaluated",
    );
  });

  it("refuses a rule name used in two files", () => {
    const text = 'rule A {\n  meta:\n    severity = "low"\n  keywords:\n    $a = "x"\n  condition:\n    $a\n}\n';
    const result = check([
      { path: "one.nov", text },
      { path: "two.nov", text },
    ]);
    expect(result.text).toContain("error: two.nov:1:1 (rule A): rule A is already defined at one.nov:1");
  });
});

describe("formatRulesTest", () => {
  const rule = {
    path: "a.nov",
    text: 'rule A {\n  meta:\n    severity = "low"\n  keywords:\n    $a = "needle"\n  condition:\n    $a\n}\n',
  };

  it("passes when every example behaves", () => {
    const result = test([rule], [{ path: "a.examples.json", text: JSON.stringify({ A: { match: ["a needle"], no_match: ["hay"] } }) }]);
    expect(result).toMatchObject({ exitCode: 0, text: "2 examples passed, 0 failed" });
  });

  it("fails and says which example misbehaved", () => {
    const result = test([rule], [{ path: "a.examples.json", text: JSON.stringify({ A: { match: ["hay"] } }) }]);
    expect(result.exitCode).toBe(1);
    expect(result.text).toContain('FAIL a.examples.json A: expected a match, got no match: "hay"');
  });

  it("fails on an examples file that is not valid", () => {
    expect(test([rule], [{ path: "a.examples.json", text: '{"A": {"match": "x"}}' }]).exitCode).toBe(1);
  });
});
