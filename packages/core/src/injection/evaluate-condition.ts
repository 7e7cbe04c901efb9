import type { ConditionNode, Section } from "./rule-types.js";

/**
 * Three-valued evaluation: a variable whose tier could not run is `undefined` ("not evaluated"),
 * and the result is `undefined` exactly when the missing values could still change it. That is
 * what lets the scanner say "partially evaluated" instead of treating the rule as clean.
 */
export type Truth = boolean | undefined;

export type VariableLookup = (section: Section, name: string) => Truth;

export function evaluateCondition(node: ConditionNode, lookup: VariableLookup): Truth {
  switch (node.op) {
    case "const":
      return node.value;
    case "var":
      return lookup(node.section, node.name);
    case "not": {
      const value = evaluateCondition(node.operand, lookup);
      return value == null ? undefined : !value;
    }
    case "and": {
      const left = evaluateCondition(node.left, lookup);
      if (left === false) return false;
      const right = evaluateCondition(node.right, lookup);
      if (right === false) return false;
      return left === true && right === true ? true : undefined;
    }
    case "or": {
      const left = evaluateCondition(node.left, lookup);
      if (left === true) return true;
      const right = evaluateCondition(node.right, lookup);
      if (right === true) return true;
      return left === false && right === false ? false : undefined;
    }
    case "of": {
      let yes = 0;
      let unknown = 0;
      for (const v of node.vars) {
        const value = lookup(v.section, v.name);
        if (value === true) yes++;
        else if (value == null) unknown++;
      }
      const total = node.vars.length;
      const needed = node.quantifier === "any" ? 1 : node.quantifier === "all" ? total : node.quantifier;
      if (total === 0 || needed > total) return false;
      if (yes >= needed) return true;
      return yes + unknown >= needed ? undefined : false;
    }
    default:
      return assertNever(node);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected condition node ${JSON.stringify(value)}`);
}
