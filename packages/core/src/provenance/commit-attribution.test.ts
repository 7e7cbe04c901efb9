import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordAiWrite } from "./ai-write.js";
import { attributeCommit, countOrigins, remapLines, sumCounts, type AttributedLine, type FileAttribution } from "./commit-attribution.js";
import { attributeCommitLines } from "./commit-checkpoint.js";
import type { FileChange } from "./commit-diff.js";
import { makeRepo, type TempRepo } from "./git-repo.fixture.js";
import type { FileLedger, LineAuthor } from "./line-ledger.js";
import type { LineOrigin } from "./line-origins.js";
import { hashLine } from "./line-text.js";

const author = (session: string, toolUse: string | null, at = "2026-12-01T09:00:00.000Z"): LineAuthor => ({
  session_id: session,
  tool_use_id: toolUse,
  prompt_id: null,
  agent_id: null,
  tool_name: "Edit",
  at,
});
const h = hashLine;
const ai = (text: string, a = 0): LineOrigin => ({ hash: h(text), origin: "ai", author: a });
const human = (text: string): LineOrigin => ({ hash: h(text), origin: "human" });
const ledger = (file: string, authors: LineAuthor[], lines: LineOrigin[]): FileLedger => ({ path: file, authors, lines });
/** A commit's change to `file`: the lines it added, by number in the committed text. */
const changeOf = (file: string, committed: string[], addedLines: number[], extra: Partial<FileChange> = {}): FileChange => ({
  path: file,
  binary: false,
  skipped: false,
  addedCount: addedLines.length,
  added: addedLines.map((line) => ({ line, hash: h(committed[line - 1]!) })),
  ...extra,
});
const line = (n: number, text: string, origin: AttributedLine["origin"], a?: number): AttributedLine =>
  a == null ? { line: n, hash: h(text), origin } : { line: n, hash: h(text), origin, author: a };

