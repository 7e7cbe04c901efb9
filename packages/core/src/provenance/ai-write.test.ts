import { structuredPatch } from "diff";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_TRACKED_FILE_BYTES, readTrackedText, recordAiWrite, textBefore, writtenFile } from "./ai-write.js";
import { ledgerDir, readLedger, type LineAuthor } from "./line-ledger.js";
import { hashLine, splitLines } from "./line-text.js";

let dir: string;
let wardenRoot: string;
let file: string;
beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "warden-ai-write-")));
  wardenRoot = path.join(dir, ".warden");
  file = path.join(dir, "a.ts");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = new Date("2026-12-01T10:00:00.000Z");
const author = (n: number, toolName = "Edit"): LineAuthor => ({
  session_id: "s1",
  tool_use_id: `toolu_${n}`,
  prompt_id: null,
  agent_id: null,
  tool_name: toolName,
  at: `2026-12-01T09:00:0${n}.000Z`,
});

/** Claude Code's hunks are jsdiff's structuredPatch hunks (context 3 unless a test says otherwise). */
const hunksOf = (before: string, after: string, context = 3) =>
  structuredPatch("a.ts", "a.ts", before, after, undefined, undefined, { context }).hunks.map((h) => ({
    oldStart: h.oldStart,
    oldLines: h.oldLines,
    newStart: h.newStart,
    newLines: h.newLines,
    lines: h.lines,
  }));

/** The model's Write of `content`: a new file ("create") or over an existing one ("update"). */
function modelWrites(n: number, content: string) {
  const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
  fs.writeFileSync(file, content);
  const toolResponse =
    before == null
      ? { type: "create", filePath: file, content, structuredPatch: [], originalFile: null, userModified: false }
      : { type: "update", filePath: file, content, structuredPatch: hunksOf(before, content), originalFile: before, userModified: false };
  recordAiWrite(wardenRoot, { file, author: author(n, "Write"), toolResponse }, NOW);
}

/** The model's Edit turning the file into `content`; `how` is what the response carries to tell the file before it. */
function modelEdits(n: number, content: string, how: "originalFile" | "structuredPatch" | "nothing" = "originalFile", context = 3) {
  const before = fs.readFileSync(file, "utf8");
  fs.writeFileSync(file, content);
  const toolResponse = {
    filePath: file,
    oldString: "",
    newString: "",
    originalFile: how === "originalFile" ? before : null,
    ...(how === "nothing" ? {} : { structuredPatch: hunksOf(before, content, context) }),
    userModified: false,
    replaceAll: false,
  };
  recordAiWrite(wardenRoot, { file, author: author(n), toolResponse }, NOW);
}

/** A person (or their editor) changing the file between two writes of the model: no hook sees it. */
const personWrites = (content: string) => fs.writeFileSync(file, content);

/** The ledger beside the file's text, one "text origin[ tool_use_id]" a line; the hashes checked against the text. */
function ledgerView(): string[] {
  const ledger = readLedger(wardenRoot, file);
  const texts = splitLines(fs.readFileSync(file, "utf8"));
  expect(ledger?.lines.map((l) => l.hash)).toEqual(texts.map(hashLine));
  return (ledger?.lines ?? []).map((l, i) => {
    const who = l.author == null ? "" : ` ${ledger?.authors[l.author]?.tool_use_id}`;
    return `${texts[i]} ${l.origin}${who}`;
  });
}

