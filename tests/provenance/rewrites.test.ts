import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitBySession, commitHistory, GREET, GREET_TEXT, head, makeWorld, originsOf, type World } from "./provenance-world.js";

/**
 * The session's commit rewritten: amended by a person, amended by the session itself, rebased onto
 * a new base. git carries the note (Warden set notes.rewriteRef); blame and why re-read it against
 * the new commit.
 */

const SESSION = "5e551011-c0de-4000-8000-000000000003";

let world: World;
beforeEach(() => {
  world = makeWorld();
  commitHistory(world);
});
afterEach(() => world.cleanup());

/** The session's commit, then a person changes its second line, adds a fifth and amends it by hand. */
const amendByHand = async () => {
  const original = await commitBySession(world, world.session(SESSION));
  world.writeByHand(GREET, `${GREET_TEXT.replace("Hello", "Hi")}export const DEFAULT_NAME = "you";\n`);
  world.git("commit", "-q", "-a", "--amend", "--no-edit");
  return original;
};

describe("the session's commit amended by a person", () => {
  it("keeps the note git carried from the commit it replaced", async () => {
    const original = await amendByHand();
    expect(JSON.parse(world.note("HEAD") ?? "no note")).toMatchObject({ metadata: { warden: { commit: original } } });
  });

  it("has the line the person added human, the AI line they changed mixed, the rest ai", async () => {
    await amendByHand();
    expect(originsOf(await world.blame(GREET))).toEqual(["ai", "mixed", "ai", "ai", "human"]);
  });

  it("keeps the session and the prompt on the lines still as the model wrote them", async () => {
    await amendByHand();
    const lines = await world.blame(GREET);
    expect(lines[2]).toMatchObject({ origin: "ai", commit: head(world), session_id: SESSION, tool_name: "Edit" });
  });

  it("is told by warden why as rewritten from the commit the note was written for", async () => {
    const original = await amendByHand();
    expect(await world.why("HEAD")).toMatchObject({
      noted: true,
      rewritten_from: original,
      lines: { added: 5, ai: 3, mixed: 1, human: 1 },
      sessions: [{ session_id: SESSION }],
    });
  });
});

/** The session's commit, then the session edits a line and amends the commit through Bash. */
const amendBySession = async () => {
  const session = world.session(SESSION);
  const original = await commitBySession(world, session);
  await session.edit(GREET, "Hello", "Hey");
  await session.bash("git commit -q -a --amend -m 'Add greet, saying hey'");
  return original;
};

describe("the session's commit amended by the session", () => {
  it("appends a checkpoint naming the commit it amended", async () => {
    const original = await amendBySession();
    expect(world.checkpoints(SESSION).map((c) => [c.commit, c.amend_of, c.subject])).toEqual([
      [original, null, "Add greet"],
      [head(world), original, "Add greet, saying hey"],
    ]);
  });

  it("rewrites the note for the new commit, which says what it amended", async () => {
    const original = await amendBySession();
    expect(JSON.parse(world.note("HEAD") ?? "no note")).toMatchObject({
      vcs: { revision: head(world) },
      metadata: { warden: { commit: head(world), amend_of: original, committed_by_session: SESSION } },
    });
  });

  it("has every line ai, the amended one from the session's latest edit", async () => {
    await amendBySession();
    const lines = await world.blame(GREET);
    expect(lines.map((l) => [l.origin, l.tool_name])).toEqual([
      ["ai", "Write"],
      ["ai", "Edit"],
      ["ai", "Edit"],
      ["ai", "Write"],
    ]);
  });

  it("is told by warden why as the session's own commit, not a rewritten one", async () => {
    await amendBySession();
    expect(await world.why("HEAD")).toMatchObject({ rewritten_from: null, lines: { added: 4, ai: 4 } });
  });
});

/** The session commits on a branch; a person commits on main meanwhile; the branch is rebased onto main. */
const rebase = async () => {
  world.git("checkout", "-q", "-b", "feature");
  const original = await commitBySession(world, world.session(SESSION));
  const before = await world.blame(GREET);
  world.git("checkout", "-q", "main");
  world.writeByHand("CHANGELOG.md", "- started\n");
  world.git("add", "-A");
  world.git("commit", "-q", "-m", "Start a changelog");
  world.git("checkout", "-q", "feature");
  world.git("rebase", "-q", "main");
  return { original, before };
};

describe("the session's commit rebased onto a new base", () => {
  it("leaves blame's origins, sessions, tools and prompts as they were", async () => {
    const { before } = await rebase();
    const after = await world.blame(GREET);
    const origins = (lines: typeof before) => lines.map((l) => [l.origin, l.session_id, l.tool_name, l.prompt]);
    expect(origins(after)).toEqual(origins(before));
  });

  it("has blame name the rebased commit", async () => {
    await rebase();
    const lines = await world.blame(GREET);
    expect(new Set(lines.map((l) => l.commit))).toEqual(new Set([head(world)]));
  });

  it("is told by warden why as the same session's lines, carried from the original commit", async () => {
    const { original } = await rebase();
    expect(await world.why("HEAD")).toMatchObject({
      rewritten_from: original,
      lines: { added: 4, ai: 4, mixed: 0, human: 0, unknown: 0 },
      sessions: [{ session_id: SESSION, roles: expect.arrayContaining(["committed", "wrote"]) }],
    });
  });
});

/** Two commits of the session, squashed into one by a person (`rebase -i`, the second marked squash). */
const squash = async () => {
  const session = world.session(SESSION);
  const first = await commitBySession(world, session);
  await session.write("src/farewell.ts", "export const farewell = (name: string) => `Bye, ${name}`;\nexport const LATER = 'later';\n");
  await session.bash("git add -A && git commit -q -m 'Add farewell'");
  world.gitWith({ GIT_SEQUENCE_EDITOR: "sed -i '2s/^pick/squash/'", GIT_EDITOR: "true" }, "rebase", "-q", "-i", "HEAD~2");
  return first;
};

describe("the session's two commits squashed into one by a person", () => {
  it("has the lines of both ai, in the squashed commit", async () => {
    await squash();
    const lines = [...(await world.blame(GREET)), ...(await world.blame("src/farewell.ts"))];
    expect(lines.map((l) => [l.origin, l.commit, l.session_id])).toEqual(Array.from({ length: 6 }, () => ["ai", head(world), SESSION]));
  });

  it("is told by warden why with the lines of both notes git joined", async () => {
    const first = await squash();
    expect(await world.why("HEAD")).toMatchObject({
      rewritten_from: first,
      lines: { added: 6, ai: 6, mixed: 0, human: 0, unknown: 0 },
      sessions: [{ session_id: SESSION }],
    });
  });
});