describe("attributeCommit", () => {
  it("gives the lines still as the model left them to the model, with its write", () => {
    const committed = ["a", "b", "c"];
    const attribution = attributeCommit(
      [changeOf("f.ts", committed, [1, 2, 3])],
      new Map([["f.ts", ledger("f.ts", [author("s1", "t1")], [ai("a"), ai("b"), ai("c")])]]),
      new Map([["f.ts", committed.map(h)]]),
    );
    expect(attribution).toEqual({
      files: [
        {
          path: "f.ts",
          binary: false,
          skipped: false,
          addedCount: 3,
          lines: [line(1, "a", "ai", 0), line(2, "b", "ai", 0), line(3, "c", "ai", 0)],
        },
      ],
      authors: [author("s1", "t1")],
    });
  });

  it("marks a model's line a person changed before committing as mixed, and a line the person added as theirs", () => {
    const committed = ["a", "B", "c", "new"];
    const attribution = attributeCommit(
      [changeOf("f.ts", committed, [1, 2, 3, 4])],
      new Map([["f.ts", ledger("f.ts", [author("s1", "t1")], [ai("a"), ai("b"), ai("c")])]]),
      new Map([["f.ts", committed.map(h)]]),
    );
    expect(attribution.files[0]?.lines).toEqual([
      line(1, "a", "ai", 0),
      line(2, "B", "mixed", 0),
      line(3, "c", "ai", 0),
      line(4, "new", "human"),
    ]);
  });

  it("reports only the lines the commit added, numbered in the committed text", () => {
    const committed = ["old1", "a", "old2", "b"];
    const attribution = attributeCommit(
      [changeOf("f.ts", committed, [2, 4])],
      new Map([["f.ts", ledger("f.ts", [author("s1", "t1")], [human("old1"), ai("a"), human("old2"), ai("b")])]]),
      new Map([["f.ts", committed.map(h)]]),
    );
    expect(attribution.files[0]?.lines).toEqual([line(2, "a", "ai", 0), line(4, "b", "ai", 0)]);
  });

  it("marks the lines of a file no tool wrote as unknown", () => {
    const committed = ["x"];
    const attribution = attributeCommit([changeOf("g.ts", committed, [1])], new Map(), new Map());
    expect(attribution).toEqual({
      files: [{ path: "g.ts", binary: false, skipped: false, addedCount: 1, lines: [line(1, "x", "unknown")] }],
      authors: [],
    });
  });

  it("marks the lines unknown when the committed text could not be read", () => {
    const committed = ["a"];
    const attribution = attributeCommit(
      [changeOf("f.ts", committed, [1])],
      new Map([["f.ts", ledger("f.ts", [author("s1", "t1")], [ai("a")])]]),
      new Map([["f.ts", null]]),
    );
    expect(attribution.files[0]?.lines).toEqual([line(1, "a", "unknown")]);
  });

  it("marks a line unknown when the diff's line is not the committed text's line (they disagree)", () => {
    const attribution = attributeCommit(
      [{ path: "f.ts", binary: false, skipped: false, addedCount: 1, added: [{ line: 1, hash: h("what git said") }] }],
      new Map([["f.ts", ledger("f.ts", [author("s1", "t1")], [ai("a")])]]),
      new Map([["f.ts", [h("a")]]]),
    );
    expect(attribution.files[0]?.lines).toEqual([line(1, "what git said", "unknown")]);
  });

  it("names each write once across files, and two writes apart", () => {
    const [t1, t2] = [author("s1", "t1"), author("s1", "t2")];
    const attribution = attributeCommit(
      [changeOf("f.ts", ["a", "b"], [1, 2]), changeOf("g.ts", ["c", "d"], [1, 2])],
      new Map([
        ["f.ts", ledger("f.ts", [t2, t1], [ai("a", 1), ai("b", 0)])],
        ["g.ts", ledger("g.ts", [t1, t2], [ai("c", 1), ai("d", 0)])],
      ]),
      new Map([
        ["f.ts", [h("a"), h("b")]],
        ["g.ts", [h("c"), h("d")]],
      ]),
    );
    expect(attribution).toEqual({
      authors: [t1, t2],
      files: [
        expect.objectContaining({ lines: [line(1, "a", "ai", 0), line(2, "b", "ai", 1)] }),
        expect.objectContaining({ lines: [line(1, "c", "ai", 1), line(2, "d", "ai", 0)] }),
      ],
    });
  });

  it("tells apart two writes without a tool call id by their time", () => {
    const [early, late] = [author("s1", null, "2026-12-01T09:00:00.000Z"), author("s1", null, "2026-12-01T09:05:00.000Z")];
    const attribution = attributeCommit(
      [changeOf("f.ts", ["a", "b"], [1, 2])],
      new Map([["f.ts", ledger("f.ts", [early, late], [ai("a", 0), ai("b", 1)])]]),
      new Map([["f.ts", [h("a"), h("b")]]]),
    );
    expect(attribution.authors).toEqual([early, late]);
  });

  it("keeps a skipped file's count with no lines", () => {
    const attribution = attributeCommit(
      [{ path: "big.ts", binary: false, skipped: true, addedCount: 30_000, added: [] }],
      new Map([["big.ts", ledger("big.ts", [author("s1", "t1")], [ai("a")])]]),
      new Map([["big.ts", [h("a")]]]),
    );
    expect(attribution.files).toEqual([{ path: "big.ts", binary: false, skipped: true, addedCount: 30_000, lines: [] }]);
  });
});

