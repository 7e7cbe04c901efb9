/**
 * Hook payloads shaped exactly as Claude Code 2.1.197 sends them, parameterised by session and
 * project. tests/fixtures/payloads holds what the real client sent (captured by
 * tests/e2e/capture-payloads.ts); tests/build/payload-builders.test.ts checks every builder here
 * against those files, key by key and type by type.
 */
export interface PayloadBase {
  readonly sessionId: string;
  readonly cwd: string;
}

const PROMPT_ID = "255b3d84-1b0e-4c57-9d43-5d3b8f1a2c77";

/** Claude Code's transcript folder: `~/.claude/projects/` and the cwd, every non-alphanumeric character a `-`. */
const projectDir = (cwd: string) => `/home/dev/.claude/projects/${cwd.replace(/[^a-zA-Z0-9]/g, "-")}`;

function base({ sessionId, cwd }: PayloadBase) {
  return { session_id: sessionId, transcript_path: `${projectDir(cwd)}/${sessionId}.jsonl`, cwd };
}

const toolBase = (p: PayloadBase) => ({ ...base(p), permission_mode: "default", prompt_id: PROMPT_ID, effort: { level: "high" } });

/** A compaction's SessionStart follows a prompt (`/compact`) and names the model; startup and resume have neither. */
export const sessionStart = (p: PayloadBase, source = "startup") =>
  source === "compact"
    ? { ...base(p), prompt_id: PROMPT_ID, hook_event_name: "SessionStart", source, model: "claude-opus-4-8" }
    : { ...base(p), hook_event_name: "SessionStart", source };

export const userPromptSubmit = (p: PayloadBase, prompt: string) => ({
  ...base(p),
  prompt_id: PROMPT_ID,
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

export const postToolUse = (
  p: PayloadBase,
  toolName: string,
  toolInput: unknown,
  toolResponse: unknown,
  toolUseId: string,
  durationMs = 12,
) => ({
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

/** A tool event fired inside a subagent: the same payload plus the subagent's id and type. */
export const inSubagent = <T extends object>(payload: T, agentId: string, agentType = "general-purpose") => ({
  ...payload,
  agent_id: agentId,
  agent_type: agentType,
});

// Tool inputs as the client passes them to hooks: what the model sent, plus the defaults the client fills in.

export const bashInput = (command: string, description = "Run a command") => ({ command, description });

export const readInput = (filePath: string) => ({ file_path: filePath });

export const writeInput = (filePath: string, content: string) => ({ file_path: filePath, content });

/** The client adds `replace_all: false` when the model leaves it out. */
export const editInput = (filePath: string, oldString: string, newString: string) => ({
  file_path: filePath,
  old_string: oldString,
  new_string: newString,
  replace_all: false,
});

export const globInput = (pattern: string) => ({ pattern });

export const grepInput = (pattern: string) => ({ pattern });

export const agentInput = (description: string, prompt: string, subagentType = "general-purpose") => ({
  description,
  prompt,
  subagent_type: subagentType,
});

// Tool responses (PostToolUse `tool_response`).

export const bashResponse = (stdout: string, stderr = "") => ({
  stdout,
  stderr,
  interrupted: false,
  isImage: false,
  noOutputExpected: false,
});

export const readResponse = (filePath: string, content: string) => ({
  type: "text",
  file: { filePath, content, numLines: content.split("\n").length, startLine: 1, totalLines: content.split("\n").length },
});

/** Writing a new file: no patch and no original. */
export const writeResponse = (filePath: string, content: string) => ({
  type: "create",
  filePath,
  content,
  structuredPatch: [],
  originalFile: null,
  userModified: false,
});

/** Writing over an existing file: the text it had, and one hunk trading its lines for the new ones. */
export const writeUpdateResponse = (filePath: string, originalFile: string, content: string) => {
  const linesOf = (text: string) => text.replace(/\n$/, "").split("\n");
  const before = linesOf(originalFile);
  const after = linesOf(content);
  return {
    type: "update",
    filePath,
    content,
    structuredPatch: [
      {
        oldStart: 1,
        oldLines: before.length,
        newStart: 1,
        newLines: after.length,
        lines: [...before.map((line) => `-${line}`), ...after.map((line) => `+${line}`)],
      },
    ],
    originalFile,
    userModified: false,
  };
};

/** One hunk replacing `oldString` (a whole line of `originalFile`) with `newString`. */
export const editResponse = (filePath: string, originalFile: string, oldString: string, newString: string) => {
  const before = originalFile.split("\n");
  const line = Math.max(
    0,
    before.findIndex((text) => text.includes(oldString)),
  );
  return {
    filePath,
    oldString,
    newString,
    originalFile,
    structuredPatch: [
      {
        oldStart: line + 1,
        oldLines: 1,
        newStart: line + 1,
        newLines: 1,
        lines: [`-${before[line] ?? ""}`, `+${(before[line] ?? "").replace(oldString, newString)}`],
      },
    ],
    userModified: false,
    replaceAll: false,
  };
};

/** Glob names files relative to the cwd. */
export const globResponse = (filenames: readonly string[]) => ({
  filenames,
  durationMs: 9,
  numFiles: filenames.length,
  truncated: false,
  totalMatches: filenames.length,
  countIsComplete: true,
});

/** Grep's default mode; names relative to the cwd. */
export const grepResponse = (filenames: readonly string[]) => ({ mode: "files_with_matches", filenames, numFiles: filenames.length });

/** A general-purpose subagent that made one Bash call; `usage` is its last request's. */
export const agentResponse = (agentId: string, prompt: string, text: string) => ({
  status: "completed",
  prompt,
  agentId,
  agentType: "general-purpose",
  content: [{ type: "text", text }],
  resolvedModel: "claude-opus-4-8[1m]",
  totalDurationMs: 2864,
  totalTokens: 22026,
  totalToolUseCount: 1,
  usage: {
    input_tokens: 35,
    cache_creation_input_tokens: 1635,
    cache_read_input_tokens: 20133,
    output_tokens: 223,
    server_tool_use: { web_search_requests: 0, web_fetch_requests: 0 },
    service_tier: "standard",
    cache_creation: { ephemeral_1h_input_tokens: 308, ephemeral_5m_input_tokens: 1327 },
    inference_geo: "",
    iterations: [],
    speed: "standard",
  },
  toolStats: { readCount: 0, searchCount: 0, bashCount: 1, editFileCount: 0, linesAdded: 0, linesRemoved: 0, otherToolCount: 0 },
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
  agent_id: agentId,
  agent_type: "general-purpose",
  hook_event_name: "SubagentStop",
  stop_hook_active: false,
  agent_transcript_path: `${projectDir(p.cwd)}/${p.sessionId}/subagents/agent-${agentId}.jsonl`,
  last_assistant_message: "Found 3 files.",
  background_tasks: [],
  session_crons: [],
});

/** `/compact` is a prompt, so PreCompact carries its prompt_id. */
export const preCompact = (p: PayloadBase) => ({
  ...base(p),
  prompt_id: PROMPT_ID,
  hook_event_name: "PreCompact",
  trigger: "manual",
  custom_instructions: null,
});

export const sessionEnd = (p: PayloadBase, reason = "other") => ({
  ...base(p),
  prompt_id: PROMPT_ID,
  hook_event_name: "SessionEnd",
  reason,
});