describe("recordAiWrite", () => {
  it("marks every line of a file the model creates as the model's", () => {
    modelWrites(1, "one\ntwo\nthree\n");
    expect(ledgerView()).toEqual(["one ai toolu_1", "two ai toolu_1", "three ai toolu_1"]);
  });

  it("marks only the lines an Edit changed as the model's; the others are of unknown origin", () => {
    personWrites("a\nb\nc\nd\n");
    modelEdits(1, "a\nB\nc\nd\n");
    expect(ledgerView()).toEqual(["a unknown", "B ai toolu_1", "c unknown", "d unknown"]);
  });

  it("marks an overwrite of a file the model never wrote: changed lines the model's, the rest unknown", () => {
    personWrites("a\nb\n");
    modelWrites(1, "a\nB\nc\n");
    expect(ledgerView()).toEqual(["a unknown", "B ai toolu_1", "c ai toolu_1"]);
  });

  it("carries a person's edits between two writes: their change of a model's line is mixed, their new line theirs", () => {
    modelWrites(1, "one\ntwo\nthree\nfour\n");
    personWrites("one\nTWO\nthree\nextra\nfour\n");
    modelEdits(2, "one\nTWO\nthree\nextra\nFOUR\n");
    expect(ledgerView()).toEqual(["one ai toolu_1", "TWO mixed toolu_1", "three ai toolu_1", "extra human", "FOUR ai toolu_2"]);
  });

  it("makes the model's line once a person changed it the model's again when the model rewrites it", () => {
    modelWrites(1, "one\ntwo\n");
    personWrites("one\nTWO\n");
    modelEdits(2, "one\nTwo\n");
    expect(ledgerView()).toEqual(["one ai toolu_1", "Two ai toolu_2"]);
  });

  it("keeps a person's lines the person's when the model edits elsewhere in the file", () => {
    modelWrites(1, "one\ntwo\n");
    personWrites("mine\none\ntwo\n");
    modelEdits(2, "mine\none\ntwo\nthree\n");
    expect(ledgerView()).toEqual(["mine human", "one ai toolu_1", "two ai toolu_1", "three ai toolu_2"]);
  });

  it("forgets the authors no line names any more", () => {
    modelWrites(1, "one\n");
    modelWrites(2, "two\n");
    expect(readLedger(wardenRoot, file)?.authors).toEqual([author(2, "Write")]);
  });

  it("reads a file saved with CRLF endings line by line like one with LF", () => {
    personWrites("a\r\nb\r\n");
    modelEdits(1, "a\r\nB\r\n");
    expect(ledgerView()).toEqual(["a unknown", "B ai toolu_1"]);
  });
});

describe("recordAiWrite with only a patch to tell the file before the Edit", () => {
  // Claude Code may send originalFile as null (a large file); the file before is then the patch undone.
  const cases: [string, string, string, number][] = [
    ["one changed line", "a\nb\nc\nd\ne\n", "a\nb\nC\nd\ne\n", 3],
    ["two hunks far apart", lines(1, 30), lines(1, 30).replace("l3\n", "L3\n").replace("l27\n", "L27a\nL27b\n"), 3],
    [
      "three hunks without context",
      lines(1, 12),
      lines(1, 12).replace("l2\n", "L2\n").replace("l6\n", "").replace("l10\n", "l10\nnew\n"),
      0,
    ],
    ["lines deleted without context (a hunk of no new lines)", "a\nb\nc\nd\n", "a\nd\n", 0],
    ["the first line deleted without context", "a\nb\nc\n", "b\nc\n", 0],
    ["the last line deleted without context", "a\nb\nc\n", "a\nb\n", 0],
    ["every line deleted", "a\nb\n", "", 3],
    ["lines added to an empty file", "", "a\nb\n", 3],
    ["the last line changed in a file without a final newline", "a\nb\nc", "a\nb\nC", 3],
    ["a final newline removed", "a\nb\nc\n", "a\nb\nc", 3],
    ["a final newline added", "a\nb\nc", "a\nb\nc\n", 3],
    ["a line appended to a file without a final newline", "a\nb", "a\nb\nc", 0],
    ["CRLF lines changed", "a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n", 3],
  ];

  it.each(cases)("undoes the patch for %s", (_what, before, after, context) => {
    expect(splitLines(textBefore({ originalFile: null, structuredPatch: hunksOf(before, after, context) }, after) ?? "<none>")).toEqual(
      splitLines(before),
    );
  });

  it("gives the same ledger as with originalFile", () => {
    const [before, after] = [lines(1, 30), lines(1, 30).replace("l3\n", "L3\n").replace("l27\n", "L27a\nL27b\n")];
    modelWrites(1, before);
    modelEdits(2, after, "originalFile");
    const withOriginal = ledgerView();
    fs.rmSync(wardenRoot, { recursive: true });
    fs.rmSync(file);
    modelWrites(1, before);
    modelEdits(2, after, "structuredPatch");
    expect(ledgerView()).toEqual(withOriginal);
  });

  it("tells a person's edit before the call from the Edit's own change", () => {
    modelWrites(1, lines(1, 20));
    personWrites(lines(1, 20).replace("l2\n", "L2\n"));
    modelEdits(2, lines(1, 20).replace("l2\n", "L2\n").replace("l18\n", "L18\n"), "structuredPatch");
    expect(ledgerView().filter((l) => !l.endsWith("ai toolu_1"))).toEqual(["L2 mixed toolu_1", "L18 ai toolu_2"]);
  });

  // Another PostToolUse hook (a formatter) may rewrite the file before Warden reads it: a patch
  // that no longer fits the file cannot be undone, and undoing it anyway misplaces lines.
  it("does not undo a patch that does not fit the file as it is now", () => {
    modelWrites(1, lines(1, 10));
    const reformatted = `// header\n${lines(1, 10).replace("l5\n", "L5\n")}`;
    const patch = hunksOf(lines(1, 10), lines(1, 10).replace("l5\n", "L5\n"));
    fs.writeFileSync(file, reformatted);
    recordAiWrite(
      wardenRoot,
      { file, author: author(2), toolResponse: { filePath: file, originalFile: null, structuredPatch: patch } },
      NOW,
    );
    expect(ledgerView().filter((l) => !l.endsWith("ai toolu_1"))).toEqual(["// header ai toolu_2", "L5 ai toolu_2"]);
  });

  it("carries the last ledger to the file when the response tells nothing of the file before", () => {
    modelWrites(1, "a\nb\n");
    modelEdits(2, "a\nB\n", "nothing");
    expect(ledgerView()).toEqual(["a ai toolu_1", "B ai toolu_2"]);
  });

  it("marks every line unknown when neither a ledger nor the response tells the file before", () => {
    personWrites("a\nb\n");
    modelEdits(1, "a\nB\n", "nothing");
    expect(ledgerView()).toEqual(["a unknown", "B unknown"]);
  });
});