describe("remapLines", () => {
  const noted = [line(1, "a", "ai", 0), line(2, "b", "ai", 0), line(3, "c", "ai", 1)];

  it("keeps every origin of a commit rebased unchanged, at its new line numbers", () => {
    const current = [
      { line: 11, hash: h("a") },
      { line: 12, hash: h("b") },
      { line: 13, hash: h("c") },
    ];
    expect(remapLines(noted, current)).toEqual([line(11, "a", "ai", 0), line(12, "b", "ai", 0), line(13, "c", "ai", 1)]);
  });

  it("gives a line an amend added to the person", () => {
    const current = [
      { line: 1, hash: h("a") },
      { line: 2, hash: h("mine") },
      { line: 3, hash: h("b") },
      { line: 4, hash: h("c") },
    ];
    expect(remapLines(noted, current)).toEqual([
      line(1, "a", "ai", 0),
      line(2, "mine", "human"),
      line(3, "b", "ai", 0),
      line(4, "c", "ai", 1),
    ]);
  });

  it("marks a model's line a person changed in an amend as mixed", () => {
    const current = [
      { line: 1, hash: h("a") },
      { line: 2, hash: h("B") },
      { line: 3, hash: h("c") },
    ];
    expect(remapLines(noted, current)).toEqual([line(1, "a", "ai", 0), line(2, "B", "mixed", 0), line(3, "c", "ai", 1)]);
  });

  it("drops the lines an amend removed", () => {
    expect(remapLines(noted, [{ line: 1, hash: h("c") }])).toEqual([line(1, "c", "ai", 1)]);
  });

  it("keeps a person's and an unknown line as they were", () => {
    const before = [line(1, "p", "human"), line(2, "u", "unknown")];
    expect(
      remapLines(before, [
        { line: 5, hash: h("p") },
        { line: 6, hash: h("u") },
      ]),
    ).toEqual([line(5, "p", "human"), line(6, "u", "unknown")]);
  });
});

describe("countOrigins and sumCounts", () => {
  const file = (lines: AttributedLine[], addedCount = lines.length): FileAttribution => ({
    path: "f",
    binary: false,
    skipped: false,
    addedCount,
    lines,
  });

  it("counts each origin, and lines not read as unknown", () => {
    expect(
      countOrigins(file([line(1, "a", "ai", 0), line(2, "b", "mixed", 0), line(3, "c", "human"), line(4, "d", "unknown")], 10)),
    ).toEqual({
      ai: 1,
      mixed: 1,
      human: 1,
      unknown: 7,
    });
  });

  it("adds files' counts", () => {
    expect(
      sumCounts([
        { ai: 1, mixed: 2, human: 3, unknown: 4 },
        { ai: 10, mixed: 20, human: 30, unknown: 40 },
      ]),
    ).toEqual({ ai: 11, mixed: 22, human: 33, unknown: 44 });
  });
});

describe("attributeCommitLines on a real repository", () => {
  let repo: TempRepo;
  let wardenRoot: string;
  beforeEach(() => {
    repo = makeRepo();
    wardenRoot = path.join(repo.root, ".warden");
  });
  afterEach(() => repo.remove());

  /** The model's Write of a new file, named under `base` (the work tree unless a test says otherwise). */
  const modelCreates = (file: string, content: string, toolUse: string, base = repo.dir) => {
    repo.write(file, content);
    recordAiWrite(wardenRoot, { file: path.join(base, file), author: author("s1", toolUse), toolResponse: { type: "create" } }, new Date());
  };
  const view = (files: readonly FileAttribution[]) => files.map((f) => ({ path: f.path, ...countOrigins(f) }));

  it("attributes a commit of a file the model wrote and a person then changed", () => {
    repo.write("README.md", "readme\n");
    repo.commit("root");
    modelCreates("src/a.ts", "one\ntwo\nthree\n", "t1");
    repo.write("src/a.ts", "one\nTWO\nthree\nfour\n");
    repo.write("notes.txt", "by hand\n");
    const commit = repo.commit("work");
    expect(attributeCommitLines(wardenRoot, repo.dir, commit).files.map((f) => [f.path, f.lines.map((l) => l.origin)])).toEqual([
      ["notes.txt", ["unknown"]],
      ["src/a.ts", ["ai", "mixed", "ai", "human"]],
    ]);
  });

  it("attributes a file the model wrote in a folder with a space, reached through a linked folder", () => {
    repo.write("README.md", "readme\n");
    repo.commit("root");
    fs.symlinkSync(repo.dir, path.join(repo.root, "linked"));
    modelCreates("my dir/a.ts", "one\n", "t1", path.join(repo.root, "linked"));
    const commit = repo.commit("work");
    expect(view(attributeCommitLines(wardenRoot, repo.dir, commit).files)).toEqual([
      { path: "my dir/a.ts", ai: 1, mixed: 0, human: 0, unknown: 0 },
    ]);
  });
});
