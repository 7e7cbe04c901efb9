import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProcessResult } from "../support/hook-process.js";
import {
  errorsLogText,
  createTempWorld,
  initGitProject,
  installWarden,
  readSessionFile,
  recordsOfType,
  runClaude,
  scriptByStep,
  startStandIn,
  sumModelUsage,
  sumUsage,
  wardenDirOf,
  type ClaudeRun,
  type GitProject,
  type JsonRecord,
  type StandIn,
  type TempWorld,
} from "./support/index.js";
import { isRecord, recordField, recordsOf, tryParseJson } from "./support/json-guards.js";

/**
 * Provenance end to end: the real Claude Code 2.1.197, in a git repository wired by
 * `warden install --project`, writes app.js with Write and Edit and commits it with `git commit`
 * through Bash. `warden blame`, `warden why` and the notes under refs/notes/warden must then name
 * that session, its model and its prompt; a person's amend and commit afterwards must show as theirs.
 */

/** Claude Code's cost and Warden's may differ by float rounding only: well under a micro-dollar. */
const COST_TOLERANCE_USD = 0.000001;
const NOTES_REF = "refs/notes/warden";
const ALLOWED_TOOLS = ["Bash", "Read", "Write", "Edit"];

/**
 * The reply after the last commit is in no commit's segment; scripted free, it leaves Claude Code's
 * own totals equal to what the segments up to the commit must hold.
 */
const FREE = { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, ephemeral5mInputTokens: 0, ephemeral1hInputTokens: 0 };

const LOG_LINE = "console.log(add(1, 2));";
const WRITTEN = ["export function add(a, b) {", "  return a + b;", "}", LOG_LINE];
const EDITED_LINE = "console.log(add(2, 3));";
const COMMITTED = [...WRITTEN.slice(0, 3), EDITED_LINE];
/** The call that last wrote each committed line. */
const COMMITTED_BY = ["Write", "Write", "Write", "Edit"];
const PERSON_TOP_LINE = "// Reviewed by a person.";
const PERSON_LAST_LINE = "console.log(add(5, 8));";

const text = (lines: readonly string[]): string => `${lines.join("\n")}\n`;
const json = (result: ProcessResult): unknown => tryParseJson(result.stdout);

/** `metadata.warden` of an Agent Trace note. */
function wardenMetadataOf(note: unknown): JsonRecord | undefined {
  const metadata = isRecord(note) ? recordField(note, "metadata") : undefined;
  return metadata == null ? undefined : recordField(metadata, "warden");
}

/** The part of `warden why --json` about one session. */
function sessionPart(why: unknown, sessionId: string): JsonRecord | undefined {
  return recordsOf(isRecord(why) ? why["sessions"] : undefined).find((part) => part["session_id"] === sessionId);
}

function segmentOf(why: unknown, sessionId: string): JsonRecord | undefined {
  const part = sessionPart(why, sessionId);
  return part == null ? undefined : recordField(part, "segment");
}

/** What a blamed line should say when a person brought it in `commit`. */
const personLine = (line: number, lineText: string, commit: string) => ({
  line,
  text: lineText,
  origin: "human",
  commit,
  session_id: null,
  model: null,
  tool_name: null,
  prompt_id: null,
  prompt: null,
});

/** What every AI line of a session names: the session, the model it ran, its prompt. */
interface AiLineContext {
  readonly sessionId: string;
  readonly model: string;
  readonly promptId: string;
  readonly prompt: string;
}

/** The session as Claude Code and the stand-in know it: its id, the model requested, its one prompt. */
function aiLineContext(run: ClaudeRun, standIn: StandIn, records: readonly JsonRecord[], prompt: string): AiLineContext {
  return {
    sessionId: run.result.session_id,
    model: standIn.exchanges[0]?.request.model ?? "no request",
    promptId: String(recordsOfType(records, "prompt")[0]?.["prompt_id"]),
    prompt,
  };
}

