import path from "node:path";
import type { PolicyDecision, ToolCall, ToolPolicy } from "../guard-policy.js";
import { ALLOW } from "../guard-policy.js";
import { analyzeCommand } from "./shell/analyze-command.js";
import { buildDecision, type RuleMatch } from "./build-decision.js";
import type { CommandPolicyOptions } from "./command-policy-options.js";
import type { CommandAnalysis, CommandContext, RuleInfo } from "./command-types.js";
import { compileCommandRule, compilePathRule } from "./rules/custom-rules.js";
import { displayWord } from "./shell/display-word.js";
import { ProtectedPaths, normalise, type PathAccess, type PathRule } from "./rules/protected-paths.js";
import { RULE_PACKS } from "./rules/packs/pack-catalogue.js";
import { isCapturedIntoVariable } from "./rules/captured-reads.js";
import { holdsPrivateKey } from "./rules/key-files.js";
import { SERVER_STATE_FILE, SERVER_STATE_RULE } from "./rules/server-folder.js";
import {
  COMMAND_RULES,
  PATH_RULES,
  RULE_CATALOGUE,
  TOO_COMPLEX_RULE,
  UNPARSEABLE_DESTRUCTIVE_RULE,
  UNPARSEABLE_RULE,
  ruleInfo,
} from "./rules/rule-catalogue.js";
import { findDestructiveWord } from "./shell/find-destructive-word.js";
import { createRuleContext, type CommandRule, type ReadText, type RecoverabilityNote } from "./rules/rule-context.js";
import { readGitStatus, type ReadStatus } from "./read-git-status.js";
import { readBoundedFile } from "../support/read-bounded-file.js";
import { toolTarget } from "./tool-targets.js";
import { closestName } from "../support/closest-name.js";

/**
 * The shell-aware guard: built once per process from the options, then `decide()` per tool call.
 * Bash commands are parsed and every simple command, at every layer, goes through the catalogue;
 * file tools' paths go through the protected-path rules.
 */

export interface CommandEvaluation {
  readonly analysis: CommandAnalysis;
  readonly matches: readonly RuleMatch[];
  readonly decision: PolicyDecision;
  /** What git said about the files the command deletes or discards, when a rule asked. */
  readonly recoverability: readonly RecoverabilityNote[];
}

/** The world the policy reads beyond the command, injected so tests need no repository or files. */
export interface CommandPolicyWorld {
  /** Git's view of the files a command would lose. */
  readonly readStatus?: ReadStatus;
  /** Reads a local file a command feeds to a program (a SQL script to `psql -f`); the default reads at most 1 MiB. */
  readonly readText?: ReadText;
  /**
   * Absolute directories of the running guard itself (the plugin's root and data folder when run as
   * the Claude Code plugin, the resident server's folder): writing there could switch the guard off,
   * so guard.disable covers them, and the server's state file in any of them is guard.read-server-state's.
   */
  readonly guardDirs?: readonly string[];
}

export interface CommandPolicy extends ToolPolicy {
  /** The rules in force after the options, with their effective severity and action. */
  readonly rules: readonly RuleInfo[];
  /** What `decide()` does for a Bash command, with the parse and every match kept. */
  evaluateCommand(command: string, ctx: CommandContext): CommandEvaluation;
}

/** The options name a rule or a pack that does not exist, or reuse a built-in id. */
export class CommandPolicyConfigError extends Error {
  override readonly name = "CommandPolicyConfigError";
}

/**
 * `unknown rule id "git.forcepush" (did you mean "git.force-push"?)`. Without a close name, the known
 * names follow: all of them when they are few, else those of the same family (`git.`), else where to
 * find them, so that one typo does not print a hundred ids.
 */
function unknownNames(kind: string, unknown: readonly string[], known: readonly string[]): string {
  return unknown
    .map((id) => {
      const guess = closestName(id, known);
      if (guess != null) return `unknown ${kind} ${JSON.stringify(id)} (did you mean ${JSON.stringify(guess)}?)`;
      const family = known.filter((name) => name.startsWith(`${id.split(".")[0]}.`));
      const listed =
        known.length <= MAX_LISTED_NAMES
          ? `known ${kind}s: ${known.join(", ")}`
          : family.length > 0
            ? `known ${kind}s starting "${id.split(".")[0]}.": ${family.join(", ")}`
            : `none of the ${known.length} known ${kind}s is close (the README's guard section lists them; \`warden explain\` names the one deciding a command)`;
      return `unknown ${kind} ${JSON.stringify(id)}; ${listed}`;
    })
    .join("; ");
}

