import type { ApiErrorTurn, AssistantTurn } from "./assistant-response.js";
import type { ModelRequest } from "./model-request.js";
import type { Script } from "./stand-in-api.js";

/** One turn, or a function of the request for turns that depend on what the model was sent. */
export type PlannedTurn = AssistantTurn | ApiErrorTurn | ((request: ModelRequest) => AssistantTurn | ApiErrorTurn);

export interface StepPlan {
  /** Turns of the main thread, indexed by `request.step` (restarts at 0 after each prompt). */
  readonly main?: readonly PlannedTurn[];
  /** Turns of every subagent, indexed by the subagent's own `step`. */
  readonly subagent?: readonly PlannedTurn[];
  /** Answer once a plan runs out of turns; defaults to a closing text turn. */
  readonly after?: AssistantTurn;
}

/**
 * The common script shape: a fixed list of turns per thread, chosen by how many assistant turns
 * the conversation already has. Keyed on the request's content, not arrival order, so parallel
 * subagents and retries cannot shift it. Compactions and side queries get the stand-in default.
 */
export function scriptByStep(plan: StepPlan): Script {
  return (request) => {
    const turns = request.kind === "main" ? plan.main : request.kind === "subagent" ? plan.subagent : undefined;
    if (turns == null) return undefined;
    const planned = turns[request.step];
    if (planned == null) return plan.after ?? { text: "Done." };
    return typeof planned === "function" ? planned(request) : planned;
  };
}
