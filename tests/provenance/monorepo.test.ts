import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { blameLines, commitHistory, GREET_TEXT, makeWorld, originsOf, PROMPT, type World } from "./provenance-world.js";

/**
 * Claude Code run in a folder of the repository, as in a monorepo: the hooks keep `.warden` in
 * that folder, not at the repository's root. blame and why, run from that folder or told the
 * data directory with --dir, still find what the hooks recorded there.
 */

const SESSION = "5e551011-c0de-4000-8000-000000000007";
const FILE = "app/src/greet.ts";

let world: World;
beforeEach(async () => {
  world = makeWorld({ claudeIn: "app" });
  commitHistory(world);
  const session = world.session(SESSION);
  await session.start();
  await session.prompt(PROMPT);
  await session.write(FILE, GREET_TEXT);
  await session.bash("git add -A && git commit -q -m 'Add greet'");
  await session.edit(FILE, "return greeting;", "return greeting.trim();");
});
afterEach(() => world.cleanup());

describe("Claude Code run in a folder of the repository", () => {
  it("keeps its data in that folder's .warden", () => {
    expect(world.git("status", "--porcelain", "--ignored")).toBe(` M ${FILE}\n!! app/.warden/\n`);
  });

  it("has blame, run from that folder, give the model's uncommitted line as ai", async () => {
    const lines = await world.blame(FILE);
    expect(lines.map((l) => [l.origin, l.commit == null])).toEqual([
      ["ai", false],
      ["ai", false],
      ["ai", true],
      ["ai", false],
    ]);
  });

  it("has blame, run from the repository's root with --dir naming the data, give the model's uncommitted line as ai", async () => {
    const output = await world.warden(["blame", FILE, "--json", "--dir", world.project], world.repo);
    expect(originsOf(blameLines(output))).toEqual(["ai", "ai", "ai", "ai"]);
  });

  it("has blame, run from outside the repository, read --dir from where it is run", async () => {
    const outside = path.dirname(world.repo);
    const output = await world.warden(
      ["blame", path.join(world.repo, FILE), "--json", "--dir", path.relative(outside, world.project)],
      outside,
    );
    expect(originsOf(blameLines(output))).toEqual(["ai", "ai", "ai", "ai"]);
  });

  it("has why, run from that folder, list the calls of the segment behind the commit", async () => {
    const story = await world.why("HEAD");
    expect(story.sessions).toMatchObject([
      {
        session_id: SESSION,
        calls: [
          { tool_name: "Write", verdict: "allowed", what: path.join(world.repo, FILE) },
          { tool_name: "Bash", verdict: "allowed" },
        ],
      },
    ]);
  });
});
