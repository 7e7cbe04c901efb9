import type { ReportModel } from "../report-model.js";
import { TextBudget, type TextBudgetLimits } from "./text-budget.js";
import type { ValueContext } from "./value-display.js";

/** What every HTML section needs besides the model: where paths are relative to, when the session began, the text budget. */
export interface RenderContext extends ValueContext {
  readonly model: ReportModel;
  readonly projectDir: string | null;
  /** The session's start in epoch ms, for `+mm:ss` offsets; null when unknown. */
  readonly startMs: number | null;
}

export function createRenderContext(model: ReportModel, limits?: TextBudgetLimits): RenderContext {
  const { session } = model;
  const firstEvent = model.events[0]?.timestamp_start;
  const start = Date.parse(session.started_at ?? firstEvent ?? "");
  return {
    model,
    projectDir: session.project_dir ?? session.cwd,
    startMs: Number.isNaN(start) ? null : start,
    budget: new TextBudget(limits),
    jsonName: `${model.session.session_id}.json`,
  };
}
