import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { commitBySession, commitHistory, GREET, head, makeWorld, MODEL, originsOf, PROMPT, type World } from "./provenance-world.js";

/**
 * A session writes a file, edits it and commits it through Bash, all through the built hooks: the
 * lines are the model's, the commit carries an Agent Trace note, the session log a checkpoint, and
 * `warden why` tells the session, its prompt and its calls.
 */

const SESSION = "5e551011-c0de-4000-8000-000000000001";

let world: World;
afterEach(() => world.cleanup());

describe("a session that writes and commits", () => {
  beforeEach(() => {
    world = makeWorld();
    commitHistory(world);
  });

  it("has every line of the file it wrote marked ai, with the session, the writing tool and the prompt", async () => {
    const commit = await commitBySession(world, world.session(SESSION));
    const lines = await world.blame(GREET);
    expect(lines.map((l) => [l.line, l.origin, l.commit, l.session_id, l.tool_name, l.prompt])).toEqual([
      [1, "ai", commit, SESSION, "Write", PROMPT],
      [2, "ai", commit, SESSION, "Write", PROMPT],
      [3, "ai", commit, SESSION, "Edit", PROMPT],
      [4, "ai", commit, SESSION, "Write", PROMPT],
    ]);
  });

  it("leaves an Agent Trace note on the commit under refs/notes/warden", async () => {
    const commit = await commitBySession(world, world.session(SESSION));
    expect(JSON.parse(world.note(commit) ?? "no note")).toMatchObject({
      version: "0.1.0",
      vcs: { type: "git", revision: commit },
      files: [
        {
          path: GREET,
          conversations: [{ url: `claude-code:session/${SESSION}`, contributor: { type: "ai" }, ranges: [{ start_line: 1, end_line: 4 }] }],
        },
      ],
      metadata: { warden: { commit, committed_by_session: SESSION, amend_of: null, branch: "main" } },
    });
  });

  it("appends a checkpoint record naming the commit and how much of it the model wrote", async () => {
    const commit = await commitBySession(world, world.session(SESSION));
    expect(world.checkpoints(SESSION)).toEqual([
      expect.objectContaining({
        commit,
        parents: [head(world, "HEAD~1")],
        amend_of: null,
        subject: "Add greet",
        files: [{ path: GREET, added: 4, ai: 4, mixed: 0, human: 0, unknown: 0 }],
        note: "written",
      }),
    ]);
  });

  it("is told by warden why: the session, its prompt, and the segment's calls with their verdicts", async () => {
    const commit = await commitBySession(world, world.session(SESSION));
    const story = await world.why("HEAD");
    expect(story).toMatchObject({
      commit,
      noted: true,
      rewritten_from: null,
      lines: { added: 4, ai: 4, ai_share: 1 },
      sessions: [
        {
          session_id: SESSION,
          roles: expect.arrayContaining(["committed", "wrote"]),
          prompts: [{ text: PROMPT }],
          calls: [
            { tool_name: "Write", verdict: "allowed" },
            { tool_name: "Edit", verdict: "allowed" },
            { tool_name: "Bash", verdict: "allowed", what: expect.stringContaining("git commit") },
          ],
        },
      ],
      findings: [],
    });
  });
});

describe("a session in a linked worktree", () => {
  beforeEach(() => {
    world = makeWorld({ repository: "worktree" });
  });

  it("has its commit's lines ai, the note on the commit", async () => {
    const commit = await commitBySession(world, world.session(SESSION));
    expect([originsOf(await world.blame(GREET)), JSON.parse(world.note("HEAD") ?? "{}").vcs]).toEqual([
      ["ai", "ai", "ai", "ai"],
      { type: "git", revision: commit },
    ]);
  });

  it("has its checkpoint on the worktree's branch", async () => {
    const commit = await commitBySession(world, world.session(SESSION));
    expect(world.checkpoints(SESSION).map((c) => [c.commit, c.branch, c.repo_root])).toEqual([[commit, "work", world.repo]]);
  });
});

describe("the guard's view of the segment behind a commit", () => {
  beforeEach(() => {
    world = makeWorld();
    commitHistory(world);
  });

  it("shows a call the guard blocked before the commit among why's findings", async () => {
    const session = world.session(SESSION);
    await session.start();
    await session.prompt(PROMPT);
    await session.write(GREET, "export const greet = () => 'hi';\n");
    expect(await session.bash("rm -rf ~")).toBe("deny");
    await session.bash("git add -A && git commit -q -m 'Add greet'");
    const story = await world.why("HEAD");
    expect(story.findings).toEqual([
      expect.objectContaining({ session_id: SESSION, tool_name: "Bash", verdict: "blocked", what: expect.any(String) }),
    ]);
  });

  it("lists the blocked call among the segment's calls, with its verdict", async () => {
    const session = world.session(SESSION);
    await session.start();
    await session.prompt(PROMPT);
    await session.bash("rm -rf ~");
    await session.write(GREET, "export const greet = () => 'hi';\n");
    await session.bash("git add -A && git commit -q -m 'Add greet'");
    const story = await world.why("HEAD");
    expect(story.sessions).toMatchObject([
      {
        calls: [
          { tool_name: "Bash", verdict: "blocked", what: "rm -rf ~" },
          { tool_name: "Write", verdict: "allowed" },
          { tool_name: "Bash", verdict: "allowed" },
        ],
      },
    ]);
  });
});

