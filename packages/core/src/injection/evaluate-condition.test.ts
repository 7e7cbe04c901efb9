import { describe, expect, it } from "vitest";
import { evaluateCondition, type Truth } from "./evaluate-condition.js";
import type { ConditionNode, Section } from "./rule-types.js";

const v = (name: string, section: Section = "keywords"): ConditionNode => ({ op: "var", section, name });
const values: Record<string, Truth> = { t: true, f: false, u: undefined };
const lookup = (_: Section, name: string): Truth => values[name];

describe("evaluateCondition", () => {
  it.each([
    ["and", "t", "t", true],
    ["and", "t", "u", undefined],
    ["and", "f", "u", false],
    ["and", "u", "f", false],
    ["or", "t", "u", true],
    ["or", "f", "u", undefined],
    ["or", "f", "f", false],
    ["or", "u", "t", true],
  ] as const)("%s(%s, %s) is %s", (op, a, b, expected) => {
    expect(evaluateCondition({ op, left: v(a), right: v(b) }, lookup)).toBe(expected);
  });

  it.each([
    ["t", false],
    ["f", true],
    ["u", undefined],
  ] as const)("not(%s) is %s", (a, expected) => {
    expect(evaluateCondition({ op: "not", operand: v(a) }, lookup)).toBe(expected);
  });

  it.each([
    ["any", ["f", "u"], undefined],
    ["any", ["f", "t"], true],
    ["any", ["f", "f"], false],
    ["all", ["t", "u"], undefined],
    ["all", ["t", "f"], false],
    ["all", ["t", "t"], true],
    ["all", [], false],
    [2, ["t", "u", "f"], undefined],
    [2, ["t", "t", "f"], true],
    [2, ["t", "f", "f"], false],
    [3, ["t", "t"], false],
  ] as const)("%s of %j is %s", (quantifier, names, expected) => {
    const node: ConditionNode = { op: "of", quantifier, vars: names.map((name) => ({ section: "keywords" as const, name })) };
    expect(evaluateCondition(node, lookup)).toBe(expected);
  });
});
