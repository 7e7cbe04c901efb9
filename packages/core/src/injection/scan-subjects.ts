import type { ScanSubject } from "../guard-policy.js";

/**
 * What the model is about to read after a tool call, as texts to scan, each with where it came
 * from. Built per tool from Claude Code's `tool_response` shapes; a string (a failure's `error`,
 * or an MCP server's plain reply) is scanned as it is; an unknown tool's response as the text of
 * all its string values. Writes are scanned only when they go to a file agents read as
 * instructions (CLAUDE.md, `.claude/**`, rule and agent config files).
 */
export function extractScanSubjects(toolName: string, toolInput: unknown, toolResponseOrError: unknown): ScanSubject[] {
  const input = record(toolInput);
  const out = (text: string | undefined, source?: string): ScanSubject[] =>
    text == null || text === "" ? [] : [{ kind: "tool_output", toolName, ...(source ? { source } : {}), text }];
  if (WRITE_TOOLS.has(toolName)) return instructionWrites(toolName, input);
  if (typeof toolResponseOrError === "string") return out(toolResponseOrError, sourceOf(toolName, input));
  if (SELF_ECHO_TOOLS.has(toolName)) return [];
  const response = record(toolResponseOrError);
  switch (toolName) {
    case "Read":
      return readSubjects(response, input, out);
    case "Bash":
    case "PowerShell": {
      const command = str(input.command);
      return [...out(str(response.stdout), command), ...out(str(response.stderr), command == null ? "stderr" : `${command} (stderr)`)];
    }
    case "Grep":
      return [...out(str(response.content), sourceOf(toolName, input)), ...out(lines(response.filenames), sourceOf(toolName, input))];
    case "Glob":
      return out(lines(response.filenames), sourceOf(toolName, input));
    case "WebFetch":
      return out(str(response.result), str(input.url) ?? str(response.url));
    case "WebSearch":
      return out(webSearchText(response.results), str(input.query));
    case "Agent":
    case "Task":
      return out(blocksText(response.content), str(input.description) ?? str(input.subagent_type));
    default:
      if (toolName.startsWith("mcp__"))
        return out(blocksText(toolResponseOrError) ?? blocksText(response.content) ?? leafText(toolResponseOrError), toolName);
      return out(leafText(toolResponseOrError), sourceOf(toolName, input));
  }
}

/** The user's prompt, as a subject: recorded and warned about, never blocked. */
export function promptSubject(prompt: string): ScanSubject {
  return { kind: "prompt", text: prompt };
}

const WRITE_TOOLS = new Set(["Write", "Edit", "MultiEdit", "NotebookEdit"]);
/** Tools whose response repeats what the agent itself just wrote. */
const SELF_ECHO_TOOLS = new Set(["TodoWrite", "ExitPlanMode", "EnterPlanMode", "TaskCreate", "TaskUpdate"]);

const INSTRUCTION_NAMES =
  /(?:^|\/)(?:CLAUDE(?:\.local)?\.md|AGENTS\.md|GEMINI\.md|\.cursorrules|\.windsurfrules|\.clinerules|copilot-instructions\.md|\.mcp\.json)$/i;
const INSTRUCTION_DIRS =
  /(?:^|\/)(?:\.claude|\.cursor\/rules|\.windsurf\/rules|\.clinerules|\.github\/instructions|\.github\/prompts|\.continue|\.roo)\//i;

export function isInstructionFile(filePath: string): boolean {
  const p = filePath.replace(/\\/g, "/");
  return INSTRUCTION_NAMES.test(p) || INSTRUCTION_DIRS.test(p) || /\.mdc$/i.test(p);
}

function instructionWrites(toolName: string, input: Record<string, unknown>): ScanSubject[] {
  const file = str(input.file_path) ?? str(input.notebook_path);
  if (file == null || !isInstructionFile(file)) return [];
  const texts =
    toolName === "Write"
      ? [str(input.content)]
      : toolName === "Edit"
        ? [str(input.new_string)]
        : toolName === "MultiEdit"
          ? (Array.isArray(input.edits) ? input.edits : []).map((e) => str(record(e).new_string))
          : [str(input.new_source)];
  return texts.filter((t): t is string => t != null && t !== "").map((text) => ({ kind: "tool_input", toolName, source: file, text }));
}

function readSubjects(
  response: Record<string, unknown>,
  input: Record<string, unknown>,
  out: (t: string | undefined, s?: string) => ScanSubject[],
): ScanSubject[] {
  const file = record(response.file);
  const source = str(file.filePath) ?? str(input.file_path);
  if (response.type === "text" || (response.type == null && typeof file.content === "string")) return out(str(file.content), source);
  if (response.type === "notebook") {
    const cells = Array.isArray(file.cells) ? file.cells : [];
    return out(
      cells.map((c) => [cellSource(record(c).source), leafText(record(c).outputs)].filter(Boolean).join("\n")).join("\n\n"),
      source,
    );
  }
  return [];
}

function cellSource(source: unknown): string {
  return Array.isArray(source) ? source.filter((s) => typeof s === "string").join("") : (str(source) ?? "");
}

function sourceOf(toolName: string, input: Record<string, unknown>): string | undefined {
  if (toolName === "Grep" || toolName === "Glob") {
    const pattern = str(input.pattern);
    const where = str(input.path);
    return pattern == null ? where : `${pattern}${where ? ` in ${where}` : ""}`;
  }
  return str(input.file_path) ?? str(input.url) ?? str(input.command) ?? str(input.path) ?? str(input.query);
}

function webSearchText(results: unknown): string | undefined {
  if (!Array.isArray(results)) return undefined;
  const parts: string[] = [];
  for (const r of results) {
    if (typeof r === "string") parts.push(r);
    else for (const c of arr(record(r).content)) parts.push([str(record(c).title), str(record(c).url)].filter(Boolean).join(" "));
  }
  return parts.join("\n");
}

/** Text of MCP / Messages-style content blocks: `text`, and the text of embedded resources. */
function blocksText(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .map((b) => {
      if (typeof b === "string") return b;
      const block = record(b);
      return str(block.text) ?? str(record(block.resource).text) ?? (block.type === "image" ? "" : leafText(block));
    })
    .filter(Boolean)
    .join("\n");
}

/** Every string in a value (keys excepted), depth-first, joined by newlines. */
export function leafText(value: unknown, limit = 10_000): string | undefined {
  const parts: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (parts.length >= limit || depth > 8) return;
    if (typeof v === "string") parts.push(v);
    else if (Array.isArray(v)) for (const item of v) walk(item, depth + 1);
    else if (v != null && typeof v === "object") for (const item of Object.values(v)) walk(item, depth + 1);
  };
  walk(value, 0);
  return parts.length === 0 ? undefined : parts.join("\n");
}

function lines(value: unknown): string | undefined {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string").join("\n") : undefined;
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value != null && typeof value === "object" && !Array.isArray(value);
}
