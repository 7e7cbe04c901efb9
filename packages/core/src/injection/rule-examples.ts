import * as z from "zod/mini";
import type { CompiledRule } from "./rule-types.js";
import { buildScanEngine, scanText } from "./scan-text.js";

/**
 * Examples live beside their rules: `foo.nov` has `foo.examples.json`, an object from rule name
 * to texts the rule must match and texts it must not:
 *
 *   { "InstructionOverride": { "match": ["Ignore all previous instructions."], "no_match": ["Ignore whitespace."] } }
 *
 * JSON, so invisible characters and tag text can be written as `\u200b` escapes.
 */
export const RuleExamplesSchema = z.record(
  z.string(),
  z.object({ match: z.optional(z.array(z.string())), no_match: z.optional(z.array(z.string())) }),
);
export type RuleExamples = z.infer<typeof RuleExamplesSchema>;

export interface ExamplesFile {
  readonly path: string;
  readonly examples: RuleExamples;
}

export interface ExampleFailure {
  readonly file: string;
  readonly rule: string;
  readonly expected: "match" | "no_match";
  readonly text: string;
  /** What happened instead: "no match", "partial (llm)", "matched … as …". */
  readonly got: string;
}

export interface ExamplesReport {
  readonly passed: number;
  readonly failures: readonly ExampleFailure[];
  /** Rules with no example of either kind. */
  readonly untested: readonly string[];
  /** Examples naming a rule that does not exist. */
  readonly unknown: readonly { readonly file: string; readonly rule: string }[];
}

export function examplesPathFor(ruleFile: string): string {
  return ruleFile.replace(/\.nov$/, ".examples.json");
}

export function parseExamples(path: string, text: string): ExamplesFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON`, { cause: error });
  }
  const parsed = RuleExamplesSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`${path}: expected {"RuleName": {"match": [...], "no_match": [...]}}; ${issues}`);
  }
  return { path, examples: parsed.data };
}

export function runRuleExamples(rules: readonly CompiledRule[], files: readonly ExamplesFile[], windowSize = 4096): ExamplesReport {
  const engine = buildScanEngine(rules);
  const byName = new Map(rules.map((r) => [r.name, r]));
  const failures: ExampleFailure[] = [];
  const unknown: { file: string; rule: string }[] = [];
  const tested = new Set<string>();
  let passed = 0;
  for (const file of files) {
    for (const [rule, sets] of Object.entries(file.examples)) {
      if (!byName.has(rule)) {
        unknown.push({ file: file.path, rule });
        continue;
      }
      const only = new Set([rule]);
      for (const [expected, texts] of [
        ["match", sets.match ?? []],
        ["no_match", sets.no_match ?? []],
      ] as const) {
        for (const text of texts) {
          tested.add(rule);
          const found = scanText(engine, text, { windowSize, tiers: () => undefined, only }).matches[0];
          const matched = found?.status === "match";
          if (matched === (expected === "match")) {
            passed++;
            continue;
          }
          const got =
            found == null
              ? "no match"
              : found.status === "partial"
                ? `partial (${found.missing.join(", ")})`
                : `matched ${JSON.stringify(found.matchedText.slice(0, 80))} as ${found.form}`;
          failures.push({ file: file.path, rule, expected, text, got });
        }
      }
    }
  }
  const untested = rules.filter((r) => !tested.has(r.name)).map((r) => r.name);
  return { passed, failures, untested, unknown };
}
