import { CLEAN_SCAN, type HookContext, type ScanOutcome, type ScanSubject } from "@warden/core";

/** Scans what the model is about to read; the LLM tier, when configured, needs I/O and is awaited. */
export function scanSubjects(ctx: HookContext, subjects: readonly ScanSubject[]): ScanOutcome | Promise<ScanOutcome> {
  if (subjects.length === 0) return CLEAN_SCAN;
  return ctx.scanner.scanAsync ? ctx.scanner.scanAsync(subjects) : ctx.scanner.scan(subjects);
}
