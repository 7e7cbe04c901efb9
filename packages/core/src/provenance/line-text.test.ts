import { describe, expect, it } from "vitest";
import { hashLine, hashLines, splitLines } from "./line-text.js";

describe("splitLines", () => {
  it("reads a file saved with CRLF endings as the same lines as with LF", () => {
    expect(splitLines("one\r\ntwo\r\nthree\r\n")).toEqual(splitLines("one\ntwo\nthree\n"));
  });

  it("gives no empty last line after a final newline", () => {
    expect(splitLines("one\ntwo\n")).toEqual(["one", "two"]);
  });

  it("keeps the last line of a file without a final newline", () => {
    expect(splitLines("one\ntwo")).toEqual(["one", "two"]);
  });

  it("has no lines for empty text", () => {
    expect(splitLines("")).toEqual([]);
  });

  it("keeps empty lines inside the text and a single empty line", () => {
    expect([splitLines("a\n\nb\n"), splitLines("\n"), splitLines("\r\n")]).toEqual([["a", "", "b"], [""], [""]]);
  });

  it("drops only the carriage return before a newline, not one inside a line", () => {
    expect(splitLines("a\rb\r\n")).toEqual(["a\rb"]);
  });
});

describe("hashLines", () => {
  it("gives the same hashes for CRLF and LF text", () => {
    expect(hashLines("const a = 1;\r\nconst b = 2;\r\n")).toEqual(hashLines("const a = 1;\nconst b = 2;\n"));
  });

  it("gives the same hashes whether or not the text ends with a newline", () => {
    expect(hashLines("a\nb")).toEqual(hashLines("a\nb\n"));
  });

  it("gives no hashes for empty text", () => {
    expect(hashLines("")).toEqual([]);
  });

  it("hashes each line on its own", () => {
    expect(hashLines("x\ny\n")).toEqual([hashLine("x"), hashLine("y")]);
  });
});

describe("hashLine", () => {
  it("is 16 hex digits", () => {
    expect([hashLine(""), hashLine("a"), hashLine("é 🚀 \u0000"), hashLine("x".repeat(100_000))]).toEqual(
      Array.from({ length: 4 }, () => expect.stringMatching(/^[0-9a-f]{16}$/)),
    );
  });

  // The value is stored in ledgers and git notes: a change of algorithm would orphan every note.
  it("gives the values notes already hold", () => {
    expect([hashLine(""), hashLine("a"), hashLine("  return x;")]).toEqual(["811c9dc501000193", "e40c292c8f2b533b", "7ce3b984b25bd324"]);
  });

  it.each([
    ["a trailing space", "return x;", "return x; "],
    ["a leading tab instead of spaces", "  return x;", "\treturn x;"],
    ["two characters swapped", "ab", "ba"],
    ["one character changed at the end of a long line", `${"x".repeat(500)}a`, `${"x".repeat(500)}b`],
    ["case", "Return", "return"],
    ["an empty line and a space", "", " "],
    ["a NUL", "a", "a\u0000"],
  ])("tells near-identical lines apart (%s)", (_what, a, b) => {
    expect(hashLine(a)).not.toBe(hashLine(b));
  });

  it("gives every one- and two-character line its own hash", () => {
    const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    const lines = ["", ...printable, ...printable.flatMap((a) => printable.map((b) => a + b))];
    expect(new Set(lines.map(hashLine)).size).toBe(lines.length);
  });

  it("gives every single-character edit of a line its own hash", () => {
    const base = "export function carryOrigins(previous, next, written) {";
    const edits = new Set<string>([base]);
    for (let i = 0; i < base.length; i++) for (const c of "aZ0 ;{") edits.add(base.slice(0, i) + c + base.slice(i + 1));
    expect(new Set([...edits].map(hashLine)).size).toBe(edits.size);
  });
});
