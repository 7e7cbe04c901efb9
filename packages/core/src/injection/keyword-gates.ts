import { anchorScore } from "./regex-anchors.js";
import type { CompiledRule, ConditionNode } from "./rule-types.js";

/**
 * A rule's gate: a set of its keywords at least one of which must match for the condition to be
 * true, whatever the other tiers answer. The scanner searches the gate over the whole text and
 * the rule's other keywords only in the windows around the gate's hits; with no hit the rule is
 * skipped. `[]` means the condition can never be true; null means no gate exists (`not $x`,
 * `$kw or $llm`), and every keyword is searched everywhere.
 */
export function ruleGate(rule: CompiledRule): readonly string[] | null {
  const exact = new Set(rule.keywords.filter((k) => !k.fuzzy).map((k) => k.name));
  const sets = necessary(rule.condition, exact);
  if (sets.length === 0) return null;
  const quality = (set: readonly string[]): number =>
    set.length === 0 ? Infinity : Math.min(...set.map((name) => anchorScore(rule.keywords.find((k) => k.name === name)?.anchors ?? [])));
  return sets.toSorted((a, b) => quality(b) - quality(a) || a.length - b.length)[0] ?? null;
}

/** Sets of keyword names each of which must contain a match; an empty set means "impossible". */
function necessary(node: ConditionNode, exact: ReadonlySet<string>): string[][] {
  switch (node.op) {
    case "const":
      return node.value ? [] : [[]];
    case "var":
      return node.section === "keywords" && exact.has(node.name) ? [[node.name]] : [];
    case "not":
      return [];
    case "and":
      return [...necessary(node.left, exact), ...necessary(node.right, exact)];
    case "or": {
      const left = smallest(necessary(node.left, exact));
      const right = smallest(necessary(node.right, exact));
      return left == null || right == null ? [] : [[...new Set([...left, ...right])]];
    }
    case "of": {
      const keywords = node.vars.filter((v) => v.section === "keywords" && exact.has(v.name)).map((v) => v.name);
      const needed = node.quantifier === "any" ? 1 : node.quantifier === "all" ? node.vars.length : node.quantifier;
      if (node.vars.length === 0 || needed > node.vars.length) return [[]];
      const others = node.vars.length - keywords.length;
      const sets: string[][] = needed > others ? [keywords] : [];
      if (node.quantifier === "all") sets.push(...keywords.map((k) => [k]));
      return sets;
    }
    default:
      return assertNever(node);
  }
}

function smallest(sets: string[][]): string[] | undefined {
  return sets.toSorted((a, b) => a.length - b.length)[0];
}

function assertNever(value: never): never {
  throw new Error(`unexpected condition node ${JSON.stringify(value)}`);
}