/** What a blamed line should say when the session's `toolName` call wrote it and `commit` brought it. */
const aiLine = (context: AiLineContext, line: number, lineText: string, toolName: string, commit: string) => ({
  line,
  text: lineText,
  origin: "ai",
  commit,
  session_id: context.sessionId,
  model: context.model,
  tool_name: toolName,
  prompt_id: context.promptId,
  prompt: context.prompt,
});

describe("a session writes app.js and commits it; a person amends the commit, then adds a commit", () => {
  const PROMPT = "Write app.js with an add function, then commit it.";
  const FINAL_TEXT = "Committed app.js.";
  let world: TempWorld;
  let repo: GitProject;
  let standIn: StandIn;
  let run: ClaudeRun;
  let sessionRecords: readonly JsonRecord[];
  let context: AiLineContext;
  /** After the session: its commit, the notes ref, blame and why. */
  let sessionCommit: string;
  let committedFiles: string;
  let statusAfterSession: string;
  let notesRef: { status: number | null; stdout: string };
  let note: unknown;
  let blameAfterSession: ProcessResult;
  let whyAfterSession: ProcessResult;
  /** After the person's `commit --amend -a`. */
  let amendedCommit: string;
  let blameAfterAmend: ProcessResult;
  let whyAfterAmend: ProcessResult;
  /** After the person's own commit. */
  let personCommit: string;
  let blameAfterPersonCommit: ProcessResult;
  let whyAfterPersonCommit: ProcessResult;

  const app = (): string => path.join(world.projectDir, "app.js");
  const commitCallIndex = (): number =>
    standIn.exchanges.findIndex(
      (exchange) =>
        !("error" in exchange.response) && exchange.response.content.some((block) => block.type === "tool_use" && block.name === "Bash"),
    );

  beforeAll(async () => {
    world = createTempWorld("warden-provenance-");
    repo = initGitProject(world);
    await installWarden(world.projectDir, world.home);
    standIn = await startStandIn(
      scriptByStep({
        main: [
          { text: "Writing app.js.", toolUses: [{ name: "Write", input: { file_path: app(), content: text(WRITTEN) } }] },
          { toolUses: [{ name: "Edit", input: { file_path: app(), old_string: LOG_LINE, new_string: EDITED_LINE } }] },
          { toolUses: [{ name: "Bash", input: { command: 'git add app.js && git commit -m "Add app"', description: "Commit app.js" } }] },
          { text: FINAL_TEXT, usage: FREE },
        ],
      }),
    );
    run = await runClaude({
      projectDir: world.projectDir,
      home: world.home,
      standInUrl: standIn.url,
      prompt: PROMPT,
      allowedTools: ALLOWED_TOOLS,
      env: repo.env,
    });
    sessionRecords = readSessionFile(wardenDirOf(world.projectDir), run.result.session_id).records;
    context = aiLineContext(run, standIn, sessionRecords, PROMPT);

    sessionCommit = repo.git("rev-parse", "HEAD").trim();
    committedFiles = repo.git("show", "--name-only", "--format=", "HEAD");
    statusAfterSession = repo.git("status", "--porcelain");
    notesRef = repo.tryGit("show-ref", NOTES_REF);
    note = tryParseJson(repo.git("notes", "--ref", NOTES_REF, "show", "HEAD"));
    blameAfterSession = await repo.warden("blame", "app.js", "--json");
    whyAfterSession = await repo.warden("why", "HEAD", "--json");

    // The person, outside Claude Code: a line at the top, folded into the session's commit.
    fs.writeFileSync(app(), text([PERSON_TOP_LINE, ...COMMITTED]));
    repo.git("commit", "-q", "--amend", "-a", "--no-edit");
    amendedCommit = repo.git("rev-parse", "HEAD").trim();
    blameAfterAmend = await repo.warden("blame", "app.js", "--json");
    whyAfterAmend = await repo.warden("why", "HEAD", "--json");

    // Then a commit of their own.
    fs.appendFileSync(app(), `${PERSON_LAST_LINE}\n`);
    repo.git("commit", "-q", "-a", "-m", "Log one more sum");
    personCommit = repo.git("rev-parse", "HEAD").trim();
    blameAfterPersonCommit = await repo.warden("blame", "app.js", "--json");
    whyAfterPersonCommit = await repo.warden("why", "HEAD", "--json");
  }, 120_000);

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("runs the session to completion with the scripted final text", () => {
    expect({ exitCode: run.exitCode, result: run.result.result, scriptErrors: standIn.scriptErrors }).toEqual({
      exitCode: 0,
      result: FINAL_TEXT,
      scriptErrors: [],
    });
  });

  it("commits app.js alone: .warden is ignored by its own .gitignore, .claude is left untracked", () => {
    expect({ committedFiles, statusAfterSession }).toEqual({ committedFiles: "app.js\n", statusAfterSession: "?? .claude/\n" });
  });

  it("creates the notes ref refs/notes/warden", () => {
    expect(notesRef).toEqual({ status: 0, stdout: expect.stringMatching(/^[0-9a-f]{40} refs\/notes\/warden\n$/) });
  });

  it("writes a note on the commit naming the committing session and the commit", () => {
    expect(wardenMetadataOf(note)).toMatchObject({
      commit: sessionCommit,
      committed_by_session: run.result.session_id,
    });
  });

  it("appends one checkpoint to the session's records, for the commit, with its note written", () => {
    const checkpoints = recordsOfType(sessionRecords, "checkpoint");
    expect(checkpoints.map((c) => [c["commit"], c["amend_of"], c["note"], c["lines"]])).toEqual([
      [sessionCommit, null, "written", { added: 4, ai: 4, mixed: 0, human: 0, unknown: 0 }],
    ]);
  });

  it("blames every committed line on the session: ai, its session id, model, tool and the prompt given to claude -p", () => {
    expect({ code: blameAfterSession.code, stderr: blameAfterSession.stderr, lines: json(blameAfterSession) }).toEqual({
      code: 0,
      stderr: "",
      lines: COMMITTED.map((line, i) => aiLine(context, i + 1, line, COMMITTED_BY[i] ?? "", sessionCommit)),
    });
  });

  it("tells in warden why that the session committed the commit and wrote its lines, with its prompt", () => {
    const why = json(whyAfterSession);
    expect({ why, part: sessionPart(why, run.result.session_id) }).toMatchObject({
      why: {
        commit: sessionCommit,
        subject: "Add app",
        noted: true,
        rewritten_from: null,
        lines: { added: 4, ai: 4, mixed: 0, human: 0, unknown: 0, ai_share: 1 },
        sessions: [expect.objectContaining({ session_id: run.result.session_id })],
        findings: [],
      },
      part: { roles: ["committed", "wrote"], models: [context.model], prompts: [{ prompt_id: context.promptId, text: PROMPT }] },
    });
  });

  it("lists the segment's calls in warden why: the Write, the Edit and the committing Bash, all allowed", () => {
    const calls = recordsOf(sessionPart(json(whyAfterSession), run.result.session_id)?.["calls"]);
    expect(calls.map((call) => [call["tool_name"], call["verdict"]])).toEqual([
      ["Write", "allowed"],
      ["Edit", "allowed"],
      ["Bash", "allowed"],
    ]);
  });

  it("counts in the segment the tokens of every response up to the one that ran the commit, as the API sent them", () => {
    const upToCommit = sumUsage(standIn.exchanges.slice(0, commitCallIndex() + 1));
    expect(segmentOf(json(whyAfterSession), run.result.session_id)?.["tokens"]).toEqual({
      input: upToCommit.inputTokens,
      output: upToCommit.outputTokens,
      cache_write: upToCommit.cacheCreationInputTokens,
      cache_read: upToCommit.cacheReadInputTokens,
    });
  });

  it("gives the segment Claude Code's own tokens and cost, the reply after the commit being free", () => {
    const segment = segmentOf(json(whyAfterSession), run.result.session_id);
    const tokens = sumModelUsage(run.result.modelUsage);
    const cost = Number(segment?.["cost_usd"]);
    expect({
      tokens: segment?.["tokens"],
      positive: run.result.total_cost_usd > 0,
      within: Math.abs(cost - run.result.total_cost_usd) < COST_TOLERANCE_USD,
    }).toEqual({
      tokens: {
        input: tokens.inputTokens,
        output: tokens.outputTokens,
        cache_write: tokens.cacheCreationInputTokens,
        cache_read: tokens.cacheReadInputTokens,
      },
      positive: true,
      within: true,
    });
  });

  it("blames the line the person added in the amend on them, and the session's lines still on the session", () => {
    expect({ code: blameAfterAmend.code, lines: json(blameAfterAmend) }).toEqual({
      code: 0,
      lines: [
        personLine(1, PERSON_TOP_LINE, amendedCommit),
        ...COMMITTED.map((line, i) => aiLine(context, i + 2, line, COMMITTED_BY[i] ?? "", amendedCommit)),
      ],
    });
  });

  it("tells in warden why that the amended commit's note was carried from the session's commit", () => {
    expect(json(whyAfterAmend)).toMatchObject({
      commit: amendedCommit,
      noted: true,
      rewritten_from: sessionCommit,
      lines: { added: 5, ai: 4, mixed: 0, human: 1, unknown: 0 },
      sessions: [expect.objectContaining({ session_id: run.result.session_id, roles: ["committed", "wrote"] })],
    });
  });

  it("blames the line of the person's own commit on them, the earlier lines unchanged", () => {
    expect({ code: blameAfterPersonCommit.code, lines: json(blameAfterPersonCommit) }).toEqual({
      code: 0,
      lines: [
        personLine(1, PERSON_TOP_LINE, amendedCommit),
        ...COMMITTED.map((line, i) => aiLine(context, i + 2, line, COMMITTED_BY[i] ?? "", amendedCommit)),
        personLine(6, PERSON_LAST_LINE, personCommit),
      ],
    });
  });

  it("tells in warden why that no session is behind the person's commit and its line is human", () => {
    expect(json(whyAfterPersonCommit)).toMatchObject({
      commit: personCommit,
      noted: false,
      rewritten_from: null,
      lines: { added: 1, ai: 0, mixed: 0, human: 1, unknown: 0 },
      sessions: [],
    });
  });

  it("logs no internal error", () => {
    expect(errorsLogText(wardenDirOf(world.projectDir))).toBe("");
  });
});

