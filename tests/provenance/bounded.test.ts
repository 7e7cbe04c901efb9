import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitHistory, head, makeWorld, type Session, type World } from "./provenance-world.js";

/**
 * A commit with a binary file and a file of more than 20,000 lines the model wrote: the commit is
 * recorded, those files are counted but not followed line by line (their lines unknown), the note
 * stays small, and blame still answers.
 */

const SESSION = "5e551011-c0de-4000-8000-000000000005";
const HUGE_LINES = 20_001;
const HUGE_TEXT = Array.from({ length: HUGE_LINES }, (_, i) => `export const value${i} = ${i};\n`).join("");
/** What a Write of bytes that are not text looks like: NULs among them. */
const BINARY_TEXT = "\u0000\u0001\u0002GIF89a\u0000\u0000\n\u0000\u00ff\n";
const NOTE_BOUND_BYTES = 100 * 1024;

let world: World;
let session: Session;
beforeEach(async () => {
  world = makeWorld();
  commitHistory(world);
  session = world.session(SESSION);
  await session.start();
  await session.prompt("Generate the table and the icon");
  await session.write("src/table.ts", HUGE_TEXT);
  await session.write("assets/icon.bin", BINARY_TEXT);
  await session.write("src/index.ts", "export * from './table';\n");
  await session.bash("git add -A && git commit -q -m 'Add the table and the icon'");
});
afterEach(() => world.cleanup());

describe("a commit with a huge and a binary file the model wrote", () => {
  it("is recorded: the huge file's lines counted as unknown, the binary file with none, the small file's ai", async () => {
    expect(world.checkpoints(SESSION).map((c) => [c.commit, c.files])).toEqual([
      [
        head(world),
        expect.arrayContaining([
          { path: "src/table.ts", added: HUGE_LINES, ai: 0, mixed: 0, human: 0, unknown: HUGE_LINES },
          { path: "assets/icon.bin", added: 0, ai: 0, mixed: 0, human: 0, unknown: 0 },
          { path: "src/index.ts", added: 1, ai: 1, mixed: 0, human: 0, unknown: 0 },
        ]),
      ],
    ]);
  });

  it("has a note that lists those files as skipped or binary, without their lines", async () => {
    const note = JSON.parse(world.note("HEAD") ?? "no note");
    expect(note.metadata.warden.files).toEqual(
      expect.arrayContaining([
        { path: "src/table.ts", added: HUGE_LINES, binary: false, skipped: true, lines: [] },
        { path: "assets/icon.bin", added: 0, binary: true, skipped: true, lines: [] },
      ]),
    );
  });

  it("has a note that stays small", () => {
    expect(Buffer.byteLength(world.note("HEAD") ?? "")).toBeLessThan(NOTE_BOUND_BYTES);
  });

  it("still has blame answer for the huge file, its lines unknown", async () => {
    const lines = await world.blame("src/table.ts");
    expect([lines.length, new Set(lines.map((l) => l.origin)), lines[HUGE_LINES - 1]?.commit]).toEqual([
      HUGE_LINES,
      new Set(["unknown"]),
      head(world),
    ]);
  });

  it("still has blame answer for the small file beside them, its line ai", async () => {
    expect((await world.blame("src/index.ts")).map((l) => [l.origin, l.session_id])).toEqual([["ai", SESSION]]);
  });

  it("has why count the huge file's lines as unknown", async () => {
    expect(await world.why("HEAD")).toMatchObject({ lines: { added: HUGE_LINES + 1, ai: 1, unknown: HUGE_LINES } });
  });
});
