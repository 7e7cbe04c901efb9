import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeRepo, type TempRepo } from "./git-repo.fixture.js";
import { ensureNotesFollowRewrites, listNotes, provenanceSince, readNotes, writeNote } from "./git-notes.js";
import { buildTraceNote, NOTES_REF, type TraceNote } from "./trace-note.js";

let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.remove());

const NOW = new Date("2026-12-01T10:00:00.000Z");
const noteFor = (commit: string, session = "s1"): TraceNote =>
  buildTraceNote({
    commit,
    parents: [],
    branch: "main",
    amendOf: null,
    sessionId: session,
    attribution: {
      files: [
        {
          path: "a.txt",
          binary: false,
          skipped: false,
          addedCount: 1,
          lines: [{ line: 1, hash: "0123456789abcdef", origin: "ai", author: 0 }],
        },
      ],
      authors: [],
    },
    authors: [
      {
        session_id: session,
        tool_use_id: "t1",
        prompt_id: null,
        agent_id: null,
        tool_name: "Write",
        at: NOW.toISOString(),
        model: null,
        prompt: null,
      },
    ],
    segment: null,
    wardenVersion: "0.1.0",
    now: NOW,
  });
const localConfig = (key: string) => repo.git("config", "--local", "--get-all", key).trim().split("\n");
/** Commits a change to `file` and writes a Warden note on the new commit. */
const commitWithNote = (file: string, text: string, message: string, session = "s1") => {
  repo.write(file, text);
  const commit = repo.commit(message);
  const note = noteFor(commit, session);
  writeNote(repo.dir, commit, note);
  return { commit, note };
};

describe("ensureNotesFollowRewrites", () => {
  it("asks git to carry Warden's notes through rewrites, in the repository's own config", () => {
    repo.commit("root");
    ensureNotesFollowRewrites(repo.dir, NOW);
    expect([localConfig("notes.rewriteRef"), fs.readFileSync(path.join(repo.root, "home", ".gitconfig"), "utf8")]).toEqual([
      [NOTES_REF],
      "",
    ]);
  });

  it("adds the ref once however often it runs", () => {
    repo.commit("root");
    ensureNotesFollowRewrites(repo.dir, NOW);
    ensureNotesFollowRewrites(repo.dir, NOW);
    ensureNotesFollowRewrites(repo.dir, new Date("2027-01-01T00:00:00.000Z"));
    expect(localConfig("notes.rewriteRef")).toEqual([NOTES_REF]);
  });

  it("keeps the refs a person set for their own notes", () => {
    repo.git("config", "--add", "notes.rewriteRef", "refs/notes/commits");
    ensureNotesFollowRewrites(repo.dir, NOW);
    expect(localConfig("notes.rewriteRef")).toEqual(["refs/notes/commits", NOTES_REF]);
  });

  it("adds nothing when the person's global config already carries Warden's notes", () => {
    repo.git("config", "--global", "--add", "notes.rewriteRef", NOTES_REF);
    ensureNotesFollowRewrites(repo.dir, NOW);
    expect(() => repo.git("config", "--local", "--get-all", "notes.rewriteRef")).toThrow();
  });

  it("remembers the first time it ran, not the later ones", () => {
    ensureNotesFollowRewrites(repo.dir, NOW);
    ensureNotesFollowRewrites(repo.dir, new Date("2027-01-01T00:00:00.000Z"));
    expect(provenanceSince(repo.dir)).toEqual(NOW);
  });
});

describe("provenanceSince", () => {
  it("is null in a repository where Warden never kept notes", () => {
    expect(provenanceSince(repo.dir)).toBeNull();
  });

  it("is null when the value is not a date", () => {
    repo.git("config", "warden.provenanceSince", "yesterday-ish");
    expect(provenanceSince(repo.dir)).toBeNull();
  });
});

