import { classifyTarget, type PathClass } from "./classify-path.js";
import { readWords, writeWords } from "../shell/command-paths.js";
import type { CommandAnalysis, CommandContext, RuleHit, RuleInfo, SimpleCommand } from "../command-types.js";
import type { PathAccess, PathRule, ProtectedPaths } from "./protected-paths.js";
import type { ReadStatus, StatusQuery, WorkTreeStatus } from "../read-git-status.js";
import { assessRecoverability, type Discard, type Recoverability } from "./recoverability.js";
import { viewPath, type PathView } from "./remote-context.js";
import { isDynamic, isGlob, resolveWord } from "../shell/resolve-word.js";

/** A catalogue entry that looks at one simple command (with its pipeline and analysis around it). */
export interface CommandRule extends RuleInfo {
  check(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined;
}

/** Reads a local file by absolute path; undefined when it is missing, unreadable or too large to read. */
export type ReadText = (abs: string) => string | undefined;

/** What rules may ask about a command beyond its own fields; computed lazily, once per command. */
export interface RuleContext {
  readonly ctx: CommandContext;
  readonly analysis: CommandAnalysis;
  /** Commands before this one in its pipeline. */
  upstream(cmd: SimpleCommand): readonly SimpleCommand[];
  /** The protected-path rules hit by the files the command reads / writes. */
  pathHits(cmd: SimpleCommand, access: PathAccess): readonly { rule: PathRule; word: string }[];
  /** Where a target word lands, against the command's cwd (on its own side, for a remote command). */
  classify(word: string, cmd: SimpleCommand): { path: string; cls: PathClass } | undefined;
  resolve(word: string, cmd: SimpleCommand): string | undefined;
  /** The protected-path rules one word of the command hits. */
  protects(word: string, cmd: SimpleCommand, access: PathAccess): readonly PathRule[];
  /** The text of a local file the command names (`psql -f drop.sql`); undefined for a remote command or a file that cannot be read. */
  readFile(word: string, cmd: SimpleCommand): string | undefined;
  /** What the command reads on stdin, when it is known: literal text, else the local file fed to it. */
  readStdin(cmd: SimpleCommand): string | undefined;
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

/** What rules may ask of the world beyond the command (injected: tests use a real repository or no files). */
export interface RuleWorld {
  readonly readStatus: ReadStatus;
  readonly readText: ReadText;
}

export function createRuleContext(analysis: CommandAnalysis, ctx: CommandContext, paths: ProtectedPaths, world: RuleWorld): RuleContext {
  const cache = new Map<string, readonly { rule: PathRule; word: string }[]>();
  const statuses = new Map<string, WorkTreeStatus>();
  const notes: RecoverabilityNote[] = [];
  const texts = new Map<string, string | undefined>();
  const resolve = (word: string, cmd: SimpleCommand): string | undefined => {
    const view = viewPath(word, cmd, ctx);
    return resolveWord(view.word, view.cwd, view.ctx.home);
  };
  const read = (abs: string): string | undefined => {
    if (!texts.has(abs)) texts.set(abs, world.readText(abs));
    return texts.get(abs);
  };
  let pipelines: Map<number, SimpleCommand[]> | undefined;
  const members = (pipeline: number): readonly SimpleCommand[] => {
    if (pipelines == null) {
      pipelines = new Map();
      for (const c of analysis.commands) pipelines.set(c.pipeline, [...(pipelines.get(c.pipeline) ?? []), c]);
    }
    return pipelines.get(pipeline) ?? [];
  };
  const protects = (word: string, cmd: SimpleCommand, access: PathAccess): readonly PathRule[] => {
    const view = viewPath(word, cmd, ctx);
    if (view.scratch) return [];
    const found = protectedBy(view, cmd, access);
    // The guard's own config and records are on this machine: a remote `.claude` or `.warden` is not them.
    return view.local ? found : found.filter((rule) => rule.category !== "guard-tampering");
  };
  const protectedBy = (view: PathView, cmd: SimpleCommand, access: PathAccess): readonly PathRule[] => {
    if (isDynamic(view.word)) return [];
    const abs = resolveWord(view.word, view.cwd, view.ctx.home);
    if (abs == null) return [];
    const home = view.ctx.home;
    if (isGlob(view.word)) return paths.matchGlob(abs, access, home);
    const exact = paths.match(abs, access, home);
    return exact.length > 0 || !RECURSIVE_READERS.has(cmd.name) ? exact : paths.matchInside(abs, access, home);
  };
  return {
    ctx,
    protects,
    analysis,
    upstream: (cmd) => (cmd.stage === 0 ? [] : members(cmd.pipeline).filter((c) => c.stage < cmd.stage)),
    resolve,
    classify: (word, cmd) => {
      const view = viewPath(word, cmd, ctx);
      const found = classifyTarget(view.word, view.cwd, view.ctx);
      // A new container's own files are a copy of its image, gone with it.
      return view.scratch && found != null ? { ...found, cls: "temp" } : found;
    },
    recoverabilityNotes: notes,
    recoverability(cmd, where, discard) {
      let status: WorkTreeStatus;
      // Git here knows nothing of files on another machine.
      if (cmd.remote != null) status = { known: false, why: `the files are on ${cmd.remote}` };
      else if ("unknown" in where) status = { known: false, why: where.unknown };
      else {
        const key = [where.dir, ...where.pathspecs].join("\0");
        status = statuses.get(key) ?? world.readStatus(where);
        statuses.set(key, status);
      }
      const answer = assessRecoverability(status, discard);
      if (!notes.some((n) => n.command === cmd.index && n.note === answer.note))
        notes.push({ command: cmd.index, state: answer.state, note: answer.note });
      return answer;
    },
    readFile(word, cmd) {
      if (cmd.remote != null || isDynamic(word)) return undefined;
      const abs = resolve(word, cmd);
      return abs == null ? undefined : read(abs);
    },
    readStdin: (cmd) => cmd.stdinText ?? (cmd.stdinFile == null ? undefined : read(cmd.stdinFile)),
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
