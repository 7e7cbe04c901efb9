import { parseMcpToolName } from "../../support/mcp-tool-name.js";
import type { ResponseUsage, TranscriptState } from "./transcript-state.js";
import { addResponse, emptyTokenCounts, summarizeUsage, type ModelUsage, type TokenCounts, type UsageTotals } from "./usage-ledger.js";

export interface SubagentSummary {
  readonly agent_id: string;
  /** From `agent-<id>.meta.json`; null when there is none (legacy layouts). */
  readonly agent_type: string | null;
  /** tool_use blocks the subagent emitted. */
  readonly tool_uses: number;
  /** Its API responses, all models together. */
  readonly usage: TokenCounts;
  /** The same per model, so the subagent can be priced. */
  readonly usage_by_model: Record<string, ModelUsage>;
}

export interface SkillUse {
  readonly skill: string;
  readonly uses: number;
}

export interface McpServerUse {
  readonly server: string;
  /** Tool names without the `mcp__<server>__` prefix, sorted. */
  readonly tools: readonly string[];
  readonly uses: number;
}

export interface TranscriptSummary {
  readonly usage: UsageTotals;
  readonly subagents: readonly SubagentSummary[];
  readonly skills: readonly SkillUse[];
  readonly mcp_servers: readonly McpServerUse[];
  /** Every tool_use id in the session's files (main thread and subagents), in order of appearance. */
  readonly tool_use_ids: readonly string[];
}

interface AgentTally {
  toolUses: number;
  readonly usage: TokenCounts;
  readonly responses: Record<string, ResponseUsage>;
}

/** The report figures of everything read so far. */
export function summarizeTranscript(state: TranscriptState): TranscriptSummary {
  const agents = new Map<string, AgentTally>();
  const agent = (id: string) => getOrCreate(agents, id, (): AgentTally => ({ toolUses: 0, usage: emptyTokenCounts(), responses: {} }));
  for (const agentId of Object.keys(state.agent_types)) agent(agentId);

  for (const [key, response] of Object.entries(state.responses)) {
    if (response.agent_id == null) continue;
    const a = agent(response.agent_id);
    addResponse(a.usage, response);
    a.responses[key] = response;
  }
  const skills = new Map<string, number>();
  const servers = new Map<string, { tools: Set<string>; uses: number }>();
  for (const use of Object.values(state.tool_uses)) {
    if (use.agent_id != null) agent(use.agent_id).toolUses++;
    if (use.skill != null) skills.set(use.skill, (skills.get(use.skill) ?? 0) + 1);
    const mcp = parseMcpToolName(use.name);
    if (mcp != null) {
      const server = getOrCreate(servers, mcp.server, () => ({ tools: new Set<string>(), uses: 0 }));
      server.tools.add(mcp.tool);
      server.uses++;
    }
  }
  return {
    usage: summarizeUsage(state.responses),
    subagents: [...agents].map(([agentId, { toolUses, usage, responses }]) => ({
      agent_id: agentId,
      agent_type: state.agent_types[agentId] ?? null,
      tool_uses: toolUses,
      usage,
      usage_by_model: summarizeUsage(responses).by_model,
    })),
    skills: [...skills].map(([skill, uses]) => ({ skill, uses })),
    mcp_servers: [...servers].map(([server, { tools, uses }]) => ({ server, tools: [...tools].toSorted(), uses })),
    tool_use_ids: Object.keys(state.tool_uses),
  };
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