/** Two turns, a commit after each: 1,000 tokens in and 500 out, then 2,000 in and 1,000 out. */
const twoCommits = async () => {
  const session = world.session(SESSION, { transcript: true });
  await session.start();
  await session.prompt(PROMPT);
  session.respond({ input: 1000, output: 500 });
  await session.write(GREET, "export const greet = () => 'hi';\n");
  await session.bash("git add -A && git commit -q -m 'Add greet'");
  session.respond({ input: 2000, output: 1000 });
  await session.write("src/farewell.ts", "export const farewell = () => 'bye';\n");
  await session.bash("git add -A && git commit -q -m 'Add farewell'");
};

describe("the segment behind each commit of a session with a transcript", () => {
  beforeEach(() => {
    world = makeWorld();
    commitHistory(world);
  });

  it("counts the tokens since the commit before, not the session's total", async () => {
    await twoCommits();
    expect(world.checkpoints(SESSION)).toMatchObject([
      { subject: "Add greet", segment: { tokens: { input: 1000, output: 500, cache_write: 0, cache_read: 0 }, models: [MODEL] } },
      { subject: "Add farewell", segment: { tokens: { input: 2000, output: 1000, cache_write: 0, cache_read: 0 }, models: [MODEL] } },
    ]);
  });

  it("names the model, which blame gives for the lines", async () => {
    await twoCommits();
    expect((await world.blame(GREET)).map((l) => [l.origin, l.model])).toEqual([["ai", MODEL]]);
  });
});

const OTHER = "5e551011-c0de-4000-8000-0000000000b2";

/** One session writes a file and leaves it; another writes one too and commits both. */
const twoSessions = async () => {
  const writer = world.session(OTHER);
  await writer.start();
  await writer.prompt("Write the farewell");
  await writer.write("src/farewell.ts", "export const farewell = () => 'bye';\n");
  const committer = world.session(SESSION);
  await committer.start();
  await committer.prompt(PROMPT);
  await committer.write(GREET, "export const greet = () => 'hi';\n");
  await committer.bash("git add -A && git commit -q -m 'Add greet and farewell'");
};

describe("a commit with lines another session wrote", () => {
  beforeEach(() => {
    world = makeWorld();
    commitHistory(world);
  });

  it("has blame give each line the session that wrote it, with its prompt", async () => {
    await twoSessions();
    const lines = [...(await world.blame(GREET)), ...(await world.blame("src/farewell.ts"))];
    expect(lines.map((l) => [l.origin, l.session_id, l.prompt])).toEqual([
      ["ai", SESSION, PROMPT],
      ["ai", OTHER, "Write the farewell"],
    ]);
  });

  it("is told by warden why with both sessions: the one that committed and the one that only wrote", async () => {
    await twoSessions();
    const story = await world.why("HEAD");
    expect(story.sessions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          session_id: SESSION,
          roles: ["committed", "wrote"],
          prompts: [expect.objectContaining({ text: PROMPT })],
        }),
        expect.objectContaining({
          session_id: OTHER,
          roles: ["wrote"],
          prompts: [expect.objectContaining({ text: "Write the farewell" })],
        }),
      ]),
    );
  });
});

describe("the segment behind a commit, with the project's price file", () => {
  beforeEach(() => {
    world = makeWorld();
    commitHistory(world);
    // $1 per Mtok in, $2 out for the session's model: the checked table's price would be $3 and $15.
    const prices = {
      models: [
        {
          id: "our-sonnet",
          match: "claude-sonnet-4-5",
          prices: { input: 1, output: 2, cache_write_5m: 1.25, cache_write_1h: 2, cache_read: 0.1, web_search_per_request: 0.01 },
        },
      ],
    };
    fs.mkdirSync(path.join(world.project, ".claude"), { recursive: true });
    fs.writeFileSync(path.join(world.project, ".claude", "prices.json"), JSON.stringify(prices));
    fs.writeFileSync(path.join(world.project, ".claude", "warden.json"), JSON.stringify({ pricing: { file: "prices.json" } }));
  });

  it("is priced as the session's report is: with the user's prices", async () => {
    const session = world.session(SESSION, { transcript: true });
    await session.start();
    await session.prompt(PROMPT);
    session.respond({ input: 1_000_000, output: 1_000_000 });
    await session.write(GREET, "export const greet = () => 'hi';\n");
    await session.bash("git add -A && git commit -q -m 'Add greet'");
    expect(world.checkpoints(SESSION).map((c) => (c.segment as { cost_usd: number }).cost_usd)).toEqual([3]);
  });
});
