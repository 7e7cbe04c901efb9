import * as z from "zod/mini";
import { lazySchema } from "./support/lazy-schema.js";

/**
 * The guard's words, shared by the guard (which decides) and the store (which records): verdicts,
 * severities and findings. Nothing here depends on either.
 */

export const VERDICTS = ["allowed", "warned", "blocked"] as const;
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type Verdict = (typeof VERDICTS)[number];
export type Severity = (typeof SEVERITIES)[number];
export const verdictSchema = lazySchema(() => z.enum(VERDICTS));
export const severitySchema = lazySchema(() => z.enum(SEVERITIES));

/** One reason the guard gave for its verdict: a policy rule or a scanner rule that matched. */
export const findingSchema = lazySchema(() =>
  z.looseObject({
    rule: z.string(),
    severity: severitySchema(),
    category: z.optional(z.string()),
    message: z.optional(z.string()),
    excerpt: z.optional(z.string()),
    start: z.optional(z.number()),
    end: z.optional(z.number()),
    form: z.optional(z.string()),
    source: z.optional(z.string()),
    /** The rule pack of a command-policy rule (`cloud`, `db`, …), when it belongs to one. */
    pack: z.optional(z.string()),
  }),
);
export type Finding = z.infer<ReturnType<typeof findingSchema>>;

/** 1 for low up to 4 for critical. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity) + 1;
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}

export function parseSeverity(text: string): Severity | undefined {
  return SEVERITIES.find((s) => s === text.toLowerCase());
}

export function maxSeverity(a: Severity | null, b: Severity | null): Severity | null {
  if (a == null) return b;
  if (b == null) return a;
  return atLeast(a, b) ? a : b;
}

export function maxVerdict(a: Verdict, b: Verdict): Verdict {
  return VERDICTS.indexOf(a) >= VERDICTS.indexOf(b) ? a : b;
}
