import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitBySession, commitHistory, GREET, head, makeWorld, PROMPT, type World } from "./provenance-world.js";

/**
 * A session writes a file, edits it and commits it through Bash, all through the built hooks: the
 * lines are the model's, the commit carries an Agent Trace note, the session log a checkpoint, and
 * `warden why` tells the session, its prompt and its calls.
 */

const SESSION = "5e551011-c0de-4000-8000-000000000001";

let world: World;
beforeEach(() => {
  world = makeWorld();
  commitHistory(world);
});
afterEach(() => world.cleanup());

describe("a session that writes and commits", () => {
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

describe("the guard's view of the segment behind a commit", () => {
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
