import { aiShare, sumLines } from "../provenance/commit-attribution.js";
import type { ReportCommit } from "./report-model.js";

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
  const total = sumLines(standingCommits(commits).map((c) => c.lines));
  return { ...total, ai_share: aiShare(total) };
}
