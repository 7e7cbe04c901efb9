import type { ToolEventRecord } from "../store/session-record.js";
import { boundSequence, DEFAULT_CONVERSATION_LIMITS, type ConversationLimits } from "./conversation-bounds.js";
import type { ConversationEntry, ReportModel, ReportTurn } from "./report-model.js";
import type { TraceEntry } from "./transcript/index.js";
import type { ResponseUsage } from "./transcript/transcript-state.js";
import type { PriceTable } from "./pricing/index.js";
import { baseResponseKey, priceResponses } from "./turn-usage.js";

export interface TurnInputs {
  /** The whole conversation, earlier readings included. */
  readonly trace: readonly TraceEntry[];
  /** The transcript state's de-duplicated usage per response key. */
  readonly responses: Readonly<Record<string, ResponseUsage>>;
  readonly agentTypes: Readonly<Record<string, string | null>>;
  readonly events: readonly ToolEventRecord[];
  readonly limits?: ConversationLimits;
  /** The prices in effect; Warden's checked table then genai-prices when absent. */
  readonly prices?: PriceTable;
}

export interface SessionTurns {
  readonly turns: ReportTurn[];
  readonly conversation: ConversationEntry[];
  readonly compactions: ReportModel["compactions"];
  readonly responseMarks: ReportModel["response_marks"];
  readonly responseMarksOmitted: number;
}

/** The time axis draws at most this many response marks: the latest ones. */
export const MAX_RESPONSE_MARKS = 5000;

interface Turn {
  readonly index: number;
  readonly promptId: string | null;
  readonly prompt: string | null;
  readonly startMs: number | null;
  readonly startedAt: string | null;
  endMs: number | null;
  endedAt: string | null;
  readonly responses: Record<string, ResponseUsage>;
  readonly events: ToolEventRecord[];
  compactions: number;
}

interface Step {
  readonly entry: ConversationEntry;
  /** For a response: its ledger key, to price it once kept. */
  readonly key?: string;
}

/**
 * Splits the session into turns (a prompt and everything until the next) and lays out its
 * conversation. Main-thread responses belong to the turn they appear in, subagent responses and
 * tool calls to the turn running when they began (a call's prompt id first). Every response of
 * the ledger lands in one turn, so the turns' costs add up to the session's.
 */
