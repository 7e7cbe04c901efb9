/**
 * Hook payloads shaped exactly as Claude Code 2.1.197 sends them (see tests/fixtures/payloads and
 * shared/claude-code-hooks.md §1.3), parameterised by session and project.
 */
export interface PayloadBase {
  readonly sessionId: string;
  readonly cwd: string;
}

function base({ sessionId, cwd }: PayloadBase) {
  return { session_id: sessionId, transcript_path: `/home/dev/.claude/projects/-app/${sessionId}.jsonl`, cwd };
}

const toolBase = (p: PayloadBase) => ({ ...base(p), permission_mode: "default", prompt_id: "255b3d84-1b0e-4c57-9d43-5d3b8f1a2c77", effort: { level: "high" } });

export const sessionStart = (p: PayloadBase, source = "startup") => ({ ...base(p), hook_event_name: "SessionStart", source });

export const userPromptSubmit = (p: PayloadBase, prompt: string) => ({
  ...base(p),
  prompt_id: "255b3d84-1b0e-4c57-9d43-5d3b8f1a2c77",
  permission_mode: "default",
  hook_event_name: "UserPromptSubmit",
  prompt,
});

export const preToolUse = (p: PayloadBase, toolName: string, toolInput: unknown, toolUseId: string) => ({
  ...toolBase(p),
  hook_event_name: "PreToolUse",
  tool_name: toolName,
  tool_input: toolInput,
  tool_use_id: toolUseId,
});

export const postToolUse = (p: PayloadBase, toolName: string, toolInput: unknown, toolResponse: unknown, toolUseId: string, durationMs = 12) => ({
  ...toolBase(p),
  hook_event_name: "PostToolUse",
  tool_name: toolName,
  tool_input: toolInput,
  tool_response: toolResponse,
  tool_use_id: toolUseId,
  duration_ms: durationMs,
});

export const postToolUseFailure = (p: PayloadBase, toolName: string, toolInput: unknown, error: string, toolUseId: string) => ({
  ...toolBase(p),
  hook_event_name: "PostToolUseFailure",
  tool_name: toolName,
  tool_input: toolInput,
  tool_use_id: toolUseId,
  error,
  is_interrupt: false,
  duration_ms: 40,
});

export const bashResponse = (stdout: string, stderr = "") => ({ stdout, stderr, interrupted: false, isImage: false, noOutputExpected: false });

export const readResponse = (filePath: string, content: string) => ({
  type: "text",
  file: { filePath, content, numLines: content.split("\n").length, startLine: 1, totalLines: content.split("\n").length },
});

export const stop = (p: PayloadBase, message = "All done.") => ({
  ...toolBase(p),
  hook_event_name: "Stop",
  stop_hook_active: false,
  last_assistant_message: message,
  background_tasks: [],
  session_crons: [],
});

export const subagentStop = (p: PayloadBase, agentId: string) => ({
  ...toolBase(p),
  hook_event_name: "SubagentStop",
  stop_hook_active: false,
  agent_id: agentId,
  agent_type: "general-purpose",
  agent_transcript_path: `/home/dev/.claude/projects/-app/${p.sessionId}/subagents/agent-${agentId}.jsonl`,
  last_assistant_message: "Found 3 files.",
});

export const preCompact = (p: PayloadBase) => ({ ...base(p), hook_event_name: "PreCompact", trigger: "manual", custom_instructions: null });

export const sessionEnd = (p: PayloadBase, reason = "other") => ({ ...base(p), prompt_id: "255b3d84-1b0e-4c57-9d43-5d3b8f1a2c77", hook_event_name: "SessionEnd", reason });
