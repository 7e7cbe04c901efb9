import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitHistory, head, makeWorld, OLD_DATE, originsOf, type World } from "./provenance-world.js";

/**
 * A Bash command that writes a file from its own text (a heredoc, echo >>, sed -i) writes the
 * model's lines; what a program writes (a command's output redirected) is of unknown origin.
 */

const SESSION = "5e551011-c0de-4000-8000-00000000b45e";

let world: World;
afterEach(() => world.cleanup());
beforeEach(() => {
  world = makeWorld();
  commitHistory(world);
});

describe("lines a Bash command writes", () => {
  it("are the model's when a heredoc writes the file", async () => {
    const session = world.session(SESSION);
    await session.start();
    await session.bash("cat > notes.txt <<'EOF'\nline one\nline two\nEOF");
    await session.bash("git add notes.txt && git commit -q -m notes");
    const lines = await world.blame("notes.txt");
    expect(lines.map((l) => [l.origin, l.commit, l.session_id, l.tool_name])).toEqual([
      ["ai", head(world), SESSION, "Bash"],
      ["ai", head(world), SESSION, "Bash"],
    ]);
  });

  it("are the model's when echo appends and sed -i changes a line", async () => {
    const session = world.session(SESSION);
    await session.start();
    world.writeByHand("notes.txt", "kept by a person\nline two\n");
    world.git("add", "notes.txt");
    // Dated before Warden's first note here, so its line is unknown whatever second the test runs in.
    world.gitWith({ GIT_AUTHOR_DATE: OLD_DATE, GIT_COMMITTER_DATE: OLD_DATE }, "commit", "-q", "-m", "person's notes");
    await session.bash("echo 'line three' >> notes.txt && sed -i 's/two/2/' notes.txt");
    await session.bash("git commit -q -am more");
    expect(originsOf(await world.blame("notes.txt"))).toEqual(["unknown", "ai", "ai"]);
  });

  it("are of unknown origin when a program's output is redirected to the file", async () => {
    const session = world.session(SESSION);
    await session.start();
    await session.bash("git --version > version.txt");
    await session.bash("git add version.txt && git commit -q -m version");
    expect(originsOf(await world.blame("version.txt"))).toEqual(["unknown"]);
  });
});
