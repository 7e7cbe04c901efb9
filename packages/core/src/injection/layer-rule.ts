import type { CompiledRule } from "./rule-types.js";

/**
 * The rule a check other than the NOVA rules reports its findings under (the statistical model, a
 * misplaced request): a name, a description and a category, so findings, notes and reports treat
 * them like any rule's. Medium: at the default warn level, they warn the model.
 */
export function layerRule(name: string, file: string, category: string, description: string): CompiledRule {
  return {
    name,
    file,
    line: 0,
    meta: { description },
    severity: "medium",
    category,
    form: "normalized",
    keywords: [],
    semantics: [],
    llm: [],
    condition: { op: "const", value: true },
    tiers: [],
    gate: null,
  };
}
