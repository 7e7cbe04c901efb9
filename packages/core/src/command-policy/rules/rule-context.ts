import { classifyTarget, type PathClass } from "./classify-path.js";
import { readWords, writeWords } from "../shell/command-paths.js";
import type { CommandAnalysis, CommandContext, RuleHit, RuleInfo, SimpleCommand } from "../command-types.js";
import type { PathAccess, PathRule, ProtectedPaths } from "./protected-paths.js";
import type { ReadStatus, StatusQuery, WorkTreeStatus } from "../read-git-status.js";
import { assessRecoverability, type Discard, type Recoverability } from "./recoverability.js";
import { isDynamic, isGlob, resolveWord } from "../shell/resolve-word.js";

/** A catalogue entry that looks at one simple command (with its pipeline and analysis around it). */
export interface CommandRule extends RuleInfo {
  check(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined;
}

/** What rules may ask about a command beyond its own fields; computed lazily, once per command. */
export interface RuleContext {
  readonly ctx: CommandContext;
  readonly analysis: CommandAnalysis;
  /** Commands before this one in its pipeline. */
  upstream(cmd: SimpleCommand): readonly SimpleCommand[];
  /** The protected-path rules hit by the files the command reads / writes. */
  pathHits(cmd: SimpleCommand, access: PathAccess): readonly { rule: PathRule; word: string }[];
  /** Where a target word lands, against the command's cwd. */
  classify(word: string, cmd: SimpleCommand): { path: string; cls: PathClass } | undefined;
  resolve(word: string, cmd: SimpleCommand): string | undefined;
  /** The protected-path rules one word of the command hits. */
  protects(word: string, cmd: SimpleCommand, access: PathAccess): readonly PathRule[];
  /**
   * Whether what the command discards at `where` can be got back, from git. One `git status` per
   * distinct query of the command line, run only when a rule asks; every answer is kept for explain.
   */
  recoverability(cmd: SimpleCommand, where: StatusQuery | { readonly unknown: string }, discard: Discard): Recoverability;
  /** The recoverability answers given so far, by command. */
  readonly recoverabilityNotes: readonly RecoverabilityNote[];
}

export interface RecoverabilityNote {
  /** Index of the simple command in the analysis. */
  readonly command: number;
  readonly state: Recoverability["state"];
  readonly note: string;
}

/** Commands that take whole directories with them: archivers, recursive copies and searches. */
const RECURSIVE_READERS = new Set(["tar", "zip", "7z", "7za", "cp", "rsync", "scp", "sftp", "rclone", "grep", "egrep", "rg", "ag", "ack"]);

export function createRuleContext(
  analysis: CommandAnalysis,
  ctx: CommandContext,
  paths: ProtectedPaths,
  readStatus: ReadStatus,
): RuleContext {
  const cache = new Map<string, readonly { rule: PathRule; word: string }[]>();
  const statuses = new Map<string, WorkTreeStatus>();
  const notes: RecoverabilityNote[] = [];
  const resolve = (word: string, cmd: SimpleCommand): string | undefined => resolveWord(word, cmd.cwd, ctx.home);
  let pipelines: Map<number, SimpleCommand[]> | undefined;
  const members = (pipeline: number): readonly SimpleCommand[] => {
    if (pipelines == null) {
      pipelines = new Map();
      for (const c of analysis.commands) pipelines.set(c.pipeline, [...(pipelines.get(c.pipeline) ?? []), c]);
    }
    return pipelines.get(pipeline) ?? [];
  };
  const protects = (word: string, cmd: SimpleCommand, access: PathAccess): readonly PathRule[] => {
    if (isDynamic(word)) return [];
    const abs = resolve(word, cmd);
    if (abs == null) return [];
    if (isGlob(word)) return paths.matchGlob(abs, access, ctx.home);
    const exact = paths.match(abs, access, ctx.home);
    return exact.length > 0 || !RECURSIVE_READERS.has(cmd.name) ? exact : paths.matchInside(abs, access, ctx.home);
  };
  return {
    ctx,
    protects,
    analysis,
    upstream: (cmd) => (cmd.stage === 0 ? [] : members(cmd.pipeline).filter((c) => c.stage < cmd.stage)),
    resolve,
    classify: (word, cmd) => classifyTarget(word, cmd.cwd, ctx),
    recoverabilityNotes: notes,
    recoverability(cmd, where, discard) {
      let status: WorkTreeStatus;
      if ("unknown" in where) status = { known: false, why: where.unknown };
      else {
        const key = [where.dir, ...where.pathspecs].join("\0");
        status = statuses.get(key) ?? readStatus(where);
        statuses.set(key, status);
      }
      const answer = assessRecoverability(status, discard);
      if (!notes.some((n) => n.command === cmd.index && n.note === answer.note))
        notes.push({ command: cmd.index, state: answer.state, note: answer.note });
      return answer;
    },
    pathHits(cmd, access) {
      const key = `${cmd.index}:${access}`;
      const known = cache.get(key);
      if (known != null) return known;
      const hits: { rule: PathRule; word: string }[] = [];
      for (const word of access === "read" ? readWords(cmd) : writeWords(cmd)) {
        for (const rule of protects(word, cmd, access)) hits.push({ rule, word });
      }
      cache.set(key, hits);
      return hits;
    },
  };
}
