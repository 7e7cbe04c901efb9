import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCommandPolicy } from "./create-command-policy.js";
import { readGitStatus, type StatusQuery } from "./read-git-status.js";
import { bashIn, makeRepo, recoveryNotes, type RepoFiles, type TempRepo } from "./temp-repo.fixture.js";

let repo: TempRepo | undefined;
afterEach(() => repo?.remove());

const committed = { ".gitignore": "node_modules/\ndist/\n.env\n", "src/a.ts": "a\n", "src/b.ts": "b\n", f: "f\n" };
const policy = createCommandPolicy();

function inRepo(files: RepoFiles): string {
  repo = makeRepo(files);
  return repo.dir;
}
const decide = (command: string, dir: string) => policy.decide(bashIn(command, dir));
const notes = (command: string, dir: string) => recoveryNotes(policy, command, dir);

describe("git discards, when everything they discard is committed", () => {
  it("allows a checkout of a file, and says it is recoverable", () => {
    const dir = inRepo({ committed, modified: ["f"] });
    expect([decide("git checkout -- src/a.ts", dir), notes("git checkout -- src/a.ts", dir)]).toEqual([
      { decision: "allow", verdict: "allowed", severity: null, findings: [] },
      ["recoverable: what it discards is tracked and unchanged in git"],
    ]);
  });

  it("allows git reset --hard", () => {
    const dir = inRepo({ committed });
    expect(decide("git reset --hard HEAD", dir).decision).toBe("allow");
  });

  it("allows git clean -fdx that only deletes ignored build output", () => {
    const dir = inRepo({ committed, untracked: ["node_modules/pkg/index.js", "dist/app.js"] });
    expect([decide("git clean -fdx", dir).decision, notes("git clean -fdx", dir)]).toEqual([
      "allow",
      ["recoverable: what it discards is tracked and unchanged in git; dist/, node_modules/ ignored by git, taken as regenerable output"],
    ]);
  });
});

describe("git discards, when they would lose uncommitted work", () => {
  it("asks before a checkout that overwrites a modified file, naming it", () => {
    const dir = inRepo({ committed, modified: ["src/a.ts"] });
    expect(decide("git checkout -- src", dir)).toMatchObject({
      decision: "ask",
      findings: [{ rule: "git.discard-files", message: expect.stringContaining("(would lose 1 modified file: src/a.ts)") }],
    });
  });

  it("denies git reset --hard, naming what it would lose", () => {
    const dir = inRepo({ committed, modified: ["src/a.ts", "src/b.ts"], staged: ["f"] });
    expect(decide("git reset --hard", dir)).toMatchObject({
      decision: "deny",
      findings: [{ rule: "git.reset-hard", message: expect.stringContaining("(would lose 3 modified files: f, src/a.ts, src/b.ts)") }],
    });
  });

  it("denies git clean -fdx that would delete an ignored .env", () => {
    const dir = inRepo({ committed, untracked: [".env", "node_modules/pkg/index.js"] });
    expect(decide("git clean -fdx", dir).findings.map((f) => f.message)).toEqual([
      expect.stringContaining("would lose 1 ignored but irreplaceable file: .env"),
    ]);
  });

  it("asks before a checkout from a commit overwrites a staged change, which a checkout from the index keeps", () => {
    const dir = inRepo({ committed, staged: ["f"] });
    expect([decide("git checkout HEAD -- f", dir).decision, decide("git checkout -- f", dir).decision]).toEqual(["ask", "allow"]);
  });
});

describe("git discards, when git cannot tell", () => {
  it("still denies git reset --hard outside a repository, saying recoverability is unknown", () => {
    repo = makeRepo({ committed });
    const plain = path.join(repo.root, "plain");
    fs.mkdirSync(plain);
    expect(decide("git reset --hard", plain).findings.map((f) => f.message)).toEqual([
      expect.stringContaining("(git reset --hard; recoverability unknown: not in a git repository)"),
    ]);
  });

  it("asks before a checkout of a file outside a repository, saying git could not tell", () => {
    repo = makeRepo({ committed });
    const plain = path.join(repo.root, "plain");
    fs.mkdirSync(plain);
    expect([decide("git checkout -- f", plain).decision, notes("git checkout -- f", plain)]).toEqual([
      "ask",
      ["recoverability unknown: not in a git repository"],
    ]);
  });

  it("lets git checkout of one word run outside a repository: it names a branch far more often than a file", () => {
    repo = makeRepo({ committed });
    const plain = path.join(repo.root, "plain");
    fs.mkdirSync(plain);
    expect(decide("git checkout main", plain)).toMatchObject({ decision: "allow", findings: [] });
  });
});

/** A policy whose git status calls are counted: the real one, each query kept. */
function counting() {
  const queries: StatusQuery[] = [];
  const counted = createCommandPolicy({}, { readStatus: (q) => (queries.push(q), readGitStatus(q)) });
  return { queries, decide: (command: string, dir: string) => counted.decide(bashIn(command, dir)) };
}

describe("the cost of asking git", () => {
  it("runs git status once for a command line that discards the same paths twice", () => {
    const dir = inRepo({ committed, modified: ["f"] });
    const { queries, decide: decideCounted } = counting();
    decideCounted("git checkout -- f; git restore f", dir);
    expect(queries).toEqual([{ dir, pathspecs: ["f"] }]);
  });

  it("does not run git for commands that discard nothing", () => {
    const dir = inRepo({ committed, modified: ["f"] });
    const { queries, decide: decideCounted } = counting();
    for (const command of ["ls -la", "npm test", "git status", "git log -p", "git diff", "git switch -c x", "git restore --staged f"])
      decideCounted(command, dir);
    expect(queries).toEqual([]);
  });
});
