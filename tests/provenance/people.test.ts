import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitBySession, commitHistory, GREET, GREET_TEXT, head, makeWorld, originsOf, type World } from "./provenance-world.js";

/**
 * What a person does by hand, with no hook in between: an edit committed after the session's
 * commit, lines not committed yet, commits no session made before and after Warden came.
 */

const SESSION = "5e551011-c0de-4000-8000-000000000002";

/** The second Warden began keeping notes in this clone, as a git date: a commit made in it. */
const secondOfProvenanceSince = (w: World) =>
  `@${Math.floor(Date.parse(w.git("config", "--get", "warden.provenanceSince").trim()) / 1000)} +0000`;

let world: World;
beforeEach(() => {
  world = makeWorld();
});
afterEach(() => world.cleanup());

describe("a person's edit committed by hand after the session's commit", () => {
  it("makes the line they changed human, in their own commit with no note", async () => {
    commitHistory(world);
    await commitBySession(world, world.session(SESSION));
    world.writeByHand(GREET, GREET_TEXT.replace("Hello", "Hi"));
    world.git("commit", "-q", "-a", "-m", "Say hi");
    const lines = await world.blame(GREET);
    expect([lines[1], world.note("HEAD")]).toEqual([expect.objectContaining({ origin: "human", commit: head(world) }), undefined]);
  });

  it("leaves the session's other lines ai", async () => {
    commitHistory(world);
    await commitBySession(world, world.session(SESSION));
    world.writeByHand(GREET, GREET_TEXT.replace("Hello", "Hi"));
    world.git("commit", "-q", "-a", "-m", "Say hi");
    expect(originsOf(await world.blame(GREET))).toEqual(["ai", "human", "ai", "ai"]);
  });
});

/** The model writes the file, a person changes its second line and adds one at the end, the model edits the third and commits. */
const editedBetweenWrites = async () => {
  commitHistory(world);
  const session = world.session(SESSION);
  await session.start();
  await session.prompt("Add a greet function");
  await session.write(GREET, GREET_TEXT);
  world.writeByHand(GREET, `${GREET_TEXT.replace("Hello", "Hi")}export const DEFAULT_NAME = "you";\n`);
  await session.edit(GREET, "return greeting;", "return greeting.trim();");
  await session.bash("git add -A && git commit -q -m 'Add greet'");
};

describe("a person's edit between two of the model's writes, committed by the session", () => {
  it("makes the line they added human and the AI line they changed mixed, in the session's commit", async () => {
    await editedBetweenWrites();
    const lines = await world.blame(GREET);
    expect(lines.map((l) => [l.origin, l.commit])).toEqual([
      ["ai", head(world)],
      ["mixed", head(world)],
      ["ai", head(world)],
      ["ai", head(world)],
      ["human", head(world)],
    ]);
  });

  it("is counted so by the checkpoint", async () => {
    await editedBetweenWrites();
    expect(world.checkpoints(SESSION).map((c) => c.lines)).toEqual([{ added: 5, ai: 3, mixed: 1, human: 1, unknown: 0 }]);
  });
});

describe("a file the session wrote, renamed by a person", () => {
  it("keeps its lines ai under the new name", async () => {
    commitHistory(world);
    await commitBySession(world, world.session(SESSION));
    world.git("mv", GREET, "src/hello.ts");
    world.git("commit", "-q", "-m", "Rename greet to hello");
    expect((await world.blame("src/hello.ts")).map((l) => [l.origin, l.session_id])).toEqual(
      Array.from({ length: 4 }, () => ["ai", SESSION]),
    );
  });
});

describe("a commit no session made", () => {
  it("is human when made after Warden began keeping notes in this clone", async () => {
    commitHistory(world);
    await commitBySession(world, world.session(SESSION));
    world.writeByHand("docs/usage.md", "Call greet.\n");
    world.git("add", "-A");
    world.git("commit", "-q", "-m", "Document greet");
    expect(originsOf(await world.blame("docs/usage.md"))).toEqual(["human"]);
  });

  it("is human when made in the very second Warden began keeping notes (git keeps commit times to the second)", async () => {
    commitHistory(world);
    await commitBySession(world, world.session(SESSION));
    const sameSecond = secondOfProvenanceSince(world);
    world.writeByHand("docs/usage.md", "Call greet.\n");
    world.git("add", "-A");
    world.gitWith({ GIT_AUTHOR_DATE: sameSecond, GIT_COMMITTER_DATE: sameSecond }, "commit", "-q", "-m", "Document greet");
    expect(originsOf(await world.blame("docs/usage.md"))).toEqual(["human"]);
  });

  it("is unknown when made before Warden began keeping notes in this clone", async () => {
    commitHistory(world);
    await commitBySession(world, world.session(SESSION));
    expect(originsOf(await world.blame("README.md"))).toEqual(["unknown", "unknown", "unknown"]);
  });

  it("is unknown in a clone where Warden never kept notes", async () => {
    commitHistory(world);
    expect(originsOf(await world.blame("README.md"))).toEqual(["unknown", "unknown", "unknown"]);
  });

  it("is told by warden why as not noted, its lines the person's, even in the second Warden began", async () => {
    commitHistory(world);
    await commitBySession(world, world.session(SESSION));
    const sameSecond = secondOfProvenanceSince(world);
    world.writeByHand("docs/usage.md", "Call greet.\nWith a name.\n");
    world.git("add", "-A");
    world.gitWith({ GIT_AUTHOR_DATE: sameSecond, GIT_COMMITTER_DATE: sameSecond }, "commit", "-q", "-m", "Document greet");
    expect(await world.why("HEAD")).toMatchObject({ noted: false, sessions: [], lines: { added: 2, human: 2, ai: 0, ai_share: 0 } });
  });
});

/** The session's commit, then the session edits a line and a person adds one, neither committed. */
const uncommitted = async () => {
  commitHistory(world);
  const session = world.session(SESSION);
  await commitBySession(world, session);
  await session.edit(GREET, "return greeting;", "return greeting.trim();");
  world.writeByHand(GREET, `${world.read(GREET)}// reviewed by hand\n`);
  return world.blame(GREET);
};

describe("lines not committed yet", () => {
  it("are human where a person typed them into a file the model wrote", async () => {
    const lines = await uncommitted();
    expect(lines[4]).toMatchObject({ text: "// reviewed by hand", origin: "human", commit: null, session_id: null });
  });

  it("are ai where the model wrote them, with the session and the tool", async () => {
    const lines = await uncommitted();
    expect(lines[2]).toMatchObject({
      text: "  return greeting.trim();",
      origin: "ai",
      commit: null,
      session_id: SESSION,
      tool_name: "Edit",
    });
  });

  it("leave the committed lines as their commit's note says", async () => {
    const lines = await uncommitted();
    expect(lines.map((l) => [l.origin, l.commit == null])).toEqual([
      ["ai", false],
      ["ai", false],
      ["ai", true],
      ["ai", false],
      ["human", true],
    ]);
  });
});
