import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parsePorcelain, readGitStatus } from "./read-git-status.js";
import { makeRepo, write, type TempRepo } from "./temp-repo.fixture.js";

let repo: TempRepo | undefined;
afterEach(() => repo?.remove());

const committed = { ".gitignore": "dist/\n", "src/a.ts": "a\n", "src/b.ts": "b\n", "docs/guide.md": "guide\n" };

describe("readGitStatus", () => {
  it("lists modified, staged, untracked and ignored files, paths relative to the repository", () => {
    repo = makeRepo({ committed, modified: ["src/a.ts"], staged: ["src/b.ts"], untracked: ["src/new.ts", "dist/app.js"] });
    expect(readGitStatus({ dir: repo.dir, pathspecs: [] })).toEqual({
      known: true,
      entries: [
        { path: "src/a.ts", index: " ", worktree: "M" },
        { path: "src/b.ts", index: "M", worktree: " " },
        { path: "src/new.ts", index: "?", worktree: "?" },
        { path: "dist/", index: "!", worktree: "!" },
      ],
    });
  });

  it("looks only at the pathspecs asked about, absolute or relative to the directory", () => {
    repo = makeRepo({ committed, modified: ["src/a.ts"], untracked: ["docs/draft.md"] });
    const status = readGitStatus({ dir: path.join(repo.dir, "src"), pathspecs: ["b.ts", path.join(repo.dir, "docs")] });
    expect(status).toEqual({ known: true, entries: [{ path: "docs/draft.md", index: "?", worktree: "?" }] });
  });

  it("has nothing to report for clean files", () => {
    repo = makeRepo({ committed });
    expect(readGitStatus({ dir: repo.dir, pathspecs: ["src"] })).toEqual({ known: true, entries: [] });
  });

  it("does not know outside a repository, without running git", () => {
    repo = makeRepo({ committed });
    const plain = path.join(repo.root, "plain");
    fs.mkdirSync(plain);
    expect(readGitStatus({ dir: plain, pathspecs: [] }, { git: "/nonexistent/git" })).toEqual({
      known: false,
      why: "not in a git repository",
      noRepository: true,
    });
  });

  it("does not know when git is not installed", () => {
    repo = makeRepo({ committed });
    expect(readGitStatus({ dir: repo.dir, pathspecs: [] }, { git: path.join(repo.root, "no-such-git") })).toEqual({
      known: false,
      why: "git is not installed",
    });
  });

  it("gives up on a git that takes longer than the time bound", () => {
    repo = makeRepo({ committed });
    const slowGit = path.join(repo.root, "slow-git");
    write(repo.root, "slow-git", "#!/bin/sh\nexec sleep 5\n");
    fs.chmodSync(slowGit, 0o755);
    expect(readGitStatus({ dir: repo.dir, pathspecs: [] }, { git: slowGit, timeoutMs: 200 })).toEqual({
      known: false,
      why: "git status took longer than 200 ms",
    });
  });

  it("says what git reported when it fails", () => {
    repo = makeRepo({ committed });
    expect(readGitStatus({ dir: repo.dir, pathspecs: ["/elsewhere"] })).toEqual({
      known: false,
      why: expect.stringMatching(/^git status failed: fatal: .*outside repository/),
    });
  });

  it("does not run an fsmonitor hook the repository's config names", () => {
    repo = makeRepo({ committed });
    const marker = path.join(repo.root, "hook-ran");
    write(repo.root, "monitor", `#!/bin/sh\ntouch ${marker}\n`);
    fs.chmodSync(path.join(repo.root, "monitor"), 0o755);
    fs.appendFileSync(path.join(repo.dir, ".git", "config"), `[core]\n\tfsmonitor = ${path.join(repo.root, "monitor")}\n`);
    readGitStatus({ dir: repo.dir, pathspecs: [] });
    expect(fs.existsSync(marker)).toBe(false);
  });

  it("leaves the index file untouched", () => {
    repo = makeRepo({ committed, modified: ["src/a.ts"] });
    const index = path.join(repo.dir, ".git", "index");
    const before = fs.statSync(index).mtimeMs;
    fs.utimesSync(path.join(repo.dir, "src/b.ts"), new Date(), new Date(Date.now() + 5_000));
    readGitStatus({ dir: repo.dir, pathspecs: [] });
    expect(fs.statSync(index).mtimeMs).toBe(before);
  });
});

describe("parsePorcelain", () => {
  it("reads a rename as its new path and skips its source", () => {
    expect(parsePorcelain("R  new.ts\0old.ts\0 M f\0")).toEqual([
      { path: "new.ts", index: "R", worktree: " " },
      { path: "f", index: " ", worktree: "M" },
    ]);
  });

  it("keeps spaces and newlines in paths", () => {
    expect(parsePorcelain("?? a b\nc.txt\0")).toEqual([{ path: "a b\nc.txt", index: "?", worktree: "?" }]);
  });
});
