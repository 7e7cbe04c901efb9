import type { PolicyDecision } from "../guard-policy.js";
import type { CommandPolicyOptions } from "./command-policy-options.js";
import type { CommandContext, ExecSource, Redirect, RuleAction } from "./command-types.js";
import { createCommandPolicy, type CommandPolicy } from "./create-command-policy.js";
import { displayWord } from "./shell/display-word.js";
import { fileTargets, type FileTarget } from "./command-files.js";

/**
 * The data behind `warden explain "<command>"`: how the command was parsed (segments, unwrapped
 * layers, resolved targets), which rule decided, and why.
 */

export interface ExplainContext extends CommandContext {
  /** The policy to explain with; built from `options` (or the defaults) when absent. */
  readonly policy?: CommandPolicy;
  readonly options?: CommandPolicyOptions;
}

/** A file the command touches: the same list the recorder keeps as the call's `files_accessed`. */
export type ExplainedTarget = FileTarget;

export interface ExplainedCommand {
  readonly program: string;
  readonly argv: readonly string[];
  /** Commands seen through to reach it: `sudo`, `env`, `timeout`… */
  readonly wrappers: readonly string[];
  readonly assignments: readonly string[];
  /** How it was reached: `[]` at the top level, `["bash -c", "$(…)"]` inside a substitution in `bash -c`. */
  readonly layers: readonly string[];
  /** The segment of shell text it came from. */
  readonly segment: string;
  /** Set when it runs on another machine or in a container: the layer that sends it there (`ssh db`). */
  readonly remote?: string;
  readonly cwd: string;
  readonly pipeline: { readonly id: number; readonly stage: number };
  readonly redirects: readonly Redirect[];
  readonly exec?: ExecSource;
  readonly targets: readonly ExplainedTarget[];
  /** Ids of the rules it matched. */
  readonly rules: readonly string[];
  /** Whether git could give back what it deletes or discards ("recoverable: …", "would lose …"), when a rule asked. */
  readonly recoverability: readonly string[];
}

export interface CommandExplanation {
  readonly command: string;
  readonly parsed: boolean;
  readonly errors: readonly string[];
  /** Parts not analysed because they nest too deep or the command is too long. */
  readonly limits: readonly string[];
  readonly commands: readonly ExplainedCommand[];
  readonly decision: PolicyDecision;
  /** The rule whose action decided, or null when nothing matched. */
  readonly decidedBy: string | null;
  /** The pack of that rule, or null when it is a core rule (or nothing matched). */
  readonly pack: string | null;
  readonly why: string;
}

const DECIDING_ACTION: Record<string, RuleAction> = { deny: "deny", ask: "ask", allow: "warn" };

export function explainCommand(command: string, ctx: ExplainContext): CommandExplanation {
  const policy = ctx.policy ?? createCommandPolicy(ctx.options ?? {});
  const context = { cwd: ctx.cwd, projectDir: ctx.projectDir, home: ctx.home };
  const { analysis, matches, decision, recoverability } = policy.evaluateCommand(command, context);
  const commands = analysis.commands.map((cmd): ExplainedCommand => {
    const targets = fileTargets(cmd, context);
    return {
      program: displayWord(cmd.name),
      argv: cmd.argv.map(displayWord),
      wrappers: cmd.wrappers,
      assignments: cmd.assignments.map(displayWord),
      layers: cmd.layers,
      segment: displayWord(cmd.excerpt),
      ...(cmd.remote == null ? {} : { remote: cmd.remote }),
      cwd: cmd.cwd,
      pipeline: { id: cmd.pipeline, stage: cmd.stage },
      redirects: cmd.redirects.map((r) => ({ ...r, target: displayWord(r.target) })),
      ...(cmd.exec == null ? {} : { exec: { ...cmd.exec, ...(cmd.exec.text == null ? {} : { text: displayWord(cmd.exec.text) }) } }),
      targets,
      rules: [...new Set(matches.filter((m) => m.command === cmd.index).map((m) => m.rule.id))],
      recoverability: recoverability.filter((r) => r.command === cmd.index).map((r) => r.note),
    };
  });
  const action = decision.findings.length === 0 ? undefined : DECIDING_ACTION[decision.decision];
  const deciding = action == null ? undefined : matches.find((m) => m.rule.action === action)?.rule;
  return {
    command,
    parsed: analysis.errors.length === 0,
    errors: analysis.errors,
    limits: analysis.limits,
    commands,
    decision,
    decidedBy: deciding?.id ?? null,
    pack: deciding?.pack ?? null,
    why: decision.reason ?? "No rule matched: the command is allowed.",
  };
}
