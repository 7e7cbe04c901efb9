import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { decisionOf, makeSandbox, readJsonl, runCliProcess, runHookProcess, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

/**
 * A real git repository in a sandboxed project, and sessions driven through the built hooks as
 * Claude Code 2.1.197 would drive them: each tool call is PreToolUse, then the tool's real effect
 * (the file written, the command run) done by the test, then PostToolUse or PostToolUseFailure.
 * A person's part (edits, commits, amends, rebases) is plain git with no hook in between.
 */

/** A line of `warden blame --json`. */
export interface BlameLine {
  readonly line: number;
  readonly text: string;
  readonly origin: string;
  readonly commit: string | null;
  readonly session_id: string | null;
  readonly model: string | null;
  readonly tool_name: string | null;
  readonly prompt_id: string | null;
  readonly prompt: string | null;
}

export interface World {
  /** The sandbox, its project being where Claude Code runs (see `project`). */
  readonly box: Sandbox;
  readonly repo: string;
  /** Where Claude Code runs (CLAUDE_PROJECT_DIR, the hooks' and the CLI's cwd, home of .warden): the repository or a folder in it. */
  readonly project: string;
  /** Runs git in the repository as the person would; throws with git's words when it fails. */
  git(...args: string[]): string;
  /** Runs git with extra environment (a fixed date, an editor). */
  gitWith(env: Record<string, string>, ...args: string[]): string;
  /** Writes a file of the repository by hand (no hook sees it). */
  writeByHand(file: string, content: string): void;
  read(file: string): string;
  /** A session; with `transcript`, its payloads name a real transcript that `respond` appends to. */
  session(id: string, options?: { readonly transcript?: boolean }): Session;
  /** `warden ARGS` run in `cwd` (default: the project), its JSON output parsed; throws when it fails. */
  warden(args: string[], cwd?: string): Promise<unknown>;
  /** `warden blame --json` of a file (a path from the repository's root), run in the project. */
  blame(file: string, ...args: string[]): Promise<BlameLine[]>;
  why(target: string): Promise<Record<string, unknown>>;
  /** The Warden note on a commit as git shows it; undefined when there is none. */
  note(rev: string): string | undefined;
  records(sessionId: string): Array<Record<string, unknown>>;
  checkpoints(sessionId: string): Array<Record<string, unknown>>;
  cleanup(): void;
}

export interface Session {
  readonly id: string;
  start(): Promise<void>;
  prompt(text: string): Promise<void>;
  /** A Write of a new file: the file is on disk between PreToolUse and PostToolUse. */
  write(file: string, content: string): Promise<void>;
  /** An Edit replacing `oldString` (within one line) by `newString`. */
  edit(file: string, oldString: string, newString: string): Promise<void>;
  /** A Bash call: the command runs for real unless the guard denies it; returns the decision ("allow" when none). */
  bash(command: string): Promise<string>;
  /** One API response of the model, appended to the session's transcript as Claude Code writes it. */
  respond(usage: { readonly input: number; readonly output: number }): void;
}

/** The model every transcript response names. */
export const MODEL = "claude-sonnet-4-5-20250929";

const GITCONFIG = "[user]\n\tname = Dev Person\n\temail = dev@example.com\n[init]\n\tdefaultBranch = main\n";

export interface WorldOptions {
  /**
   * How the project starts: a repository of its own (default), no repository (`git init` left to the
   * test), or a linked worktree (branch `work`) of a repository beside it that has one commit.
   */
  readonly repository?: "own" | "none" | "worktree";
  /** The folder of the repository Claude Code runs in, as in a monorepo (default: the repository itself). */
  readonly claudeIn?: string;
}

export function makeWorld(options: WorldOptions = {}): World {
  const box = makeSandbox();
  // The person's git identity, as a developer machine has it: the hooks' own git calls (the note's commit) use it too.
  fs.writeFileSync(path.join(box.home, ".gitconfig"), GITCONFIG);
  box.env.GIT_CONFIG_NOSYSTEM = "1";
  const repo = box.project;
  const gitIn = (cwd: string, env: Record<string, string>, ...args: string[]) => {
    const result = spawnSync("git", args, { cwd, env: { ...box.env, ...env }, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
    return result.stdout;
  };
  const gitWith = (env: Record<string, string>, ...args: string[]) => gitIn(repo, env, ...args);
  const git = (...args: string[]) => gitWith({}, ...args);
  if (options.repository === "worktree") {
    const main = path.join(path.dirname(repo), "main");
    const inMain = (...args: string[]) => gitIn(main, {}, ...args);
    fs.mkdirSync(main);
    inMain("init", "-q");
    fs.writeFileSync(path.join(main, "README.md"), "# app\n");
    inMain("add", "-A");
    inMain("commit", "-q", "-m", "Start the app");
    fs.rmdirSync(repo);
    inMain("worktree", "add", "-q", "-b", "work", repo);
  } else if (options.repository !== "none") git("init", "-q");
  const project = path.join(repo, options.claudeIn ?? "");
  fs.mkdirSync(project, { recursive: true });
  const claude: Sandbox =
    project === repo
      ? box
      : { ...box, project, wardenDir: path.join(project, ".warden"), env: { ...box.env, CLAUDE_PROJECT_DIR: project } };
  let tool = 0;
  const session = (id: string, sessionOptions: { readonly transcript?: boolean } = {}): Session => {
    const s = { sessionId: id, cwd: project };
    const transcript = path.join(box.home, ".claude", "projects", project.replace(/[^a-zA-Z0-9]/g, "-"), `${id}.jsonl`);
    const withTranscript = (payload: object) => (sessionOptions.transcript ? { ...payload, transcript_path: transcript } : payload);
    let responses = 0;
    const hook = async (payload: object) => {
      const result = await runHookProcess("post-tool-guard", withTranscript(payload), claude);
      if (result.code !== 0) throw new Error(`post-tool-guard exited ${result.code}: ${result.stderr}`);
      return result;
    };
    return {
      id,
      start: async () => {
        await runHookProcess("session-start", withTranscript(p.sessionStart(s)), claude);
      },
      prompt: async (text) => {
        await hook(p.userPromptSubmit(s, text));
      },
      write: async (file, content) => {
        const toolUseId = `toolu_w${++tool}`;
        const input = p.writeInput(path.join(repo, file), content);
        await hook(p.preToolUse(s, "Write", input, toolUseId));
        fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
        fs.writeFileSync(path.join(repo, file), content);
        await hook(p.postToolUse(s, "Write", input, p.writeResponse(input.file_path, content), toolUseId));
      },
      edit: async (file, oldString, newString) => {
        const toolUseId = `toolu_e${++tool}`;
        const absolute = path.join(repo, file);
        const input = p.editInput(absolute, oldString, newString);
        await hook(p.preToolUse(s, "Edit", input, toolUseId));
        const original = fs.readFileSync(absolute, "utf8");
        fs.writeFileSync(absolute, original.replace(oldString, newString));
        await hook(p.postToolUse(s, "Edit", input, p.editResponse(absolute, original, oldString, newString), toolUseId));
      },
      bash: async (command) => {
        const toolUseId = `toolu_b${++tool}`;
        const input = p.bashInput(command);
        const pre = await hook(p.preToolUse(s, "Bash", input, toolUseId));
        const decision = pre.stdout.trim() === "" ? "allow" : String(decisionOf(pre));
        if (decision === "deny") return decision;
        const run = spawnSync("bash", ["-c", command], { cwd: project, env: box.env, encoding: "utf8" });
        await hook(
          run.status === 0
            ? p.postToolUse(s, "Bash", input, p.bashResponse(run.stdout.trimEnd(), run.stderr.trimEnd()), toolUseId)
            : p.postToolUseFailure(s, "Bash", input, `Exit code ${run.status}\n${run.stderr}${run.stdout}`.trimEnd(), toolUseId),
        );
        return decision;
      },
      respond: (usage) => {
        fs.mkdirSync(path.dirname(transcript), { recursive: true });
        fs.appendFileSync(transcript, `${JSON.stringify(assistantLine(id, project, ++responses, usage))}\n`);
      },
    };
  };
  const cli = async (args: string[], cwd = project) => {
    const result = await runCliProcess(args, { ...claude, project: cwd });
    if (result.code !== 0) throw new Error(`warden ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
    const parsed: unknown = JSON.parse(result.stdout);
    return parsed;
  };
  const records = (id: string) => readJsonl(path.join(claude.wardenDir, "sessions", `${id}.jsonl`));
  return {
    box: claude,
    repo,
    project,
    git,
    gitWith,
    writeByHand: (file, content) => {
      fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      fs.writeFileSync(path.join(repo, file), content);
    },
    read: (file) => fs.readFileSync(path.join(repo, file), "utf8"),
    session,
    warden: cli,
    blame: async (file, ...args) => blameLines(await cli(["blame", path.join(repo, file), "--json", ...args])),
    why: async (target) => objectOf(await cli(["why", target, "--json"])),
    note: (rev) => {
      const result = spawnSync("git", ["notes", "--ref", "refs/notes/warden", "show", rev], { cwd: repo, env: box.env, encoding: "utf8" });
      return result.status === 0 ? result.stdout : undefined;
    },
    records,
    checkpoints: (id) => records(id).filter((r) => r.type === "checkpoint"),
    cleanup: () => box.cleanup(),
  };
}

function objectOf(value: unknown): Record<string, unknown> {
  if (value == null || typeof value !== "object" || Array.isArray(value)) throw new Error(`not a JSON object: ${JSON.stringify(value)}`);
  return { ...value };
}

export function blameLines(value: unknown): BlameLine[] {
  if (!Array.isArray(value)) throw new Error(`warden blame --json gave no array: ${JSON.stringify(value).slice(0, 200)}`);
  return value.map((line) => {
    const l = objectOf(line);
    const text = (key: string) => (typeof l[key] === "string" ? l[key] : null);
    return {
      line: Number(l.line),
      text: String(l.text),
      origin: String(l.origin),
      commit: text("commit"),
      session_id: text("session_id"),
      model: text("model"),
      tool_name: text("tool_name"),
      prompt_id: text("prompt_id"),
      prompt: text("prompt"),
    };
  });
}

/** Each line's origin, in order: the shape most tests compare. */
export const originsOf = (lines: readonly BlameLine[]) => lines.map((l) => l.origin);

/** A date long before any session: history the repository had before Warden. */
export const OLD_DATE = "2020-01-02T03:04:05Z";

/** The repository's first commit, made by a person years before Warden came. */
export function commitHistory(world: World): string {
  world.writeByHand("README.md", "# app\n\nA small app.\n");
  world.git("add", "-A");
  world.gitWith({ GIT_AUTHOR_DATE: OLD_DATE, GIT_COMMITTER_DATE: OLD_DATE }, "commit", "-q", "-m", "Start the app");
  return head(world);
}

export const head = (world: World, rev = "HEAD") => world.git("rev-parse", rev).trim();

export const GREET = "src/greet.ts";
export const GREET_TEXT = [
  "export function greet(name: string): string {",
  "  const greeting = `Hello, ${name}`;",
  "  return greeting;",
  "}",
  "",
].join("\n");
export const PROMPT = "Add a greet function to src/greet.ts and commit it";

/**
 * A session that writes src/greet.ts, edits one of its lines and commits it through Bash: the
 * commit every test of a rewrite or a later edit starts from. Returns the commit.
 */
export async function commitBySession(world: World, session: Session): Promise<string> {
  await session.start();
  await session.prompt(PROMPT);
  await session.write(GREET, GREET_TEXT.replace("return greeting;", "return greeting + '';"));
  await session.edit(GREET, "return greeting + '';", "return greeting;");
  await session.bash(`git add -A && git commit -q -m 'Add greet'`);
  return head(world);
}

/** An assistant line of a Claude Code transcript: one text response with its usage. */
function assistantLine(sessionId: string, cwd: string, n: number, usage: { readonly input: number; readonly output: number }) {
  const id = `${sessionId.slice(0, 8)}${String(n).padStart(4, "0")}`;
  return {
    parentUuid: null,
    isSidechain: false,
    type: "assistant",
    message: {
      id: `msg_${id}`,
      type: "message",
      role: "assistant",
      model: MODEL,
      content: [{ type: "text", text: "Done." }],
      stop_reason: "end_turn",
      usage: { input_tokens: usage.input, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: usage.output },
    },
    requestId: `req_${id}`,
    uuid: `${id}-0000-4000-8000-000000000000`,
    timestamp: new Date().toISOString(),
    sessionId,
    cwd,
  };
}