export function buildSessionTurns(input: TurnInputs): SessionTurns {
  const turns: Turn[] = [];
  const steps: Step[] = [];
  const keyTurn = new Map<string, Turn>();
  const marks: ReportModel["response_marks"] = [];
  const compactions: ReportModel["compactions"] = [];
  const eventByToolUse = new Map(input.events.flatMap((e) => (e.tool_use_id == null ? [] : [[e.tool_use_id, e.id] as const])));
  let prompts = 0;
  // Turn 0 (no prompt) only ever opens first: later steps without a prompt join the running turn.
  const open = (prompt: Extract<TraceEntry, { kind: "prompt" }> | null): Turn => {
    const turn = newTurn(prompt == null ? 0 : ++prompts, prompt);
    turns.push(turn);
    return turn;
  };
  let current: Turn | null = null;
  const subagentResponses: Extract<TraceEntry, { kind: "response" }>[] = [];
  for (const step of input.trace) {
    if (step.kind === "response" && step.agent_id != null) {
      subagentResponses.push(step);
      if (step.timestamp != null) marks.push({ at: step.timestamp, agent_id: step.agent_id });
      continue;
    }
    const turn: Turn = step.kind === "prompt" ? open(step) : (current ?? open(null));
    current = turn;
    touch(turn, step.timestamp);
    const at = { timestamp: step.timestamp, turn: turn.index };
    switch (step.kind) {
      case "prompt":
        steps.push({ entry: { role: "user", kind: "prompt", ...at, text: step.text, ...cut(step.truncated) } });
        break;
      case "assistant_text":
        steps.push({ entry: { role: "assistant", kind: "text", ...at, text: step.text, ...modelOf(step.model), ...cut(step.truncated) } });
        break;
      case "thinking":
        steps.push({
          entry: {
            role: "assistant",
            kind: "thinking",
            ...at,
            text: step.text,
            ...modelOf(step.model),
            redacted: step.redacted,
            ...cut(step.truncated),
          },
        });
        break;
      case "tool_use":
        steps.push({
          entry: {
            role: "assistant",
            kind: "tool_use",
            ...at,
            text: step.name,
            tool_use_id: step.tool_use_id,
            event_id: eventByToolUse.get(step.tool_use_id) ?? null,
          },
        });
        break;
      case "response":
        keyTurn.set(step.key, turn);
        if (step.timestamp != null) marks.push({ at: step.timestamp, agent_id: null });
        steps.push({ entry: { role: "assistant", kind: "response", ...at, text: "", model: step.model }, key: step.key });
        break;
      case "compaction":
        turn.compactions++;
        compactions.push({ timestamp: step.timestamp, trigger: step.trigger, pre_tokens: step.pre_tokens, turn: turn.index });
        steps.push({ entry: { role: "system", kind: "compaction", ...at, text: "", trigger: step.trigger, pre_tokens: step.pre_tokens } });
        break;
      default:
        step satisfies never;
    }
  }
  const dated = turns.filter((t) => t.startMs != null);
  const turnAt = (iso: string | null): Turn => {
    const ms = iso == null ? Number.NaN : Date.parse(iso);
    if (Number.isNaN(ms)) return turns.at(-1) ?? open(null);
    return latestStartedBy(dated, ms) ?? turns[0] ?? open(null);
  };
  for (const response of subagentResponses) {
    const turn = turnAt(response.timestamp);
    keyTurn.set(response.key, turn);
    touch(turn, response.timestamp);
  }
  for (const [key, usage] of Object.entries(input.responses)) {
    const turn = keyTurn.get(baseResponseKey(key)) ?? turns.at(-1) ?? open(null);
    turn.responses[key] = usage;
  }
  if (turns.length > 0) assignEvents(turns, input.events, turnAt);
  return {
    turns: turns.map((turn) => reportTurn(turn, input.agentTypes, input.prices)),
    conversation: layOut(steps, input.responses, input.limits ?? DEFAULT_CONVERSATION_LIMITS, input.prices),
    compactions,
    responseMarks: marks.slice(-MAX_RESPONSE_MARKS),
    responseMarksOmitted: Math.max(0, marks.length - MAX_RESPONSE_MARKS),
  };
}

function newTurn(index: number, prompt: Extract<TraceEntry, { kind: "prompt" }> | null): Turn {
  const ms = prompt?.timestamp == null ? Number.NaN : Date.parse(prompt.timestamp);
  return {
    index,
    promptId: prompt?.prompt_id ?? null,
    prompt: prompt == null ? null : oneLine(prompt.text),
    startMs: Number.isNaN(ms) ? null : ms,
    startedAt: prompt?.timestamp ?? null,
    endMs: null,
    endedAt: null,
    responses: {},
    events: [],
    compactions: 0,
  };
}

function assignEvents(turns: Turn[], events: readonly ToolEventRecord[], turnAt: (iso: string | null) => Turn): void {
  const byPrompt = new Map(turns.flatMap((t) => (t.promptId == null ? [] : [[t.promptId, t] as const])));
  for (const event of events) {
    const turn = (event.prompt_id == null ? undefined : byPrompt.get(event.prompt_id)) ?? turnAt(event.timestamp_start);
    turn.events.push(event);
    touch(turn, event.timestamp_end);
  }
}

/** The last of `turns` (in time order) to start at or before `ms`, by binary search. */
function latestStartedBy(turns: readonly Turn[], ms: number): Turn | undefined {
  let low = 0;
  let high = turns.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((turns[middle]?.startMs ?? 0) <= ms) low = middle + 1;
    else high = middle;
  }
  return turns[low - 1];
}

/** Moves the turn's end to `iso` when later; a turn without a prompt also starts at its first step. */
function touch(turn: Turn, iso: string | null): void {
  const ms = iso == null ? Number.NaN : Date.parse(iso);
  if (Number.isNaN(ms) || (turn.endMs != null && ms <= turn.endMs)) return;
  turn.endMs = ms;
  turn.endedAt = iso;
}

