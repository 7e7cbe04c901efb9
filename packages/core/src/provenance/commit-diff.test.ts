import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_COMMIT_LIMITS, readCommitChanges, readCommittedTexts } from "./commit-diff.js";
import { makeRepo, type TempRepo } from "./git-repo.fixture.js";
import { hashLine } from "./line-text.js";

let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.remove());

const numbered = (count: number, prefix = "line") => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}\n`).join("");
/** The added lines git should report: line number and the hash of its text. */
const added = (...lines: [number, string][]) => lines.map(([line, text]) => ({ line, hash: hashLine(text) }));
const change = (
  file: string,
  lines: { line: number; hash: string }[],
  extra: { addedCount?: number; binary?: boolean; skipped?: boolean } = {},
) => ({
  path: file,
  binary: extra.binary ?? false,
  added: lines,
  addedCount: extra.addedCount ?? lines.length,
  skipped: extra.skipped ?? false,
});

describe("readCommitChanges", () => {
  it("reads every line of a root commit as added", () => {
    repo.write("a.txt", "one\ntwo\n");
    const commit = repo.commit("root");
    expect(readCommitChanges(repo.dir, commit)).toEqual([change("a.txt", added([1, "one"], [2, "two"]))]);
  });

  it("reads the changed and appended lines of a modified file, numbered in the commit's version", () => {
    repo.write("a.txt", numbered(10));
    repo.commit("first");
    repo.write("a.txt", numbered(10).replace("line 3\n", "LINE 3\n").replace("line 7\n", "") + "line 11\n");
    const commit = repo.commit("second");
    expect(readCommitChanges(repo.dir, commit)).toEqual([change("a.txt", added([3, "LINE 3"], [10, "line 11"]))]);
  });

  it("reads a new file of a later commit", () => {
    repo.write("a.txt", "a\n");
    repo.commit("first");
    repo.write("b.txt", "b1\nb2\n");
    const commit = repo.commit("second");
    expect(readCommitChanges(repo.dir, commit)).toEqual([change("b.txt", added([1, "b1"], [2, "b2"]))]);
  });

  it("lists a deleted file with nothing added", () => {
    repo.write("a.txt", "a\n");
    repo.write("b.txt", "b\n");
    repo.commit("first");
    fs.rmSync(path.join(repo.dir, "b.txt"));
    const commit = repo.commit("second");
    expect(readCommitChanges(repo.dir, commit)).toEqual([change("b.txt", [])]);
  });

  it("reads only the changed line of a renamed file, under its new name", () => {
    repo.write("old.txt", numbered(20));
    repo.commit("first");
    fs.rmSync(path.join(repo.dir, "old.txt"));
    repo.write("new.txt", numbered(20).replace("line 5\n", "LINE 5\n"));
    const commit = repo.commit("rename");
    expect(readCommitChanges(repo.dir, commit)).toEqual([change("new.txt", added([5, "LINE 5"]))]);
  });

  it("reads nothing added in a file renamed unchanged", () => {
    repo.write("old.txt", numbered(20));
    repo.commit("first");
    repo.git("mv", "old.txt", "new.txt");
    const commit = repo.commit("rename");
    expect(readCommitChanges(repo.dir, commit)).toEqual([change("new.txt", [])]);
  });

  it("reads a merge commit against its first parent only", () => {
    repo.write("a.txt", "a\n");
    repo.commit("base");
    repo.git("checkout", "-q", "-b", "side");
    repo.write("side.txt", "from side\n");
    repo.commit("side");
    repo.git("checkout", "-q", "main");
    repo.write("main.txt", "from main\n");
    repo.commit("main");
    repo.git("merge", "-q", "--no-ff", "-m", "merge", "side");
    expect(readCommitChanges(repo.dir, repo.head())).toEqual([change("side.txt", added([1, "from side"]))]);
  });

  it("reads the lines a person wrote while resolving a merge", () => {
    repo.write("a.txt", "base\n");
    repo.commit("base");
    repo.git("checkout", "-q", "-b", "side");
    repo.write("a.txt", "side\n");
    repo.commit("side");
    repo.git("checkout", "-q", "main");
    repo.write("a.txt", "main\n");
    repo.commit("main");
    expect(() => repo.git("merge", "-q", "side")).toThrow();
    repo.write("a.txt", "resolved\n");
    const commit = repo.commit("merged");
    expect(readCommitChanges(repo.dir, commit)).toEqual([change("a.txt", added([1, "resolved"]))]);
  });

  it("lists a binary file as binary and skipped, its lines unread", () => {
    repo.write("a.txt", "a\n");
    repo.commit("first");
    repo.write("image.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x0a]));
    const commit = repo.commit("binary");
    expect(readCommitChanges(repo.dir, commit)).toEqual([change("image.png", [], { binary: true, skipped: true, addedCount: 0 })]);
  });

  it("counts but does not read a file with more added lines than the limit", () => {
    repo.write("big.txt", numbered(6));
    repo.write("small.txt", "s\n");
    const commit = repo.commit("root");
    expect(readCommitChanges(repo.dir, commit, { maxFiles: 10, maxAddedLines: 5 })).toEqual([
      change("big.txt", [], { addedCount: 6, skipped: true }),
      change("small.txt", added([1, "s"])),
    ]);
  });

  it("reads a file of exactly the limit", () => {
    repo.write("a.txt", numbered(5));
    const commit = repo.commit("root");
    expect(readCommitChanges(repo.dir, commit, { maxFiles: 10, maxAddedLines: 5 })[0]?.added).toHaveLength(5);
  });

  it("counts but does not read the files past the limit of files", () => {
    for (const name of ["a.txt", "b.txt", "c.txt"]) repo.write(name, `${name}\n`);
    const commit = repo.commit("root");
    expect(readCommitChanges(repo.dir, commit, { maxFiles: 2, maxAddedLines: 100 })).toEqual([
      change("a.txt", added([1, "a.txt"])),
      change("b.txt", added([1, "b.txt"])),
      change("c.txt", [], { addedCount: 1, skipped: true }),
    ]);
  });

  it.each([
    ["a space", "docs/my notes.md"],
    ["non-ASCII letters", "src/naïve-日本語.ts"],
    ["a double quote", 'say "hi".txt'],
    ["a backslash", "back\\slash.txt"],
    ["a tab", "tab\there.txt"],
    ["a newline", "new\nline.txt"],
    ["a control character", "bell\u0007.txt"],
    ["a quote and non-ASCII letters", 'café "x".txt'],
    ["a leading dash and a colon", "-x:y.txt"],
    ["a glob character", "[abc]*.txt"],
  ])("reads a path with %s", (_what, file) => {
    repo.write(file, "one\ntwo\n");
    const commit = repo.commit("root");
    expect(readCommitChanges(repo.dir, commit)).toEqual([change(file, added([1, "one"], [2, "two"]))]);
  });

  it("reads a renamed file whose new name has a space", () => {
    repo.write("old name.txt", numbered(20));
    repo.commit("first");
    fs.rmSync(path.join(repo.dir, "old name.txt"));
    repo.write("new name.txt", numbered(20).replace("line 2\n", "LINE 2\n"));
    const commit = repo.commit("rename");
    expect(readCommitChanges(repo.dir, commit)).toEqual([change("new name.txt", added([2, "LINE 2"]))]);
  });

  it("hashes CRLF lines like LF lines and reads a last line without a newline", () => {
    repo.write("a.txt", "one\r\ntwo\r\nthree");
    const commit = repo.commit("root");
    expect(readCommitChanges(repo.dir, commit)).toEqual([change("a.txt", added([1, "one"], [2, "two"], [3, "three"]))]);
  });

  it("reads added lines that look like a diff's own headers", () => {
    repo.write("a.txt", "x\n");
    repo.commit("first");
    repo.write("a.txt", "x\n++ b/evil.txt\n--- a/x\ndiff --git a/x b/x\n@@ -1 +1 @@\n");
    const commit = repo.commit("second");
    expect(readCommitChanges(repo.dir, commit)).toEqual([
      change("a.txt", added([2, "++ b/evil.txt"], [3, "--- a/x"], [4, "diff --git a/x b/x"], [5, "@@ -1 +1 @@"])),
    ]);
  });

  it("lists a file whose mode alone changed with nothing added, and reads the files after it", () => {
    repo.write("a.sh", "echo a\n");
    repo.write("b.txt", "b\n");
    repo.commit("first");
    fs.chmodSync(path.join(repo.dir, "a.sh"), 0o755);
    repo.write("b.txt", "b\nc\n");
    const commit = repo.commit("second");
    expect(readCommitChanges(repo.dir, commit)).toEqual([change("a.sh", []), change("b.txt", added([2, "c"]))]);
  });

  it("lists an empty file with nothing added", () => {
    repo.write("empty.txt", "");
    const commit = repo.commit("root");
    expect(readCommitChanges(repo.dir, commit)).toEqual([change("empty.txt", [])]);
  });

  it("reads only the paths asked for", () => {
    repo.write("a.txt", "a\n");
    repo.write("b.txt", "b\n");
    const commit = repo.commit("root");
    expect(readCommitChanges(repo.dir, commit, DEFAULT_COMMIT_LIMITS, ["b.txt"])).toEqual([change("b.txt", added([1, "b"]))]);
  });

  it("reads files in folders with their path from the repository root", () => {
    repo.write("src/deep/a.ts", "a\n");
    const commit = repo.commit("root");
    expect(readCommitChanges(repo.dir, commit)).toEqual([change("src/deep/a.ts", added([1, "a"]))]);
  });
});

describe("readCommittedTexts", () => {
  it("reads each file's text as the commit holds it, in one go", () => {
    repo.write("a.txt", "a\n");
    repo.write("dir/b c.txt", "b\nc\n");
    repo.write("empty.txt", "");
    const commit = repo.commit("root");
    repo.write("a.txt", "changed since\n");
    expect(readCommittedTexts(repo.dir, commit, ["a.txt", "dir/b c.txt", "empty.txt"], 1000)).toEqual(
      new Map([
        ["a.txt", "a\n"],
        ["dir/b c.txt", "b\nc\n"],
        ["empty.txt", ""],
      ]),
    );
  });

  it("gives null for a missing, binary or oversized file and still reads the others", () => {
    repo.write("binary.bin", Buffer.from([0x00, 0x01, 0x0a]));
    repo.write("big.txt", "x".repeat(101));
    repo.write("ok.txt", "ok\n");
    repo.write("src/a.ts", "a\n");
    const commit = repo.commit("root");
    expect(readCommittedTexts(repo.dir, commit, ["missing.txt", "binary.bin", "big.txt", "src", "ok.txt"], 100)).toEqual(
      new Map([
        ["missing.txt", null],
        ["binary.bin", null],
        ["big.txt", null],
        ["src", null],
        ["ok.txt", "ok\n"],
      ]),
    );
  });

  it("reads a file of exactly the size limit", () => {
    repo.write("a.txt", "x".repeat(100));
    const commit = repo.commit("root");
    expect(readCommittedTexts(repo.dir, commit, ["a.txt"], 100).get("a.txt")).toBe("x".repeat(100));
  });

  it("reads the file at the commit named, not at HEAD", () => {
    repo.write("a.txt", "first\n");
    const first = repo.commit("first");
    repo.write("a.txt", "second\n");
    repo.commit("second");
    expect(readCommittedTexts(repo.dir, first, ["a.txt"], 100).get("a.txt")).toBe("first\n");
  });

  it("asks git nothing for no paths", () => {
    expect(readCommittedTexts(path.join(repo.root, "not-a-repo"), "HEAD", [], 100)).toEqual(new Map());
  });
});
