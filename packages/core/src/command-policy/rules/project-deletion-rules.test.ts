import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCommandPolicy } from "../create-command-policy.js";
import { readGitStatus, type StatusQuery } from "../read-git-status.js";
import { bashIn, makeRepo, recoveryNotes, type RepoFiles, type TempRepo } from "../temp-repo.fixture.js";

let repo: TempRepo | undefined;
afterEach(() => repo?.remove());

const committed = {
  ".gitignore": "node_modules/\ndist/\n.env\n",
  "src/a.ts": "a\n",
  "src/b.ts": "b\n",
  "src/c.ts": "c\n",
  "docs/guide.md": "guide\n",
};
const queries: StatusQuery[] = [];
const policy = createCommandPolicy({}, { readStatus: (q) => (queries.push(q), readGitStatus(q)) });
afterEach(() => queries.splice(0));

function inRepo(files: RepoFiles): string {
  repo = makeRepo(files);
  return repo.dir;
}
const decide = (command: string, dir: string) => policy.decide(bashIn(command, dir));
const notes = (command: string, dir: string) => recoveryNotes(policy, command, dir);

describe("fs.rm-unrecoverable", () => {
  it("asks before deleting a directory with uncommitted work, naming what would be lost", () => {
    const dir = inRepo({ committed, modified: ["src/a.ts", "src/b.ts", "src/c.ts"], untracked: ["src/new/x.ts", "src/new/y.ts"] });
    expect(decide("rm -rf src", dir)).toMatchObject({
      decision: "ask",
      findings: [
        {
          rule: "fs.rm-unrecoverable",
          message: expect.stringContaining(
            "(would lose 3 modified files under src/: src/a.ts, src/b.ts, src/c.ts; 2 untracked files under src/new/: src/new/x.ts, src/new/y.ts)",
          ),
        },
      ],
    });
  });

  it("allows deleting what git holds unchanged, and says it is recoverable", () => {
    const dir = inRepo({ committed, modified: ["src/a.ts"] });
    expect([decide("rm -rf docs src/b.ts", dir), notes("rm -rf docs src/b.ts", dir)]).toEqual([
      { decision: "allow", verdict: "allowed", severity: null, findings: [] },
      ["recoverable: what it discards is tracked and unchanged in git"],
    ]);
  });

  it("allows deleting ignored build output, and says it can be regenerated", () => {
    const dir = inRepo({ committed, untracked: ["node_modules/pkg/index.js", "dist/app.js"] });
    expect([decide("rm -rf node_modules dist", dir).decision, notes("rm -rf node_modules dist", dir)]).toEqual([
      "allow",
      ["recoverable: what it discards is tracked and unchanged in git; dist/, node_modules/ ignored by git, taken as regenerable output"],
    ]);
  });

  it("asks before deleting an ignored .env, which nothing regenerates", () => {
    const dir = inRepo({ committed, untracked: [".env"] });
    expect(decide("rm .env", dir).decision).toBe("ask");
  });

  it("asks git once for all the paths of one deletion", () => {
    const dir = inRepo({ committed });
    decide("rm -rf src docs node_modules", dir);
    expect(queries).toEqual([{ dir, pathspecs: ["src", "docs", "node_modules"] }]);
  });

  it("asks about a project reached through a symbolic link", () => {
    const real = inRepo({ committed, modified: ["src/a.ts"] });
    const linked = path.join(path.dirname(real), "linked");
    fs.symlinkSync(real, linked);
    expect(decide(`rm -rf ${linked}/src`, linked).decision).toBe("ask");
  });

  it("does not ask git about deletions outside the project", () => {
    const dir = inRepo({ committed });
    decide("rm -rf /tmp/warden-build-cache; rm -f ~/notes.txt", dir);
    expect(queries).toEqual([]);
  });

  it("asks before a whole directory of a project without git goes: nothing holds a copy", () => {
    repo = makeRepo({ committed });
    const plain = path.join(repo.root, "plain");
    fs.mkdirSync(path.join(plain, "src"), { recursive: true });
    expect([decide("rm -rf src", plain).decision, notes("rm -rf src", plain)]).toEqual([
      "ask",
      ["recoverability unknown: not in a git repository"],
    ]);
  });

  it.each(["rm -rf node_modules dist", "rm -rf packages/app/.next", "find . -name '*.pyc' -delete", "rm notes.txt"])(
    "lets %s run in a project without git: build output comes back, and one file is not a directory of work",
    (command) => {
      repo = makeRepo({ committed });
      const plain = path.join(repo.root, "plain");
      fs.mkdirSync(plain);
      expect(decide(command, plain)).toMatchObject({ decision: "allow", findings: [] });
    },
  );
});