function reportTurn(turn: Turn, agentTypes: Readonly<Record<string, string | null>>, prices: PriceTable | undefined): ReportTurn {
  const priced = priceResponses(turn.responses, prices);
  const byAgent = new Map<string, Record<string, ResponseUsage>>();
  let main = 0;
  let sub = 0;
  for (const [key, usage] of Object.entries(turn.responses)) {
    const isResponse = baseResponseKey(key) === key;
    if (usage.agent_id == null) main += isResponse ? 1 : 0;
    else {
      sub += isResponse ? 1 : 0;
      const own = byAgent.get(usage.agent_id) ?? {};
      own[key] = usage;
      byAgent.set(usage.agent_id, own);
    }
  }
  const tools: Record<string, number> = {};
  const verdicts = { allowed: 0, warned: 0, blocked: 0 };
  for (const event of turn.events) {
    tools[event.tool_name] = (tools[event.tool_name] ?? 0) + 1;
    verdicts[event.verdict]++;
  }
  const startedAt = turn.startedAt ?? firstTime(turn);
  const startMs = startedAt == null ? Number.NaN : Date.parse(startedAt);
  return {
    index: turn.index,
    prompt_id: turn.promptId,
    prompt: turn.prompt,
    started_at: startedAt,
    ended_at: turn.endedAt,
    duration_ms: turn.endMs == null || Number.isNaN(startMs) ? null : Math.max(0, turn.endMs - startMs),
    responses: main,
    subagent_responses: sub,
    tokens: priced.tokens,
    cost_usd: priced.costUsd,
    unpriced_models: [...priced.unpriced],
    models: [...priced.models],
    subagents: [...byAgent].map(([agentId, responses]) => ({
      agent_id: agentId,
      agent_type: agentTypes[agentId] ?? null,
      responses: Object.keys(responses).filter((key) => baseResponseKey(key) === key).length,
      cost_usd: priceResponses(responses, prices).costUsd,
    })),
    tools,
    verdicts,
    event_ids: turn.events.map((event) => event.id),
    compactions: turn.compactions,
  };
}

/** A turn with no prompt (turn 0) starts at its earliest tool call, or is undated. */
function firstTime(turn: Turn): string | null {
  return turn.events.map((event) => event.timestamp_start).toSorted()[0] ?? null;
}

/** The conversation kept within the limits, with a marker where steps were left out; kept responses priced. */
function layOut(
  steps: readonly Step[],
  responses: Readonly<Record<string, ResponseUsage>>,
  limits: ConversationLimits,
  prices: PriceTable | undefined,
): ConversationEntry[] {
  const bounded = boundSequence(steps, limits, (step) => step.entry.text);
  const advisorKeys = new Map<string, string[]>();
  for (const key of Object.keys(responses)) {
    const base = baseResponseKey(key);
    if (base !== key) advisorKeys.set(base, [...(advisorKeys.get(base) ?? []), key]);
  }
  const priced = (step: Step): ConversationEntry => {
    if (step.key == null) return step.entry;
    const own: Record<string, ResponseUsage> = {};
    for (const key of [step.key, ...(advisorKeys.get(step.key) ?? [])]) {
      const usage = responses[key];
      if (usage != null) own[key] = usage;
    }
    const cost = priceResponses(own, prices);
    return { ...step.entry, tokens: cost.tokens, cost_usd: cost.costUsd };
  };
  const out = bounded.head.map(priced);
  if (bounded.omitted > 0) {
    const from = bounded.firstOmitted?.entry.turn;
    const to = bounded.lastOmitted?.entry.turn;
    out.push({
      role: "system",
      kind: "omitted",
      timestamp: bounded.firstOmitted?.entry.timestamp ?? null,
      text: from == null || to == null ? "" : from === to ? `turn ${from}` : `turns ${from} to ${to}`,
      ...(from == null ? {} : { turn: from }),
      omitted: bounded.omitted,
    });
  }
  out.push(...bounded.tail.map(priced));
  return out;
}

function modelOf(model: string | null): { model?: string } {
  return model == null ? {} : { model };
}

function cut(truncated: boolean): { truncated?: true } {
  return truncated ? { truncated } : {};
}

/** The start of a prompt on one line, for the table of turns. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
