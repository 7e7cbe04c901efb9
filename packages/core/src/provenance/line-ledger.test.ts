import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canonicalPath, dropLedger, ledgerDir, readLedger, writeLedger, type LineAuthor } from "./line-ledger.js";
import type { LineOrigin } from "./line-origins.js";

let dir: string;
let wardenRoot: string;
let file: string;
beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "warden-ledger-")));
  wardenRoot = path.join(dir, "project", ".warden");
  fs.mkdirSync(path.join(dir, "project", "src"), { recursive: true });
  file = path.join(dir, "project", "src", "a.ts");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = new Date("2026-12-01T10:00:00.000Z");
const author = (n: number): LineAuthor => ({
  session_id: `s${n}`,
  tool_use_id: `toolu_${n}`,
  prompt_id: n % 2 === 0 ? null : `p${n}`,
  agent_id: null,
  tool_name: "Edit",
  at: `2026-12-01T09:0${n}:00.000Z`,
});
const storedFiles = () => fs.readdirSync(ledgerDir(wardenRoot));
const ledgerPath = () => path.join(ledgerDir(wardenRoot), storedFiles()[0]!);
const stored = (): Record<string, unknown> => JSON.parse(fs.readFileSync(ledgerPath(), "utf8"));
/** Changes some keys of the one stored ledger, as another program (or a collision) would leave it. */
const rewriteStored = (change: Record<string, unknown>) => fs.writeFileSync(ledgerPath(), JSON.stringify({ ...stored(), ...change }));

describe("writeLedger and readLedger", () => {
  it("read back every line's hash, origin and author", () => {
    const authors = [author(0), author(1)];
    const lines: LineOrigin[] = [
      { hash: "00000000000000a1", origin: "ai", author: 0 },
      { hash: "00000000000000a2", origin: "human" },
      { hash: "00000000000000a3", origin: "mixed", author: 1 },
      { hash: "00000000000000a4", origin: "unknown" },
    ];
    writeLedger(wardenRoot, file, authors, lines, NOW);
    expect(readLedger(wardenRoot, file)).toEqual({ path: file, authors, lines });
  });

  it("keep only the authors some line names, renumbered", () => {
    const authors = [author(0), author(1), author(2), author(3)];
    writeLedger(
      wardenRoot,
      file,
      authors,
      [
        { hash: "00000000000000a1", origin: "ai", author: 3 },
        { hash: "00000000000000a2", origin: "mixed", author: 1 },
        { hash: "00000000000000a3", origin: "ai", author: 3 },
      ],
      NOW,
    );
    expect(readLedger(wardenRoot, file)).toEqual({
      path: file,
      authors: [author(3), author(1)],
      lines: [
        { hash: "00000000000000a1", origin: "ai", author: 0 },
        { hash: "00000000000000a2", origin: "mixed", author: 1 },
        { hash: "00000000000000a3", origin: "ai", author: 0 },
      ],
    });
  });

  it("store a file of no lines", () => {
    writeLedger(wardenRoot, file, [author(0)], [], NOW);
    expect(readLedger(wardenRoot, file)).toEqual({ path: file, authors: [], lines: [] });
  });

  it("store neither the file's name nor its text, only hashes", () => {
    writeLedger(wardenRoot, file, [author(0)], [{ hash: "00000000000000a1", origin: "ai", author: 0 }], NOW);
    expect([storedFiles(), stored()]).toEqual([
      [expect.stringMatching(/^[0-9a-f]{40}\.json$/)],
      { path: file, updated_at: NOW.toISOString(), authors: [author(0)], lines: ["00000000000000a1:a:0"] },
    ]);
  });

  it("keep one ledger a file: a second write replaces the first", () => {
    writeLedger(wardenRoot, file, [], [{ hash: "00000000000000a1", origin: "human" }], NOW);
    writeLedger(wardenRoot, file, [], [{ hash: "00000000000000a2", origin: "unknown" }], NOW);
    expect([storedFiles().length, readLedger(wardenRoot, file)?.lines]).toEqual([1, [{ hash: "00000000000000a2", origin: "unknown" }]]);
  });

  it("keep two files apart", () => {
    const other = path.join(dir, "project", "src", "b.ts");
    writeLedger(wardenRoot, file, [], [{ hash: "00000000000000a1", origin: "human" }], NOW);
    writeLedger(wardenRoot, other, [], [{ hash: "00000000000000b1", origin: "human" }], NOW);
    expect([readLedger(wardenRoot, file)?.lines, readLedger(wardenRoot, other)?.lines]).toEqual([
      [{ hash: "00000000000000a1", origin: "human" }],
      [{ hash: "00000000000000b1", origin: "human" }],
    ]);
  });
});