describe("writeNote, readNotes and listNotes", () => {
  it("read back the note written on a commit", () => {
    const { commit, note } = commitWithNote("a.txt", "a\n", "first");
    expect(readNotes(repo.dir, commit)).toEqual([note]);
  });

  it("replace the note when a commit is noted again", () => {
    const { commit } = commitWithNote("a.txt", "a\n", "first");
    const again = noteFor(commit, "s2");
    writeNote(repo.dir, commit, again);
    expect(readNotes(repo.dir, commit)).toEqual([again]);
  });

  it("read no note on a commit without one", () => {
    expect(readNotes(repo.dir, repo.commit("first"))).toEqual([]);
  });

  it("list every noted commit with its note's blob, and no other", () => {
    const first = commitWithNote("a.txt", "a\n", "first").commit;
    repo.commit("not noted");
    const third = commitWithNote("a.txt", "c\n", "third").commit;
    const listed = listNotes(repo.dir);
    expect([...listed.keys()].toSorted()).toEqual([first, third].toSorted());
  });

  it("list nothing in a repository without notes", () => {
    repo.commit("first");
    expect(listNotes(repo.dir)).toEqual(new Map());
  });

  it("keep the notes apart from git's default notes", () => {
    const { commit } = commitWithNote("a.txt", "a\n", "first");
    expect(() => repo.git("notes", "show", commit)).toThrow();
  });
});

describe("a note through rewrites (with ensureNotesFollowRewrites)", () => {
  beforeEach(() => {
    repo.write("README.md", "readme\n");
    repo.commit("root");
    ensureNotesFollowRewrites(repo.dir, NOW);
  });

  it("follows `git commit --amend` to the new commit", () => {
    const { commit, note } = commitWithNote("a.txt", "a\n", "work");
    repo.write("a.txt", "a\nmore\n");
    const amended = repo.commit("work, amended", "--amend");
    expect([amended !== commit, readNotes(repo.dir, amended)]).toEqual([true, [note]]);
  });

  it("follows `git rebase` to the rebased commit", () => {
    repo.git("checkout", "-q", "-b", "topic");
    const { note } = commitWithNote("a.txt", "a\n", "work");
    repo.git("checkout", "-q", "main");
    repo.write("b.txt", "upstream\n");
    repo.commit("upstream");
    repo.git("checkout", "-q", "topic");
    repo.git("rebase", "-q", "main");
    expect([repo.git("log", "-1", "--format=%s").trim(), readNotes(repo.dir, repo.head())]).toEqual(["work", [note]]);
  });

  it("follows `git rebase --apply` (the older backend) too", () => {
    repo.git("checkout", "-q", "-b", "topic");
    const { note } = commitWithNote("a.txt", "a\n", "work");
    repo.git("checkout", "-q", "main");
    repo.write("b.txt", "upstream\n");
    repo.commit("upstream");
    repo.git("checkout", "-q", "topic");
    repo.git("rebase", "-q", "--apply", "main");
    expect(readNotes(repo.dir, repo.head())).toEqual([note]);
  });

  it("joins the notes of commits squashed in an interactive rebase, each record readable", () => {
    const first = commitWithNote("a.txt", "a\n", "one", "s1").note;
    const second = commitWithNote("b.txt", "b\n", "two", "s2").note;
    vi.stubEnv("GIT_SEQUENCE_EDITOR", "sed -i -e '2s/^pick/squash/'");
    repo.git("rebase", "-q", "-i", "HEAD~2");
    expect([repo.git("rev-list", "--count", "HEAD").trim(), readNotes(repo.dir, repo.head())]).toEqual(["2", [first, second]]);
  });

  // What git does not carry: reported, not wished for.
  it("is not copied by a squash merge (`git merge --squash` then commit)", () => {
    repo.git("checkout", "-q", "-b", "topic");
    commitWithNote("a.txt", "a\n", "work");
    repo.git("checkout", "-q", "main");
    repo.git("merge", "-q", "--squash", "topic");
    const squashed = repo.commit("squashed");
    expect(readNotes(repo.dir, squashed)).toEqual([]);
  });

  it("is not copied by a cherry-pick", () => {
    repo.git("checkout", "-q", "-b", "topic");
    const { commit } = commitWithNote("a.txt", "a\n", "work");
    repo.git("checkout", "-q", "main");
    repo.write("b.txt", "upstream\n");
    repo.commit("upstream");
    repo.git("cherry-pick", commit);
    expect([repo.head() !== commit, readNotes(repo.dir, repo.head())]).toEqual([true, []]);
  });
});

describe("a note through an amend without ensureNotesFollowRewrites", () => {
  // What the config key protects: without it git leaves the note on the replaced commit.
  it("stays on the replaced commit", () => {
    repo.commit("root");
    const { commit, note } = commitWithNote("a.txt", "a\n", "work");
    const amended = repo.commit("work, amended", "--amend");
    expect([readNotes(repo.dir, amended), readNotes(repo.dir, commit)]).toEqual([[], [note]]);
  });
});
