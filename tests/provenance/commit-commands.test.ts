import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitHistory, head, makeWorld, type Session, type World } from "./provenance-world.js";

/**
 * The shapes a committing Bash command takes: chained before and after, failing after the commit
 * (PostToolUseFailure), two commits at once, and commands that name git and commit without making
 * one. Each commit the command made gets a checkpoint and a note; nothing else does.
 */

const SESSION = "5e551011-c0de-4000-8000-000000000004";

let world: World;
let session: Session;
/** A session that wrote two modules, not committed yet. */
const twoModules = async (w: World) => {
  session = w.session(SESSION);
  await session.start();
  await session.prompt("Add the two modules and commit");
  await session.write("src/one.ts", "export const one = 1;\n");
  await session.write("src/two.ts", "export const two = 2;\n");
};
afterEach(() => world.cleanup());

describe("a command that makes the repository and its first commit", () => {
  beforeEach(async () => {
    world = makeWorld({ repository: "none" });
    await twoModules(world);
  });

  it("records the first commit, which has no parent", async () => {
    await session.bash("git init -q && git add -A && git commit -q -m 'Start'");
    expect(world.checkpoints(SESSION).map((c) => [c.commit, c.parents, c.lines])).toEqual([
      [head(world), [], { added: 2, ai: 2, mixed: 0, human: 0, unknown: 0 }],
    ]);
  });

  it("has the lines it committed marked ai", async () => {
    await session.bash("git init -q && git add -A && git commit -q -m 'Start'");
    expect((await world.blame("src/one.ts")).map((l) => [l.origin, l.session_id])).toEqual([["ai", SESSION]]);
  });
});

describe("in a repository with history", () => {
  beforeEach(async () => {
    world = makeWorld();
    commitHistory(world);
    await twoModules(world);
  });

  describe("a command that commits", () => {
    it.each([
      ["chained after other commands", "git add -A && git commit -q -m 'Add modules'"],
      ["chained before another command", "git add -A && git commit -q -m 'Add modules' && echo done"],
      ["run with git -C and a trailing ;", `git -C . add -A; git -C . commit -q -m 'Add modules';`],
    ])("records one checkpoint, for the commit it made, when %s", async (_, command) => {
      await session.bash(command);
      expect(world.checkpoints(SESSION).map((c) => [c.commit, c.lines])).toEqual([
        [head(world), { added: 2, ai: 2, mixed: 0, human: 0, unknown: 0 }],
      ]);
    });

    it("leaves a note on the commit when chained before another command", async () => {
      await session.bash("git add -A && git commit -q -m 'Add modules' && echo done");
      expect(JSON.parse(world.note("HEAD") ?? "no note")).toMatchObject({ metadata: { warden: { commit: head(world) } } });
    });
  });

  describe("a command that commits and then fails", () => {
    it("still records the checkpoint, from PostToolUseFailure", async () => {
      await session.bash("git add -A && git commit -q -m 'Add modules' && false");
      expect(world.checkpoints(SESSION).map((c) => c.commit)).toEqual([head(world)]);
    });

    it("is recorded as a failed call, the checkpoint after it", async () => {
      await session.bash("git add -A && git commit -q -m 'Add modules' && false");
      expect(world.records(SESSION).slice(-2)).toMatchObject([
        { type: "event", tool_name: "Bash", outcome: "failed" },
        { type: "checkpoint", commit: head(world) },
      ]);
    });

    it("still leaves the note on the commit", async () => {
      await session.bash("git add -A && git commit -q -m 'Add modules' && false");
      expect(world.note("HEAD")).toContain(`"committed_by_session": "${SESSION}"`);
    });
  });

  describe("a command that makes two commits", () => {
    it("records two checkpoints, one a commit, each with its own file", async () => {
      await session.bash("git add src/one.ts && git commit -q -m 'Add one' && git add src/two.ts && git commit -q -m 'Add two'");
      expect(world.checkpoints(SESSION).map((c) => [c.commit, c.subject, c.files])).toEqual([
        [head(world, "HEAD~1"), "Add one", [{ path: "src/one.ts", added: 1, ai: 1, mixed: 0, human: 0, unknown: 0 }]],
        [head(world), "Add two", [{ path: "src/two.ts", added: 1, ai: 1, mixed: 0, human: 0, unknown: 0 }]],
      ]);
    });

    it("leaves a note on each commit", async () => {
      await session.bash("git add src/one.ts && git commit -q -m 'Add one' && git add src/two.ts && git commit -q -m 'Add two'");
      expect([world.note("HEAD~1"), world.note("HEAD")]).toEqual([
        expect.stringContaining("src/one.ts"),
        expect.stringContaining("src/two.ts"),
      ]);
    });
  });

  describe("a command that makes no commit", () => {
    it.each([
      ["git status", "git status"],
      ["a new branch whose name says commit", "git checkout -q -b commit-fixes"],
      ["a log searched for commit", "git log --oneline --grep=commit"],
      ["a commit git refuses (nothing staged)", "git commit -q -m 'Nothing yet'"],
    ])("records no checkpoint and leaves no note: %s", async (_, command) => {
      await session.bash(command);
      expect([world.checkpoints(SESSION), world.git("notes", "--ref", "refs/notes/warden", "list")]).toEqual([[], ""]);
    });
  });
});
