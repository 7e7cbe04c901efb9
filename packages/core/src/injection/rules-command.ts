import { compileRuleSources, type RuleSource } from "./load-rules.js";
import { formatDiagnostic } from "./nova-syntax-error.js";
import { examplesPathFor, parseExamples, runRuleExamples, type ExamplesFile } from "./rule-examples.js";
import type { CompiledRule, Tier } from "./rule-types.js";
import type { CommandResult } from "./scan-command.js";

/**
 * `warden rules check [DIR]` and `warden rules test [DIR]`, given the files' contents. Check:
 * every error with file:line:column and what was expected, warnings, and the rules that need a
 * tier that is off here (they will be reported as partially evaluated). Test: every rule file's
 * own examples (`foo.examples.json` beside `foo.nov`).
 */
export interface AvailableTiers {
  readonly llm: boolean;
  readonly semantics: boolean;
}

export function runRulesCheck(sources: readonly RuleSource[], tiers: AvailableTiers = { llm: false, semantics: false }): CommandResult {
  const loaded = compileRuleSources(sources);
  const lines: string[] = [];
  for (const e of loaded.errors) lines.push(`error: ${formatDiagnostic(e)}`);
  for (const w of loaded.warnings) lines.push(`warning: ${formatDiagnostic(w)}`);
  const partial = loaded.rules.filter((r) => missingTiers(r, tiers).length > 0);
  for (const r of partial) {
    lines.push(`partial: ${r.file}:${r.line} rule ${r.name} needs ${missingTiers(r, tiers).join(" and ")}, which ${missingTiers(r, tiers).length === 1 ? "is" : "are"} not available; it will be reported as partially evaluated`);
  }
  const files = new Set(sources.map((s) => s.path)).size;
  lines.push(
    `${loaded.rules.length} rule${loaded.rules.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}: ` +
      `${loaded.errors.length} error${loaded.errors.length === 1 ? "" : "s"}, ${loaded.warnings.length} warning${loaded.warnings.length === 1 ? "" : "s"}, ` +
      `${partial.length} partially evaluated`,
  );
  return { exitCode: loaded.errors.length > 0 ? 1 : 0, stdout: `${lines.join("\n")}\n`, stderr: "" };
}

export function missingTiers(rule: CompiledRule, tiers: AvailableTiers): Tier[] {
  return rule.tiers.filter((t) => (t === "llm" ? !tiers.llm : t === "semantics" ? !tiers.semantics : true));
}

/** `examples` holds the contents of the `*.examples.json` files found beside the rule files. */
export function runRulesTest(sources: readonly RuleSource[], examples: readonly RuleSource[]): CommandResult {
  const loaded = compileRuleSources(sources);
  const lines: string[] = loaded.errors.map((e) => `error: ${formatDiagnostic(e)}`);
  const files: ExamplesFile[] = [];
  for (const source of examples) {
    try {
      files.push(parseExamples(source.path, source.text));
    } catch (error) {
      lines.push(`error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const report = runRuleExamples(loaded.rules, files);
  for (const f of report.failures) {
    lines.push(`FAIL ${f.file} ${f.rule}: expected ${f.expected === "match" ? "a match" : "no match"}, got ${f.got}: ${JSON.stringify(f.text.slice(0, 120))}`);
  }
  for (const u of report.unknown) lines.push(`error: ${u.file}: examples for unknown rule ${u.rule}`);
  for (const name of report.untested) lines.push(`warning: rule ${name} has no examples`);
  lines.push(`${report.passed} example${report.passed === 1 ? "" : "s"} passed, ${report.failures.length} failed`);
  const broken = report.failures.length > 0 || report.unknown.length > 0 || loaded.errors.length > 0 || files.length < examples.length;
  return { exitCode: broken ? 1 : 0, stdout: `${lines.join("\n")}\n`, stderr: "" };
}

/** The examples file expected beside each rule file. */
export function examplePaths(sources: readonly RuleSource[]): string[] {
  return sources.map((s) => examplesPathFor(s.path));
}
