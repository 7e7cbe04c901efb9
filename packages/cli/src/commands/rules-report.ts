import { formatDiagnostic, type RulesCheck, type RulesTest } from "@warden/core";

/** What `warden rules check|test` prints, and its exit code: 1 when something is broken. */
export interface RulesReport {
  readonly exitCode: 0 | 1;
  readonly text: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

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
    `${plural(check.rules.length, "rule")} in ${plural(check.files, "file")}: ${plural(check.errors.length, "error")}, ${plural(check.warnings.length, "warning")}, ${check.partial.length} partially evaluated`,
  );
  return { exitCode: check.errors.length > 0 ? 1 : 0, text: lines.join("\n") };
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
  lines.push(`${plural(report.passed, "example")} passed, ${report.failures.length} failed`);
  return { exitCode: test.passed ? 0 : 1, text: lines.join("\n") };
}