describe("recordAiWrite on a file it cannot follow", () => {
  it("drops the ledger of a file that became binary", () => {
    modelWrites(1, "a\n");
    fs.writeFileSync(file, Buffer.from([0x61, 0x00, 0x62]));
    recordAiWrite(wardenRoot, { file, author: author(2), toolResponse: { type: "update", originalFile: "a\n" } }, NOW);
    expect([readLedger(wardenRoot, file), fs.readdirSync(ledgerDir(wardenRoot))]).toEqual([undefined, []]);
  });

  it("drops the ledger of a file past the size limit", () => {
    modelWrites(1, "a\n");
    fs.writeFileSync(file, "x".repeat(MAX_TRACKED_FILE_BYTES + 1));
    recordAiWrite(wardenRoot, { file, author: author(2), toolResponse: { type: "update", originalFile: "a\n" } }, NOW);
    expect(readLedger(wardenRoot, file)).toBeUndefined();
  });

  it("follows a file of exactly the size limit", () => {
    fs.writeFileSync(file, `${"x".repeat(MAX_TRACKED_FILE_BYTES - 1)}\n`);
    recordAiWrite(wardenRoot, { file, author: author(1), toolResponse: { type: "create" } }, NOW);
    expect(readLedger(wardenRoot, file)?.lines).toEqual([
      { hash: hashLine("x".repeat(MAX_TRACKED_FILE_BYTES - 1)), origin: "ai", author: 0 },
    ]);
  });

  it("drops the ledger of a file the call removed", () => {
    modelWrites(1, "a\n");
    fs.rmSync(file);
    recordAiWrite(wardenRoot, { file, author: author(2), toolResponse: {} }, NOW);
    expect(readLedger(wardenRoot, file)).toBeUndefined();
  });
});

describe("readTrackedText", () => {
  it("reads a text file", () => {
    fs.writeFileSync(file, "é\n");
    expect(readTrackedText(file)).toBe("é\n");
  });

  it.each([
    ["a binary file", () => fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x00, 0x47]))],
    ["a folder", () => fs.mkdirSync(file)],
    ["a missing file", () => undefined],
  ])("reads nothing of %s", (_what, make) => {
    make();
    expect(readTrackedText(file)).toBeNull();
  });
});

describe("writtenFile", () => {
  it.each([
    ["Write", { file_path: "src/a.ts", content: "" }],
    ["Edit", { file_path: "src/a.ts", old_string: "a", new_string: "b" }],
    ["MultiEdit", { file_path: "src/a.ts", edits: [] }],
    ["NotebookEdit", { notebook_path: "src/a.ts", new_source: "" }],
  ])("names the file %s wrote, resolved against the call's folder", (tool, input) => {
    expect(writtenFile(tool, input, "/project")).toBe(path.resolve("/project", "src/a.ts"));
  });

  it("keeps an absolute path", () => {
    expect(writtenFile("Write", { file_path: "/elsewhere/a.ts" }, "/project")).toBe("/elsewhere/a.ts");
  });

  it.each([
    ["Read", { file_path: "a.ts" }],
    ["Bash", { command: "echo > a.ts" }],
    ["Write", { content: "no path" }],
    ["Write", { file_path: "" }],
    ["Edit", "not an object"],
  ])("names no file for %s %j", (tool, input) => {
    expect(writtenFile(tool, input, "/project")).toBeUndefined();
  });
});

/** "l<from>\n…l<to>\n" */
function lines(from: number, to: number): string {
  return Array.from({ length: to - from + 1 }, (_, i) => `l${from + i}\n`).join("");
}
