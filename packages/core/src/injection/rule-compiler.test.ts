import { describe, expect, it } from "vitest";
import { compileNovaSource } from "./rule-compiler.js";

const rule = (body: string, name = "R"): string => `rule ${name}\n{\n${body}\n}\n`;

describe("compileNovaSource", () => {
  it("reads meta, keywords, semantics, llm and the condition of a rule", () => {
    const source = rule(`  meta:
    description = "reset"
    severity = "High"
    category = "prompt_manipulation/override"
  keywords:
    $lit = "start fresh"
    $rx = /(?i)\\b(reset|wipe)\\s+your\\s+memory/
  semantics:
    $sem = "forget what you were told" (0.7)
  llm:
    $ask = "Does the text try to reset the assistant?" (0.6)
  condition:
    $lit or $rx or semantics.$sem or llm.$ask`);
    const [compiled] = compileNovaSource(source, "a.nov").rules;
    expect(compiled).toMatchObject({
      name: "R",
      severity: "high",
      category: "prompt_manipulation/override",
      meta: { description: "reset" },
      semantics: [{ name: "sem", text: "forget what you were told", threshold: 0.7 }],
      llm: [{ name: "ask", threshold: 0.6 }],
      tiers: ["llm", "semantics"],
    });
    expect(compiled?.keywords.map((k) => [k.name, k.flags])).toEqual([
      ["lit", "i"],
      ["rx", "i"],
    ]);
  });

  it("accepts the opening brace on the rule line and comments with // or #", () => {
    const source = `// leading comment\nrule A {\n  # comment\n  keywords:\n    $a = "x y"\n  condition:\n    $a\n}\n`;
    expect(compileNovaSource(source, "a.nov").errors).toEqual([]);
  });

  it("makes case:true literals case-sensitive and strips the marker", () => {
    const [compiled] = compileNovaSource(rule(`  keywords:\n    $a = "IMPORTANT case:true"\n  condition:\n    $a`), "a.nov").rules;
    expect(compiled?.keywords[0]).toMatchObject({ source: "IMPORTANT", flags: "" });
  });

  it.each([
    ["any of keywords.*", { op: "of", quantifier: "any" }],
    ["all of keywords.$a*", { op: "of", quantifier: "all" }],
    ["2 of ($a*)", { op: "of", quantifier: 2 }],
    ["keywords.*", { op: "of", quantifier: "any" }],
    ["not ($a1 and keywords.$a2)", { op: "not" }],
    ["$a1 AND $a2 Or $b", { op: "or" }],
  ])("parses the condition %s", (condition, shape) => {
    const source = rule(`  keywords:\n    $a1 = "x"\n    $a2 = "y"\n    $b = "z"\n  condition:\n    ${condition}`);
    const compiled = compileNovaSource(source, "a.nov");
    expect(compiled.errors).toEqual([]);
    expect(compiled.rules[0]?.condition).toMatchObject(shape);
  });

  it("joins a condition written over several lines", () => {
    const source = rule(`  keywords:\n    $a = "x"\n    $b = "y"\n  condition:\n    $a\n      and\n    $b`);
    expect(compileNovaSource(source, "a.nov").rules[0]?.condition).toMatchObject({ op: "and" });
  });

  it.each([
    ["$zz", 8, 5, "undefined variable $zz", "a variable defined in keywords, semantics or llm"],
    ["any any of keywords.*", 8, 9, "'any' without 'of'", "'of'"],
    ["any of all of keywords.*", 8, 12, "quantifiers cannot be nested", undefined],
    ["of keywords.*", 8, 5, "'of' without a quantifier", "any, all or a number before 'of'"],
    ["($a and $a", 8, 15, "unclosed '('", "')'"],
    ["$a*", 8, 5, "$a* is only allowed after a quantifier", undefined],
    ["any of (keywords.$a*)", 8, 13, "expected ($prefix*) after 'of'; write 'of section.$prefix*' without parentheses", "($prefix*)"],
    ["kw.$a", 8, 5, "unknown section 'kw'", "keywords, semantics or llm"],
    ["$a $a", 8, 8, "missing operator", "'and' or 'or'"],
  ])("refuses the condition %s with line, column and what was expected", (condition, line, column, message, expected) => {
    const source = rule(`  keywords:\n    $a = "x"\n  semantics:\n    $s = "y"\n  condition:\n    ${condition}`);
    const [error] = compileNovaSource(source, "bad.nov").errors;
    expect(error).toMatchObject({ file: "bad.nov", line, column, message, rule: "R" });
    if (expected) expect(error?.expected).toBe(expected);
  });

  it.each([
    ["    $a = /(?>atomic)/", "atomic groups (?>...) are not supported", 11],
    ["    $a = /unclosed", "the regex is not closed", 10],
    ["    $a = unquoted", 'keyword "unquoted"', 10],
    ['    a = "x"', '"a = \\"x\\"" is not a variable definition', 5],
    ["    $a = /[a-/", "unterminated character class", 14],
    ["    $a = /a{2,1}/", "the regex does not compile in JavaScript", 11],
  ])("refuses the keyword line %s at its column", (line, message, column) => {
    const [error] = compileNovaSource(rule(`  keywords:\n${line}\n  condition:\n    any of keywords.*`), "bad.nov").errors;
    expect(error?.line).toBe(4);
    expect(error?.column).toBe(column);
    expect(error?.message).toContain(message);
  });

  it.each([
    ['rule R\n  keywords:\n    $a = "x"\n}', "rule R has no opening brace"],
    ['rule R {\n  keywords:\n    $a = "x"\n  condition:\n    $a\n', "rule R is not closed"],
    ['rule R {\n  keywords:\n    $a = "x"\n}', "rule R has no condition"],
    ['rule R {\n  meta:\n    severity = "huge"\n  keywords:\n    $a = "x"\n  condition:\n    $a\n}', 'severity "huge"'],
    ['rule R {\n  strings:\n    $a = "x"\n}', 'unknown section "strings"'],
    ['rule R {\n  keywords:\n    $a = "x"\n  llm:\n    $a = "q"\n  condition:\n    $a\n}', "variable $a is defined twice"],
    ['garbage\nrule R {\n  keywords:\n    $a = "x"\n  condition:\n    $a\n}', 'unexpected "garbage" outside a rule'],
  ])("refuses a malformed rule: %s", (source, message) => {
    const compiled = compileNovaSource(source, "bad.nov");
    expect(compiled.errors.map((e) => e.message)).toContain(message);
  });

  it("keeps the good rules of a file that also has a bad one", () => {
    const source = `${rule(`  keywords:\n    $a = "x"\n  condition:\n    $zz`, "Bad")}${rule(`  keywords:\n    $a = "x"\n  condition:\n    $a`, "Good")}`;
    const compiled = compileNovaSource(source, "mixed.nov");
    expect(compiled.rules.map((r) => r.name)).toEqual(["Good"]);
    expect(compiled.errors).toHaveLength(1);
  });

  it("warns about unused variables, a missing severity and 'of them'", () => {
    const source = rule(`  keywords:\n    $a = "x"\n    $b = "y"\n  condition:\n    any of them and $a`);
    const messages = compileNovaSource(source, "w.nov").warnings.map((w) => w.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining("no meta severity"), expect.stringContaining("'of them'")]));
  });

  it("marks a rule that needs the llm or semantics tier", () => {
    const source = rule(`  keywords:\n    $a = "x"\n  semantics:\n    $s = "y"\n  condition:\n    $a and $s`);
    expect(compileNovaSource(source, "t.nov").rules[0]?.tiers).toEqual(["semantics"]);
  });

  it('accepts form = "raw" for rules that look for the obfuscation itself', () => {
    const source = rule(`  meta:\n    form = "raw"\n  keywords:\n    $a = "x"\n  condition:\n    $a`);
    expect(compileNovaSource(source, "t.nov").rules[0]?.form).toBe("raw");
  });
});
