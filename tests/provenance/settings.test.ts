import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitBySession, commitHistory, makeWorld, type World } from "./provenance-world.js";

/**
 * What provenance is allowed to touch: with it off, nothing; with notes off, the session log only;
 * with it on, `.warden/`, the notes ref and two keys of the repository's config, never the
 * working tree or any other ref or key.
 */

const SESSION = "5e551011-c0de-4000-8000-000000000006";

let world: World;
beforeEach(() => {
  world = makeWorld();
  commitHistory(world);
});
afterEach(() => world.cleanup());

const configure = (provenance: Record<string, boolean>) => {
  world.writeByHand(".claude/warden.json", JSON.stringify({ provenance }));
  world.git("add", "-A");
  world.git("commit", "-q", "-m", "Configure Warden");
};

const refs = () =>
  world
    .git("for-each-ref", "--format=%(refname)")
    .split("\n")
    .filter((r) => r !== "");
const configKeys = () =>
  world
    .git("config", "--local", "--list")
    .split("\n")
    .filter((l) => l !== "");
const ledger = () => path.join(world.box.wardenDir, "provenance");

describe("provenance.enabled false", () => {
  beforeEach(() => configure({ enabled: false }));

  it("keeps no line ledger", async () => {
    await commitBySession(world, world.session(SESSION));
    expect(fs.existsSync(ledger())).toBe(false);
  });

  it("records no checkpoint", async () => {
    await commitBySession(world, world.session(SESSION));
    expect(world.checkpoints(SESSION)).toEqual([]);
  });

  it("leaves no note, no notes ref and no config key", async () => {
    const keys = configKeys();
    await commitBySession(world, world.session(SESSION));
    expect([world.note("HEAD"), refs(), configKeys()]).toEqual([undefined, ["refs/heads/main"], keys]);
  });

  it("still records the session's calls", async () => {
    await commitBySession(world, world.session(SESSION));
    expect(world.records(SESSION).filter((r) => r.type === "event")).toHaveLength(3);
  });
});

describe("provenance.git_notes false", () => {
  beforeEach(() => configure({ git_notes: false }));

  it("records the checkpoint, its note off", async () => {
    await commitBySession(world, world.session(SESSION));
    expect(world.checkpoints(SESSION)).toEqual([
      expect.objectContaining({ note: "off", lines: { added: 4, ai: 4, mixed: 0, human: 0, unknown: 0 } }),
    ]);
  });

  it("writes no notes ref and no config key", async () => {
    const keys = configKeys();
    await commitBySession(world, world.session(SESSION));
    expect([refs(), configKeys()]).toEqual([["refs/heads/main"], keys]);
  });
});

describe("what a session with provenance on changes outside .warden", () => {
  it("leaves the working tree as the session's commit left it: .warden ignored, nothing else", async () => {
    const before = world.git("status", "--porcelain", "--ignored");
    await commitBySession(world, world.session(SESSION));
    expect([before, world.git("status", "--porcelain", "--ignored")]).toEqual(["", "!! .warden/\n"]);
  });

  it("adds only the notes ref to the repository's refs", async () => {
    const before = refs();
    await commitBySession(world, world.session(SESSION));
    expect(refs()).toEqual([...before, "refs/notes/warden"].toSorted());
  });

  it("adds only notes.rewriteref and warden.provenancesince to the repository's config", async () => {
    const before = configKeys();
    await commitBySession(world, world.session(SESSION));
    expect(configKeys()).toEqual([
      ...before,
      "notes.rewriteref=refs/notes/warden",
      expect.stringMatching(/^warden\.provenancesince=\d{4}-/),
    ]);
  });

  it("adds the two config keys once, however many commits the session makes", async () => {
    const session = world.session(SESSION);
    await commitBySession(world, session);
    const after = configKeys();
    await session.edit("src/greet.ts", "Hello", "Hey");
    await session.bash("git commit -q -a -m 'Say hey'");
    expect(configKeys()).toEqual(after);
  });
});

/** Every file of the project (the repository's .git and .warden included) with its content and its last change. */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), `${fs.statSync(file).mtimeMs} ${fs.readFileSync(file, "base64")}`];
      }),
  );

describe("warden blame and warden why", () => {
  it("change no file of the repository, its .git or .warden", async () => {
    const session = world.session(SESSION);
    await commitBySession(world, session);
    await session.edit("src/greet.ts", "Hello", "Hey");
    const before = snapshot(world.repo);
    await world.blame("src/greet.ts");
    await world.why("HEAD");
    await world.why("HEAD~1..HEAD");
    expect(snapshot(world.repo)).toEqual(before);
  });
});
