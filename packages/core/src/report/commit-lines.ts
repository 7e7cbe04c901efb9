import type { ReportCommit } from "./report-model.js";

/** The model's share of the lines a commit added, 0 to 1; null when it added none. */
export function aiShare(lines: { readonly added: number; readonly ai: number }): number | null {
  return lines.added > 0 ? lines.ai / lines.added : null;
}

/**
 * The commits that still stand at the session's end: one amended later in the session was
 * replaced by its amend, whose diff holds its lines again. Totals count these, so no line twice.
 */
export function standingCommits<C extends Pick<ReportCommit, "commit" | "amend_of">>(commits: readonly C[]): C[] {
  const replaced = new Set(commits.flatMap((c) => (c.amend_of == null ? [] : [c.amend_of])));
  return commits.filter((c) => !replaced.has(c.commit));
}

/** Lines added by the standing commits, by origin, with the model's share. */
export function commitLineTotals(commits: readonly ReportCommit[]): ReportCommit["lines"] & { ai_share: number | null } {
  const total = { added: 0, ai: 0, mixed: 0, human: 0, unknown: 0 };
  for (const c of standingCommits(commits)) {
    total.added += c.lines.added;
    total.ai += c.lines.ai;
    total.mixed += c.lines.mixed;
    total.human += c.lines.human;
    total.unknown += c.lines.unknown;
  }
  return { ...total, ai_share: aiShare(total) };
}
