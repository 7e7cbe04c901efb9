import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { isNumber, isRecord, isString, preview, recordsOf, tryParseJson, type JsonRecord } from "./json-guards.js";
import { killProcessTree } from "./process-tree.js";

/** Runs the real Claude Code CLI in `-p` mode against the stand-in API, hermetically. */

export const DEFAULT_ALLOWED_TOOLS = ["Bash", "Read", "Write", "Edit", "Glob", "Grep", "Agent"] as const;

export interface RunClaudeOptions {
  readonly projectDir: string;
  /** The hermetic HOME; transcripts land in `<home>/.claude/projects/`. Reuse it to `--resume`. */
  readonly home: string;
  readonly standInUrl: string;
  readonly prompt: string;
  /**
   * Tools allowed without asking. Glob and Grep are only offered to the model when allowed here:
   * the native 2.1.197 build otherwise replaces them with its embedded bfs/ugrep in Bash.
   */
  readonly allowedTools?: readonly string[];
  /** Extra CLI arguments, e.g. `["--resume", sessionId]`. */
  readonly extraArgs?: readonly string[];
  /** Extra environment variables, added to the hermetic set. */
  readonly env?: Readonly<Record<string, string>>;
  /** Default 40 s; the CLI and every process it started are killed when it expires. */
  readonly timeoutMs?: number;
  /** Default: the `claude.exe` of the installed @anthropic-ai/claude-code. */
  readonly claudeBin?: string;
}

export interface ModelUsageEntry {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadInputTokens: number;
  readonly cacheCreationInputTokens: number;
  readonly costUSD: number;
}

/** The `--output-format json` result, with the CLI's own key names; `raw` keeps everything. */
export interface ClaudeResult {
  readonly subtype: string;
  readonly is_error: boolean;
  readonly session_id: string;
  readonly result: string | undefined;
  readonly num_turns: number;
  readonly total_cost_usd: number;
  /** Main thread only. */
  readonly usage: JsonRecord;
  /** Per model, subagents included. Keys may carry a context suffix, e.g. `claude-opus-4-8[1m]`. */
  readonly modelUsage: Readonly<Record<string, ModelUsageEntry>>;
  readonly permission_denials: readonly JsonRecord[];
  readonly raw: JsonRecord;
}

export interface ClaudeRun {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  readonly result: ClaudeResult;
}

export class ClaudeRunError extends Error {
  override readonly name = "ClaudeRunError";
}

export function claudeBinPath(): string {
  const require = createRequire(import.meta.url);
  // Spawn the native binary itself: node_modules/.bin/claude is a shell-script shim.
  return path.join(path.dirname(require.resolve("@anthropic-ai/claude-code/package.json")), "bin", "claude.exe");
}

export async function runClaude(options: RunClaudeOptions): Promise<ClaudeRun> {
  const timeoutMs = options.timeoutMs ?? 40_000;
  const args = [
    "-p",
    options.prompt,
    "--output-format",
    "json",
    "--allowedTools",
    (options.allowedTools ?? DEFAULT_ALLOWED_TOOLS).join(" "),
    ...(options.extraArgs ?? []),
  ];
  const started = Date.now();
  const child = spawn(options.claudeBin ?? claudeBinPath(), args, {
    cwd: options.projectDir,
    env: hermeticEnv(options),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid != null) killProcessTree(child.pid);
  }, timeoutMs);
  const { exitCode, signal } = await new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, sig) => resolve({ exitCode: code, signal: sig }));
  }).finally(() => clearTimeout(timer));

  const durationMs = Date.now() - started;
  const context = `exit ${exitCode ?? signal}; stdout: ${preview(stdout, 800)}; stderr: ${preview(stderr, 800)}`;
  if (timedOut) throw new ClaudeRunError(`claude did not finish within ${timeoutMs} ms (${context})`);
  const result = parseClaudeResult(stdout);
  if (result == null) throw new ClaudeRunError(`claude printed no JSON result on stdout (${context})`);
  return { exitCode, signal, stdout, stderr, durationMs, result };
}

function hermeticEnv(options: RunClaudeOptions): Record<string, string> {
  const tmp = path.join(options.home, "tmp");
  fs.mkdirSync(tmp, { recursive: true });
  // Nothing is inherited but PATH (for bash and node): a developer's ANTHROPIC_*, CLAUDE_CONFIG_DIR
  // or CLAUDECODE (set when the tests themselves run inside Claude Code) must not leak in.
  return {
    PATH: process.env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
    HOME: options.home,
    TMPDIR: tmp,
    SHELL: "/bin/bash",
    LANG: "C.UTF-8",
    TZ: "UTC",
    NO_COLOR: "1",
    ANTHROPIC_BASE_URL: options.standInUrl,
    ANTHROPIC_API_KEY: "sk-ant-stand-in-key",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    DISABLE_AUTOUPDATER: "1",
    ...options.env,
  };
}

/** Parses the `--output-format json` result; undefined when stdout is not one. */
export function parseClaudeResult(stdout: string): ClaudeResult | undefined {
  const parsed = tryParseJson(stdout.trim());
  if (!isRecord(parsed) || parsed["type"] !== "result" || !isString(parsed["session_id"])) return undefined;
  return {
    subtype: isString(parsed["subtype"]) ? parsed["subtype"] : "",
    is_error: parsed["is_error"] === true,
    session_id: parsed["session_id"],
    result: isString(parsed["result"]) ? parsed["result"] : undefined,
    num_turns: isNumber(parsed["num_turns"]) ? parsed["num_turns"] : 0,
    total_cost_usd: isNumber(parsed["total_cost_usd"]) ? parsed["total_cost_usd"] : 0,
    usage: isRecord(parsed["usage"]) ? parsed["usage"] : {},
    modelUsage: parseModelUsage(parsed["modelUsage"]),
    permission_denials: recordsOf(parsed["permission_denials"]),
    raw: parsed,
  };
}

/** Token totals over every model of a modelUsage (main thread and subagents). */
export function sumModelUsage(modelUsage: Readonly<Record<string, ModelUsageEntry>>): Omit<ModelUsageEntry, "costUSD"> {
  const totals = { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 };
  for (const entry of Object.values(modelUsage)) {
    totals.inputTokens += entry.inputTokens;
    totals.outputTokens += entry.outputTokens;
    totals.cacheReadInputTokens += entry.cacheReadInputTokens;
    totals.cacheCreationInputTokens += entry.cacheCreationInputTokens;
  }
  return totals;
}

function parseModelUsage(value: unknown): Record<string, ModelUsageEntry> {
  if (!isRecord(value)) return {};
  const entries: Record<string, ModelUsageEntry> = {};
  for (const [model, entry] of Object.entries(value)) {
    if (!isRecord(entry)) continue;
    const number = (key: string): number => {
      const field = entry[key];
      return isNumber(field) ? field : 0;
    };
    entries[model] = {
      inputTokens: number("inputTokens"),
      outputTokens: number("outputTokens"),
      cacheReadInputTokens: number("cacheReadInputTokens"),
      cacheCreationInputTokens: number("cacheCreationInputTokens"),
      costUSD: number("costUSD"),
    };
  }
  return entries;
}
