import type { Finding, Severity, Verdict } from "./verdict.js";
import type { ActionClass } from "./injection/signals/action-classes.js";

/**
 * The guard's pluggable decision points. The hooks only know these interfaces; what decides
 * (the built-in minimal policy, the shell-aware policy, the injection scanner) is passed in.
 */

/** A tool call as PreToolUse sees it, before it runs. */
export interface ToolCall {
  readonly toolName: string;
  readonly toolInput: unknown;
  /** Claude's current working directory (follows `cd`). */
  readonly cwd: string;
  /** Where the session started (CLAUDE_PROJECT_DIR). */
  readonly projectDir: string;
  /** The user's home directory, for `~` and `$HOME`. */
  readonly home: string;
  readonly agentId?: string;
}

export type PermissionDecision = "allow" | "deny" | "ask";

export interface PolicyDecision {
  readonly decision: PermissionDecision;
  readonly verdict: Verdict;
  readonly severity: Severity | null;
  readonly findings: readonly Finding[];
  /** Why, in words both a person and the model understand; shown to the model on deny. */
  readonly reason?: string;
}

export interface ToolPolicy {
  decide(call: ToolCall): PolicyDecision;
}

/** Text the model is about to read (a tool's output, the user's prompt), to be scanned. */
export interface ScanSubject {
  readonly kind: "tool_output" | "prompt" | "tool_input";
  readonly toolName?: string;
  /** Where the text came from: a file path, a URL, a command. */
  readonly source?: string;
  readonly text: string;
  /**
   * The kinds of action the user's own prompts in this session mention, when known: a request in
   * the text for a kind the user never asked for is stronger evidence of an injection.
   */
  readonly askedActions?: readonly ActionClass[];
}

export interface ScanOutcome {
  readonly verdict: Verdict;
  readonly severity: Severity | null;
  readonly findings: readonly Finding[];
  readonly scanTimeMs: number;
  /** A short factual note for the model, present when a finding reaches the warn level. */
  readonly note?: string;
}

export interface ContentScanner {
  scan(subjects: readonly ScanSubject[]): ScanOutcome;
  /** Present when a tier needs I/O (the LLM tier): hooks that can wait use it instead of scan. */
  scanAsync?(subjects: readonly ScanSubject[]): Promise<ScanOutcome>;
}

export const ALLOW: PolicyDecision = { decision: "allow", verdict: "allowed", severity: null, findings: [] };

export const CLEAN_SCAN: ScanOutcome = { verdict: "allowed", severity: null, findings: [], scanTimeMs: 0 };

/** A policy that allows everything: hooks that decide nothing use it. */
export const NO_POLICY: ToolPolicy = { decide: () => ALLOW };

/** A scanner that finds nothing: the recorder works without one. */
export const NO_SCANNER: ContentScanner = { scan: () => CLEAN_SCAN };