describe("a session commits, then amends its own commit through Bash", () => {
  const PROMPT = "Write app.js, commit it, then add a line and amend the commit.";
  const ADDED_LINE = "console.log(add(3, 4));";
  let world: TempWorld;
  let repo: GitProject;
  let standIn: StandIn;
  let run: ClaudeRun;
  let sessionRecords: readonly JsonRecord[];
  let context: AiLineContext;
  let firstCommit: string;
  let head: string;
  let blame: ProcessResult;
  let why: ProcessResult;

  const app = (): string => path.join(world.projectDir, "app.js");
  const checkpoints = (): JsonRecord[] => recordsOfType(sessionRecords, "checkpoint");

  beforeAll(async () => {
    world = createTempWorld("warden-provenance-amend-");
    repo = initGitProject(world);
    await installWarden(world.projectDir, world.home);
    standIn = await startStandIn(
      scriptByStep({
        main: [
          { toolUses: [{ name: "Write", input: { file_path: app(), content: text(WRITTEN) } }] },
          { toolUses: [{ name: "Bash", input: { command: 'git add app.js && git commit -m "Add app"', description: "Commit app.js" } }] },
          { toolUses: [{ name: "Edit", input: { file_path: app(), old_string: LOG_LINE, new_string: `${LOG_LINE}\n${ADDED_LINE}` } }] },
          { toolUses: [{ name: "Bash", input: { command: 'git commit --amend -a -m "Add the app"', description: "Amend the commit" } }] },
          { text: "Amended.", usage: FREE },
        ],
      }),
    );
    run = await runClaude({
      projectDir: world.projectDir,
      home: world.home,
      standInUrl: standIn.url,
      prompt: PROMPT,
      allowedTools: ALLOWED_TOOLS,
      env: repo.env,
    });
    sessionRecords = readSessionFile(wardenDirOf(world.projectDir), run.result.session_id).records;
    context = aiLineContext(run, standIn, sessionRecords, PROMPT);
    head = repo.git("rev-parse", "HEAD").trim();
    // The reflog's entry before the amend: the commit the session made first.
    firstCommit = repo.git("rev-parse", "HEAD@{1}").trim();
    blame = await repo.warden("blame", "app.js", "--json");
    why = await repo.warden("why", "HEAD", "--json");
  }, 120_000);

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("runs the session to completion", () => {
    expect({ exitCode: run.exitCode, result: run.result.result, scriptErrors: standIn.scriptErrors }).toEqual({
      exitCode: 0,
      result: "Amended.",
      scriptErrors: [],
    });
  });

  it("appends a checkpoint per commit; the amend's names the commit it replaced in amend_of", () => {
    expect(checkpoints().map((c) => [c["commit"], c["amend_of"], c["subject"], c["note"]])).toEqual([
      [firstCommit, null, "Add app", "written"],
      [head, firstCommit, "Add the app", "written"],
    ]);
  });

  it("leaves the replaced commit out of the branch: HEAD is the amend, with no parent", () => {
    expect({ differs: firstCommit !== head, parents: repo.git("rev-list", "--parents", "-n", "1", "HEAD").trim() }).toEqual({
      differs: true,
      parents: head,
    });
  });

  it("blames every line of the amended commit on the session, the amend's new line on the Edit", () => {
    const lines = [...WRITTEN.map((line) => [line, "Write"]), [ADDED_LINE, "Edit"]];
    expect({ code: blame.code, lines: json(blame) }).toEqual({
      code: 0,
      lines: lines.map(([line = "", tool = ""], i) => aiLine(context, i + 1, line, tool, head)),
    });
  });

  it("gives the amended commit a note of its own, written for it rather than carried from the first", () => {
    expect(json(why)).toMatchObject({
      commit: head,
      subject: "Add the app",
      noted: true,
      rewritten_from: null,
      lines: { added: 5, ai: 5, mixed: 0, human: 0, unknown: 0 },
      sessions: [expect.objectContaining({ session_id: run.result.session_id, roles: ["committed", "wrote"] })],
    });
  });

  it("lists only the calls since the first commit in the amend's segment: the Edit and the amending Bash", () => {
    const calls = recordsOf(sessionPart(json(why), run.result.session_id)?.["calls"]);
    expect(calls.map((call) => [call["tool_name"], call["verdict"]])).toEqual([
      ["Edit", "allowed"],
      ["Bash", "allowed"],
    ]);
  });

  it("splits Claude Code's cost between the two segments: nothing counted twice, nothing lost", () => {
    const costs = checkpoints().map((c) => Number(recordField(c, "segment")?.["cost_usd"]));
    const sum = costs.reduce((a, b) => a + b, 0);
    expect({ bothPriced: costs.map((cost) => cost > 0), within: Math.abs(sum - run.result.total_cost_usd) < COST_TOLERANCE_USD }).toEqual({
      bothPriced: [true, true],
      within: true,
    });
  });

  it("logs no internal error", () => {
    expect(errorsLogText(wardenDirOf(world.projectDir))).toBe("");
  });
});
