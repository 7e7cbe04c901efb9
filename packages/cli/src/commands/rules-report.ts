import { formatDiagnostic, type RulesCheck, type RulesTest } from "@warden/core";
import { countOf } from "../format.js";

/** What `warden rules check|test` prints (as text and as JSON), and its exit code: 1 when something is broken. */
export interface RulesReport {
  readonly exitCode: 0 | 1;
  readonly text: string;
  readonly json: object;
}

/** Every error with file:line:column and what was expected, warnings, and the partially evaluated rules. */
export function formatRulesCheck(check: RulesCheck): RulesReport {
  const lines = [
    ...check.errors.map((e) => `error: ${formatDiagnostic(e)}`),
    ...check.warnings.map((w) => `warning: ${formatDiagnostic(w)}`),
  ];
  for (const { rule, missing } of check.partial) {
    lines.push(
      `partial: ${rule.file}:${rule.line} rule ${rule.name} needs ${missing.join(" and ")}, which ${missing.length === 1 ? "is" : "are"} not available; it will be reported as partially evaluated`,
    );
  }
  lines.push(
    `${countOf(check.rules.length, "rule")} in ${countOf(check.files, "file")}: ${countOf(check.errors.length, "error")}, ${countOf(check.warnings.length, "warning")}, ${check.partial.length} partially evaluated`,
  );
  const json = {
    passed: check.errors.length === 0,
    files: check.files,
    rules: check.rules.map((r) => ({ name: r.name, file: r.file, line: r.line, severity: r.severity })),
    errors: check.errors,
    warnings: check.warnings,
    partial: check.partial.map(({ rule, missing }) => ({ rule: rule.name, file: rule.file, line: rule.line, missing_tiers: missing })),
  };
  return { exitCode: check.errors.length > 0 ? 1 : 0, text: lines.join("\n"), json };
}

/** Each misbehaving example, unknown rule and untested rule, then the tally. */
export function formatRulesTest(test: RulesTest): RulesReport {
  const { report } = test;
  const lines = [...test.errors.map((e) => `error: ${formatDiagnostic(e)}`), ...test.badExamples.map((why) => `error: ${why}`)];
  for (const f of report.failures) {
    lines.push(
      `FAIL ${f.file} ${f.rule}: expected ${f.expected === "match" ? "a match" : "no match"}, got ${f.got}: ${JSON.stringify(f.text.slice(0, 120))}`,
    );
  }
  for (const u of report.unknown) lines.push(`error: ${u.file}: examples for unknown rule ${u.rule}`);
  for (const name of report.untested) lines.push(`warning: rule ${name} has no examples`);
  lines.push(`${countOf(report.passed, "example")} passed, ${report.failures.length} failed`);
  const json = {
    passed: test.passed,
    examples_passed: report.passed,
    failures: report.failures,
    errors: test.errors,
    bad_examples: test.badExamples,
    unknown_rules: report.unknown,
    untested_rules: report.untested,
  };
  return { exitCode: test.passed ? 0 : 1, text: lines.join("\n"), json };
}
