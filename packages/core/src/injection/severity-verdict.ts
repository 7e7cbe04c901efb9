import { atLeast, type Severity, type Verdict } from "../verdict.js";

/**
 * How a finding's severity becomes a verdict. The scanner never blocks: text has already been
 * produced when it is scanned, and a false alarm that stops work is what makes people switch a
 * guard off. At or above the warn level a finding is `warned` (the model is told); below it the
 * finding is only recorded (`allowed`).
 *
 *   warn level   low       medium    high      critical
 *   low          warned    warned    warned    warned
 *   medium       allowed   warned    warned    warned     (default)
 *   high         allowed   allowed   warned    warned
 *   critical     allowed   allowed   allowed   warned
 */
export const DEFAULT_WARN_AT: Severity = "medium";

export function verdictForSeverity(severity: Severity | null, warnAt: Severity = DEFAULT_WARN_AT): Verdict {
  return severity != null && atLeast(severity, warnAt) ? "warned" : "allowed";
}