/** Up to this many known names are listed in full after an unknown one. */
const MAX_LISTED_NAMES = 24;

const ACCESSES: readonly PathAccess[] = ["read", "write"];
const GUARD_DISABLE = "guard.disable";
/**
 * A guard directory becomes a glob of guard.disable; one whose name has glob characters would
 * mean something else as a glob, so it is left out (Claude Code names plugin folders without them).
 */
const GLOB_CHARACTERS = /[*?[\]{}()!+@]/;
const WINDOWS_DRIVE = /^[A-Za-z]:\//;
/** Scripts larger than this are not read: a migration that size is not typed into a command. */
const MAX_READ_BYTES = 1024 * 1024;

export function createCommandPolicy(options: CommandPolicyOptions = {}, world: CommandPolicyWorld = {}): CommandPolicy {
  const readStatus = world.readStatus ?? ((query) => readGitStatus(query));
  const overrides = options.rules ?? {};
  const packs = options.packs ?? {};
  const readText = world.readText ?? readLocalText;
  const customCommands = (options.command_rules ?? []).map(compileCommandRule);
  const customPaths = (options.path_rules ?? []).map(compilePathRule);
  const known = new Set(RULE_CATALOGUE.map((r) => r.id));
  for (const rule of [...customCommands, ...customPaths]) {
    if (known.has(rule.id))
      throw new CommandPolicyConfigError(
        `rule id "${rule.id}" is defined twice; custom rules need ids of their own (e.g. "team.${rule.id}")`,
      );
    known.add(rule.id);
  }
  const unknown = Object.keys(overrides).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new CommandPolicyConfigError(`commands.rules: ${unknownNames("rule id", unknown, [...known])}`);
  }
  const packIds = RULE_PACKS.map((p) => p.id);
  const unknownPacks = Object.keys(packs).filter((id) => !packIds.includes(id));
  if (unknownPacks.length > 0) {
    throw new CommandPolicyConfigError(`commands.packs: ${unknownNames("pack", unknownPacks, packIds)}`);
  }
  // The rule's own override wins over its pack's setting, which wins over the catalogue.
  const apply = <T extends RuleInfo>(rule: T): T | undefined => {
    const o = overrides[rule.id];
    const p = rule.pack == null ? undefined : packs[rule.pack];
    if (o == null && p == null) return rule;
    if ((o?.enabled ?? p?.enabled) === false) return undefined;
    return { ...rule, action: o?.action ?? p?.action ?? rule.action, severity: o?.severity ?? rule.severity };
  };
  const commandRules: CommandRule[] = [];
  for (const rule of [...COMMAND_RULES, ...customCommands]) {
    const effective = apply(rule);
    if (effective != null) commandRules.push(effective);
  }
  const pathRules: PathRule[] = [];
  const guardDirs = (world.guardDirs ?? []).filter((dir) => !GLOB_CHARACTERS.test(dir)).map((dir) => dir.replace(/\/+$/, ""));
  const guardPaths = guardDirs.flatMap((dir) => [dir, `${dir}/**`]);
  const guardStateFiles = guardDirs.map((dir) => `${dir}/${SERVER_STATE_FILE}`);
  for (const rule of [...PATH_RULES, ...customPaths]) {
    const added = rule.id === GUARD_DISABLE ? guardPaths : rule.id === SERVER_STATE_RULE ? guardStateFiles : [];
    const paths = added.length > 0 ? [...rule.paths, ...added] : rule.paths;
    const effective = apply<PathRule>({ ...rule, paths, except: [...rule.except, ...(overrides[rule.id]?.except ?? [])] });
    if (effective != null) pathRules.push(effective);
  }
  const paths = new ProtectedPaths(pathRules, (abs) => holdsPrivateKey(abs, readText(abs)));
  const tooComplex = apply(TOO_COMPLEX_RULE);
  const unparseableDestructive = apply(UNPARSEABLE_DESTRUCTIVE_RULE);
  const unparseableBase = apply(UNPARSEABLE_RULE);
  const unparseable: RuleInfo | undefined =
    options.unparseable === "allow" || unparseableBase == null
      ? undefined
      : { ...unparseableBase, action: options.unparseable ?? unparseableBase.action };

  function evaluateCommand(command: string, ctx: CommandContext): CommandEvaluation {
    const analysis = analyzeCommand(command, ctx);
    const rc = createRuleContext(analysis, ctx, paths, { readStatus, readText });
    const matches: RuleMatch[] = [];
    for (const cmd of analysis.commands) {
      const where = {
        excerpt: displayWord(cmd.excerpt),
        start: cmd.start,
        end: cmd.end,
        form: cmd.layers.join(" › "),
        source: "command",
        command: cmd.index,
      };
      for (const rule of commandRules) {
        const hit = rule.check(cmd, rc);
        if (hit != null) matches.push(hit.detail == null ? { rule, ...where } : { rule, ...where, detail: hit.detail });
      }
      for (const access of ACCESSES) {
        for (const hit of rc.pathHits(cmd, access)) {
          if (access === "read" && hit.rule.category === "credentials" && isCapturedIntoVariable(cmd, analysis)) continue;
          matches.push({ rule: hit.rule, ...where, detail: `${access === "read" ? "reads" : "writes"} ${displayWord(hit.word)}` });
        }
      }
    }
    if (analysis.errors.length > 0 && unparseable != null) {
      matches.push({ rule: unparseable, excerpt: command, detail: analysis.errors.join("; "), source: "command" });
    }
    const destructive = analysis.errors.length > 0 && unparseableDestructive != null ? findDestructiveWord(command) : undefined;
    if (destructive != null && unparseableDestructive != null) {
      matches.push({ rule: unparseableDestructive, excerpt: command, detail: `names ${destructive}`, source: "command" });
    }
    if (analysis.limits.length > 0 && tooComplex != null) {
      matches.push({ rule: tooComplex, excerpt: command, detail: analysis.limits.join("; "), source: "command" });
    }
    return { analysis, matches, decision: buildDecision(matches, "command"), recoverability: rc.recoverabilityNotes };
  }

  function decidePaths(call: ToolCall, targets: readonly { field: string; path: string; access: PathAccess }[]): PolicyDecision {
    const matches: RuleMatch[] = [];
    for (const target of targets) {
      const abs = absolutePath(target.path, call);
      const exact = paths.match(abs, target.access, call.home);
      // Grep searches a folder's files, like `grep -r` in a command: the secrets inside it are read.
      const found = exact.length > 0 || call.toolName !== "Grep" ? exact : paths.matchInside(abs, target.access, call.home);
      for (const rule of found) {
        matches.push({
          rule,
          excerpt: target.path,
          detail: `${target.access === "read" ? "reads" : "writes"} ${abs}`,
          source: target.field,
        });
      }
    }
    return buildDecision(matches, `${call.toolName} call`);
  }

  return {
    rules: [
      ...commandRules,
      ...pathRules,
      ...(unparseable == null ? [] : [unparseable]),
      ...(unparseableDestructive == null ? [] : [unparseableDestructive]),
      ...(tooComplex == null ? [] : [tooComplex]),
    ].map(ruleInfo),
    evaluateCommand,
    decide(call: ToolCall): PolicyDecision {
      const target = toolTarget(call.toolName, call.toolInput);
      if (target == null) return ALLOW;
      if (target.kind === "command")
        return evaluateCommand(target.command, { cwd: call.cwd, projectDir: call.projectDir, home: call.home }).decision;
      return decidePaths(call, target.paths);
    },
  };
}

function readLocalText(abs: string): string | undefined {
  try {
    return readBoundedFile(abs, MAX_READ_BYTES);
  } catch {
    return undefined;
  }
}

function absolutePath(p: string, call: ToolCall): string {
  const forward = normalise(p);
  if (forward === "~" || forward.startsWith("~/")) return normalise(call.home) + forward.slice(1);
  if (forward.startsWith("/") || WINDOWS_DRIVE.test(forward)) return forward;
  return path.posix.resolve(normalise(call.cwd), forward);
}
