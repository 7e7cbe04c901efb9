import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createInjectionScanner } from "./injection-scanner.js";
import { compileRuleSources, readRuleSources } from "./load-rules.js";
import { parseExamples, runRuleExamples } from "./rule-examples.js";
import { SHIPPED_RULES } from "./shipped-rules.js";

const packageDir = fileURLToPath(new URL("../../", import.meta.url));
const rulesDir = path.join(packageDir, "rules");
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const sources = readRuleSources(rulesDir).map((s) => ({ path: path.relative(packageDir, s.path).split(path.sep).join("/"), text: s.text }));
const examples = fs
  .readdirSync(rulesDir)
  .filter((f) => f.endsWith(".examples.json"))
  .map((f) => parseExamples(f, fs.readFileSync(path.join(rulesDir, f), "utf8")));
const scanner = createInjectionScanner();
const read = (dir: string, file: string) =>
  scanner.scan([{ kind: "tool_output", toolName: "Read", source: file, text: fs.readFileSync(path.join(fixtures, dir, file), "utf8") }]);

/** A security write-up that quotes attacks word for word: the one hard-benign file expected to warn. */
const QUOTES_ATTACKS = "security-blog-quotes.md";

describe("the shipped rules", () => {
  it("compile from rules/*.nov without errors or warnings", () => {
    const loaded = compileRuleSources(sources);
    expect([...loaded.errors, ...loaded.warnings]).toEqual([]);
  });

  it("are the current compiled module (run `pnpm --filter @warden/core rules:compile` if not)", () => {
    expect(JSON.parse(JSON.stringify(SHIPPED_RULES))).toEqual(JSON.parse(JSON.stringify(compileRuleSources(sources).rules)));
  });

  it.each(SHIPPED_RULES.map((r) => r.name))("%s has examples of both kinds", (name) => {
    const own = examples.flatMap((f) => (f.examples[name] ? [f.examples[name]] : []));
    expect(own.flatMap((e) => e.match ?? []).length).toBeGreaterThan(0);
    expect(own.flatMap((e) => e.no_match ?? []).length).toBeGreaterThan(0);
  });

  it("pass their own examples", () => {
    const report = runRuleExamples(SHIPPED_RULES, examples);
    expect(report.failures).toEqual([]);
    expect(report.unknown).toEqual([]);
  });

  it("use only the severities low, medium, high and critical, with a category and a description", () => {
    for (const rule of SHIPPED_RULES) {
      expect(["low", "medium", "high", "critical"]).toContain(rule.severity);
      expect(rule.category).toMatch(/^[a-z_]+\/[a-z_]+$/);
      expect(rule.meta.description?.length).toBeGreaterThan(10);
    }
  });

  it.each(fs.readdirSync(path.join(fixtures, "hard-benign")))("do not warn on the hard-benign file %s", (file) => {
    expect(read("hard-benign", file).verdict).toBe("allowed");
  });

  it("record, without warning, the attacks a security write-up quotes", () => {
    const outcome = read("hard-benign", QUOTES_ATTACKS);
    expect(outcome.findings.some((f) => f.severity === "low" && f.message?.includes("quoted or described as an example"))).toBe(true);
  });

  it.each(fs.readdirSync(path.join(fixtures, "attacks")))("warn on the injected document %s", (file) => {
    expect(read("attacks", file).verdict).toBe("warned");
  });
});
