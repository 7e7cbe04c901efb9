import {
  atLeast,
  createInjectionScanner,
  parseSeverity,
  SEVERITIES,
  type Finding,
  type InjectionScanner,
  type PartialRule,
  type Severity,
} from "@warden/core";

/**
 * `warden scan [FILE...]`: scans files (or stdin) with the guard's rules and prints the findings.
 * Exit code 1 when a finding reaches --min-severity (default medium), 0 otherwise, 2 on error.
 */
export interface CommandResult {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ScanInput {
  /** A file path, or "-" for stdin. */
  readonly source: string;
  readonly text: string;
}

export interface ScanCommandOptions {
  readonly minSeverity?: string;
  readonly json?: boolean;
  /** Defaults to the shipped rules, keyword tier only. */
  readonly scanner?: InjectionScanner;
}

interface SourceReport {
  readonly source: string;
  readonly findings: readonly Finding[];
  readonly partial: readonly PartialRule[];
  readonly scanTimeMs: number;
}

export async function runScanCommand(inputs: readonly ScanInput[], options: ScanCommandOptions = {}): Promise<CommandResult> {
  const minSeverity = parseSeverity(options.minSeverity ?? "medium");
  if (minSeverity == null) {
    return {
      exitCode: 2,
      stdout: "",
      stderr: `warden scan: --min-severity ${JSON.stringify(options.minSeverity)} is not one of ${SEVERITIES.join(", ")}\n`,
    };
  }
  const scanner = options.scanner ?? createInjectionScanner();
  const reports: SourceReport[] = [];
  for (const input of inputs) {
    const outcome = await scanner.scanAsync([{ kind: "tool_output", source: input.source, text: input.text }]);
    reports.push({ source: input.source, findings: outcome.findings, partial: outcome.partial, scanTimeMs: outcome.scanTimeMs });
  }
  const exitCode = scanExitCode(
    reports.flatMap((r) => r.findings),
    minSeverity,
  );
  const stdout = options.json
    ? `${JSON.stringify(scanJson(reports, minSeverity, exitCode), null, 2)}\n`
    : formatScanText(reports, minSeverity);
  return { exitCode, stdout, stderr: "" };
}

/** 1 when a complete finding reaches the threshold; partial findings never count. */
export function scanExitCode(findings: readonly Finding[], minSeverity: Severity): 0 | 1 {
  return findings.some((f) => f.evaluation !== "partial" && atLeast(f.severity, minSeverity)) ? 1 : 0;
}

export function formatFinding(f: Finding): string {
  const span = f.start != null && f.end != null ? `${f.start}-${f.end}` : "-";
  const partial = f.evaluation === "partial" ? " [partial]" : "";
  return `  ${f.severity.padEnd(8)} ${f.rule}${partial}  ${span}  ${f.form ?? "raw"}  ${JSON.stringify(f.excerpt ?? "")}`;
}

function formatScanText(reports: readonly SourceReport[], minSeverity: Severity): string {
  const lines: string[] = [];
  for (const r of reports) {
    const complete = r.findings.filter((f) => f.evaluation !== "partial");
    lines.push(
      `${r.source}: ${complete.length === 0 ? "no findings" : `${complete.length} finding${complete.length === 1 ? "" : "s"}`} (${r.scanTimeMs} ms)`,
    );
    for (const f of r.findings) lines.push(formatFinding(f));
    for (const partial of r.partial.filter((p) => !r.findings.some((f) => f.rule === p.rule)))
      lines.push(`  partial  ${partial.rule}  (${partial.reason})`);
  }
  const total = reports.reduce(
    (n, r) => n + r.findings.filter((f) => f.evaluation !== "partial" && atLeast(f.severity, minSeverity)).length,
    0,
  );
  lines.push(`${total} finding${total === 1 ? "" : "s"} at or above ${minSeverity}`);
  return `${lines.join("\n")}\n`;
}

function scanJson(reports: readonly SourceReport[], minSeverity: Severity, exitCode: number): object {
  return {
    min_severity: minSeverity,
    exit_code: exitCode,
    sources: reports.map((r) => ({
      source: r.source,
      scan_time_ms: r.scanTimeMs,
      findings: r.findings,
      partial: r.partial.map((p) => ({ rule: p.rule, severity: p.severity, missing_tiers: p.missing, reason: p.reason })),
    })),
  };
}