describe("readLedger", () => {
  it("knows nothing of a file never written", () => {
    expect(readLedger(wardenRoot, file)).toBeUndefined();
  });

  // Two paths whose keys collide, or a ledger copied from another project, must not lend their lines.
  it("ignores a ledger whose stored path is another file's", () => {
    writeLedger(wardenRoot, file, [], [{ hash: "00000000000000a1", origin: "human" }], NOW);
    rewriteStored({ path: path.join(dir, "project", "src", "other.ts") });
    expect(readLedger(wardenRoot, file)).toBeUndefined();
  });

  it("ignores a damaged ledger", () => {
    writeLedger(wardenRoot, file, [], [{ hash: "00000000000000a1", origin: "human" }], NOW);
    fs.writeFileSync(ledgerPath(), '{"path":');
    expect(readLedger(wardenRoot, file)).toBeUndefined();
  });

  it("reads a line naming an author the ledger lacks as the origin alone", () => {
    writeLedger(wardenRoot, file, [], [{ hash: "00000000000000a1", origin: "ai" }], NOW);
    rewriteStored({ lines: ["00000000000000a1:a:4", "00000000000000a2:x"] });
    expect(readLedger(wardenRoot, file)?.lines).toEqual([
      { hash: "00000000000000a1", origin: "ai" },
      { hash: "00000000000000a2", origin: "unknown" },
    ]);
  });

  it("finds the ledger of a file through a linked project folder", () => {
    fs.symlinkSync(path.join(dir, "project"), path.join(dir, "linked"));
    writeLedger(wardenRoot, path.join(dir, "linked", "src", "a.ts"), [], [{ hash: "00000000000000a1", origin: "human" }], NOW);
    expect(readLedger(wardenRoot, file)).toEqual({ path: file, authors: [], lines: [{ hash: "00000000000000a1", origin: "human" }] });
  });

  it("finds the ledger of a file by a relative path or one with '..' in it", () => {
    writeLedger(
      wardenRoot,
      path.join(dir, "project", "src", "..", "src", "a.ts"),
      [],
      [{ hash: "00000000000000a1", origin: "human" }],
      NOW,
    );
    expect(readLedger(wardenRoot, path.relative(process.cwd(), file))?.lines).toEqual([{ hash: "00000000000000a1", origin: "human" }]);
  });
});

describe("canonicalPath", () => {
  it("resolves a linked folder to its real path", () => {
    fs.symlinkSync(path.join(dir, "project"), path.join(dir, "linked"));
    expect(canonicalPath(path.join(dir, "linked", "src", "a.ts"))).toBe(file);
  });

  it("keeps the path of a file whose folder does not exist", () => {
    expect(canonicalPath(path.join(dir, "gone", "a.ts"))).toBe(path.join(dir, "gone", "a.ts"));
  });
});

describe("dropLedger", () => {
  it("forgets a file's lines", () => {
    writeLedger(wardenRoot, file, [], [{ hash: "00000000000000a1", origin: "human" }], NOW);
    dropLedger(wardenRoot, file);
    expect([readLedger(wardenRoot, file), storedFiles()]).toEqual([undefined, []]);
  });

  it("does nothing for a file with no ledger", () => {
    expect(() => dropLedger(wardenRoot, file)).not.toThrow();
  });
});

describe("writeLedger", () => {
  it("refuses to write through a data folder that is a link", () => {
    fs.mkdirSync(path.join(dir, "elsewhere"));
    fs.mkdirSync(path.join(wardenRoot, "provenance"), { recursive: true });
    fs.symlinkSync(path.join(dir, "elsewhere"), path.join(wardenRoot, "provenance", "lines"));
    expect(() => writeLedger(wardenRoot, file, [], [], NOW)).toThrow(/symbolic link/);
  });
});
