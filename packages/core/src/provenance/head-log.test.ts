import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeRepo, type TempRepo } from "./git-repo.fixture.js";
import { commitsMade, headLogPath, headLogSize, readHeadMoves } from "./head-log.js";

let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.remove());

/** The commits `run` made, read from what it appended to HEAD's reflog. */
function commitsOf(run: () => void) {
  const offset = headLogSize(repo.gitDir);
  run();
  return commitsMade(readHeadMoves(repo.gitDir, offset));
}

describe("commits read from HEAD's reflog", () => {
  it("finds the first commit of a repository", () => {
    let made = "";
    const commits = commitsOf(() => {
      repo.write("a.txt", "a\n");
      made = repo.commit("first");
    });
    expect(commits).toEqual([{ commit: made, amendOf: null }]);
  });

  it("finds a commit", () => {
    repo.commit("first");
    let made = "";
    const commits = commitsOf(() => {
      repo.write("a.txt", "a\n");
      made = repo.commit("second");
    });
    expect(commits).toEqual([{ commit: made, amendOf: null }]);
  });

  it("finds each commit of a command that made several", () => {
    repo.commit("first");
    const made: string[] = [];
    const commits = commitsOf(() => {
      made.push(repo.commit("second"), repo.commit("third"));
    });
    expect(commits).toEqual(made.map((commit) => ({ commit, amendOf: null })));
  });

  it("finds an amended commit and the commit it replaced", () => {
    const replaced = repo.commit("first");
    repo.write("a.txt", "a\n");
    let made = "";
    const commits = commitsOf(() => {
      made = repo.commit("first, amended", "--amend");
    });
    expect(commits).toEqual([{ commit: made, amendOf: replaced }]);
  });

  it("finds a merge commit made by `git commit` after a merge stopped", () => {
    repo.write("a.txt", "base\n");
    repo.commit("base");
    repo.git("checkout", "-q", "-b", "side");
    repo.write("a.txt", "side\n");
    repo.commit("side");
    repo.git("checkout", "-q", "main");
    repo.write("a.txt", "main\n");
    repo.commit("main");
    expect(() => repo.git("merge", "-q", "side")).toThrow();
    repo.write("a.txt", "both\n");
    let made = "";
    const commits = commitsOf(() => {
      made = repo.commit("merged");
    });
    expect([commits, repo.git("log", "-1", "--format=%P").trim().split(" ").length]).toEqual([[{ commit: made, amendOf: null }], 2]);
  });

  it.each([
    ["a checkout", () => repo.git("checkout", "-q", "-b", "other")],
    ["a reset", () => repo.git("reset", "-q", "--hard", "HEAD~1")],
    ["a merge by `git merge`", () => repo.git("merge", "-q", "--no-ff", "-m", "merge side", "side")],
    ["a fast-forward", () => repo.git("merge", "-q", "--ff-only", "ahead")],
    ["a rebase", () => repo.git("rebase", "-q", "side")],
    ["a cherry-pick", () => repo.git("cherry-pick", "side")],
    ["a revert", () => repo.git("revert", "--no-edit", "HEAD")],
    ["a stash", () => (repo.write("b.txt", "changed\n"), repo.git("stash", "-q"))],
  ])("finds no commit in %s", (_what, run) => {
    repo.commit("root");
    repo.write("b.txt", "base\n");
    repo.commit("base");
    repo.git("checkout", "-q", "-b", "side");
    repo.write("side.txt", "side\n");
    repo.commit("on side");
    repo.git("checkout", "-q", "main");
    repo.write("main.txt", "main\n");
    repo.commit("on main");
    repo.git("branch", "ahead");
    repo.git("reset", "-q", "--hard", "HEAD~1");
    const moves = (() => {
      const offset = headLogSize(repo.gitDir);
      run();
      return readHeadMoves(repo.gitDir, offset);
    })();
    expect([moves.length > 0, commitsMade(moves)]).toEqual([true, []]);
  });
});

describe("readHeadMoves", () => {
  it("reads what was appended since the offset, not what was there before", () => {
    const first = repo.commit("first");
    const offset = headLogSize(repo.gitDir);
    const second = repo.commit("second");
    expect(readHeadMoves(repo.gitDir, offset)).toEqual([{ from: first, to: second, message: "commit: second" }]);
  });

  it("reads nothing when nothing was appended", () => {
    repo.commit("first");
    expect(readHeadMoves(repo.gitDir, headLogSize(repo.gitDir))).toEqual([]);
  });

  // An expired or rewritten reflog: what is past the old offset is not what the command appended.
  it("reads nothing from a reflog shorter than the offset", () => {
    repo.commit("first");
    repo.commit("second");
    const offset = headLogSize(repo.gitDir);
    fs.writeFileSync(headLogPath(repo.gitDir), fs.readFileSync(headLogPath(repo.gitDir), "utf8").split("\n").slice(1).join("\n"));
    repo.commit("third");
    expect([headLogSize(repo.gitDir) <= offset, readHeadMoves(repo.gitDir, offset)]).toEqual([true, []]);
  });

  it("reads nothing when more than a command's worth was appended", () => {
    repo.commit("first");
    const offset = headLogSize(repo.gitDir);
    const line = fs.readFileSync(headLogPath(repo.gitDir), "utf8");
    fs.appendFileSync(headLogPath(repo.gitDir), line.repeat(Math.ceil((1024 * 1024) / line.length) + 1));
    expect(readHeadMoves(repo.gitDir, offset)).toEqual([]);
  });

  it("reads nothing, and a size of 0, where git keeps no reflog", () => {
    fs.rmSync(headLogPath(repo.gitDir), { force: true });
    expect([headLogSize(repo.gitDir), readHeadMoves(repo.gitDir, 0)]).toEqual([0, []]);
  });

  it("reads a message with a tab or non-ASCII text in it", () => {
    repo.commit("first");
    const offset = headLogSize(repo.gitDir);
    const made = repo.commit("fix: café\tdone");
    expect(commitsMade(readHeadMoves(repo.gitDir, offset))).toEqual([{ commit: made, amendOf: null }]);
  });
});

describe("commitsMade", () => {
  const A = "a".repeat(40);
  const B = "b".repeat(40);
  const ZERO = "0".repeat(40);

  it.each([
    ["commit: x", [{ commit: B, amendOf: null }]],
    ["commit (initial): x", [{ commit: B, amendOf: null }]],
    ["commit (amend): x", [{ commit: B, amendOf: A }]],
    ["commit (merge): x", [{ commit: B, amendOf: null }]],
    ["commit (cherry-pick): x", []],
    ["merge side: Merge made by the 'ort' strategy.", []],
    ["rebase (finish): returning to refs/heads/main", []],
    ["pull: Fast-forward", []],
    ["checkout: moving from main to commit: x", []],
    ["reset: moving to HEAD~1", []],
  ])("reads %j", (message, expected) => {
    expect(commitsMade([{ from: A, to: B, message }])).toEqual(expected);
  });

  it("names no replaced commit for an amend from nothing", () => {
    expect(commitsMade([{ from: ZERO, to: B, message: "commit (amend): x" }])).toEqual([{ commit: B, amendOf: null }]);
  });
});
