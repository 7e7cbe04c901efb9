import { ALLOW, type PolicyDecision } from "../guard-policy.js";
import type { RuleAction, RuleInfo } from "./command-types.js";
import { maxSeverity, type Finding, type Severity } from "../verdict.js";

/** Turns rule hits into the hook's decision, with a reason the model can act on. */

export interface RuleMatch {
  readonly rule: RuleInfo;
  /** The command text (or path) that triggered it. */
  readonly excerpt: string;
  readonly detail?: string;
  /** Offsets of the top-level segment in the command. */
  readonly start?: number;
  readonly end?: number;
  /** The layers the segment was found in, e.g. `bash -c › $(…)`. */
  readonly form?: string;
  /** The tool input field examined: `command`, `file_path`, `path`. */
  readonly source: string;
  /** Index of the simple command in the analysis, for commands. */
  readonly command?: number;
}

const ACTION_RANK: Record<RuleAction, number> = { warn: 1, ask: 2, deny: 3 };
const EXCERPT_LIMIT = 200;

export function buildDecision(matches: readonly RuleMatch[], subject: string): PolicyDecision {
  if (matches.length === 0) return ALLOW;
  const unique = dedupe(matches);
  const action = unique.reduce<RuleAction>((a, m) => (ACTION_RANK[m.rule.action] > ACTION_RANK[a] ? m.rule.action : a), "warn");
  const deciding = unique.filter((m) => m.rule.action === action);
  const severity = unique.reduce<Severity | null>((s, m) => maxSeverity(s, m.rule.severity), null);
  const findings = unique.map(toFinding);
  const reason = explainReason(action, deciding, subject);
  switch (action) {
    case "deny":
      return { decision: "deny", verdict: "blocked", severity, findings, reason };
    case "ask":
      return { decision: "ask", verdict: "warned", severity, findings, reason };
    case "warn":
      return { decision: "allow", verdict: "warned", severity, findings, reason };
    default: {
      const never: never = action;
      throw new Error(`unknown action ${String(never)}`);
    }
  }
}

function explainReason(action: RuleAction, deciding: readonly RuleMatch[], subject: string): string {
  const lines = deciding.slice(0, 3).map(describe);
  const more = deciding.length > 3 ? ` (and ${deciding.length - 3} more)` : "";
  const body = `${lines.join(" Also, ")}${more}`;
  if (action === "deny") {
    return `Warden blocked this ${subject}: ${body} If this is really intended, ask the user to run it themselves; do not try to work around the guard.`;
  }
  if (action === "ask") return `Warden asks the user to confirm this ${subject}: ${body}`;
  return `Warden allowed this ${subject} with a warning: ${body}`;
}

function describe(m: RuleMatch): string {
  const detail = m.detail == null ? "" : ` (${m.detail})`;
  return `\`${truncate(m.excerpt)}\`: ${m.rule.reason}${detail} [rule ${m.rule.id}].`;
}

function toFinding(m: RuleMatch): Finding {
  const message = `${m.rule.reason}${m.detail == null ? "" : ` (${m.detail})`}`;
  return {
    rule: m.rule.id,
    severity: m.rule.severity,
    category: m.rule.category,
    message,
    excerpt: truncate(m.excerpt),
    ...(m.start == null ? {} : { start: m.start }),
    ...(m.end == null ? {} : { end: m.end }),
    ...(m.form == null || m.form === "" ? {} : { form: m.form }),
    source: m.source,
    action: m.rule.action,
    ...(m.rule.pack == null ? {} : { pack: m.rule.pack }),
  };
}

function dedupe(matches: readonly RuleMatch[]): RuleMatch[] {
  const seen = new Set<string>();
  return matches.filter((m) => {
    const key = `${m.rule.id}\u0000${m.excerpt}\u0000${m.detail ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function truncate(text: string): string {
  return text.length <= EXCERPT_LIMIT ? text : `${text.slice(0, EXCERPT_LIMIT - 1)}…`;
}
