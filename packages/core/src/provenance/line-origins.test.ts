import { diffArrays } from "diff";
import { describe, expect, it } from "vitest";
import { carryOrigins, MAX_EDIT_LENGTH, type LineOrigin } from "./line-origins.js";

const ai = (hash: string, author = 0): LineOrigin => ({ hash, origin: "ai", author });
const human = (hash: string): LineOrigin => ({ hash, origin: "human" });
const mixed = (hash: string, author = 0): LineOrigin => ({ hash, origin: "mixed", author });
const unknown = (hash: string): LineOrigin => ({ hash, origin: "unknown" });
const hashes = (lines: readonly LineOrigin[]) => lines.map((l) => l.hash);
/** jsdiff's changes as "=kept", "-removed", "+added". */
const kinds = (a: string[], b: string[]) => diffArrays(a, b).map((c) => (c.added ? "+" : c.removed ? "-" : "=") + c.value.join(""));

describe("jsdiff's diffArrays, as carryOrigins reads it", () => {
  // carryOrigins pairs a replacement's new lines with the lines they replace, which it has only
  // seen if the removal comes first.
  it("gives a replacement's removed lines before its added lines", () => {
    expect([kinds(["a", "b", "c"], ["a", "X", "c"]), kinds(["a", "b"], ["X", "Y", "Z"]), kinds(["a", "b", "c"], ["X", "b", "Y"])]).toEqual([
      ["=a", "-b", "+X", "=c"],
      ["-ab", "+XYZ"],
      ["-a", "+X", "=b", "-c", "+Y"],
    ]);
  });
});

describe("carryOrigins", () => {
  it("keeps the origin and author of lines nobody changed", () => {
    const previous = [ai("a", 0), human("b"), mixed("c", 1), unknown("d")];
    expect(carryOrigins(previous, ["a", "b", "c", "d"])).toEqual(previous);
  });

  it("keeps the origin of the lines around an AI write", () => {
    expect(carryOrigins([human("a"), ai("b", 0), unknown("c")], ["a", "B", "c"], { author: 1 })).toEqual([
      human("a"),
      ai("B", 1),
      unknown("c"),
    ]);
  });

  it("marks every line of an AI write to an empty file as the AI's, with the write's author", () => {
    expect(carryOrigins([], ["a", "b"], { author: 3 })).toEqual([ai("a", 3), ai("b", 3)]);
  });

  it("marks the lines an AI write puts in place of a person's as the AI's", () => {
    expect(carryOrigins([human("a"), human("b")], ["a", "X"], { author: 0 })).toEqual([human("a"), ai("X", 0)]);
  });

  it("marks a person's line in place of an AI line as mixed, keeping the AI line's author", () => {
    expect(carryOrigins([ai("a", 0), ai("b", 2), ai("c", 0)], ["a", "B", "c"])).toEqual([ai("a", 0), mixed("B", 2), ai("c", 0)]);
  });

  it("pairs a person's replacement line by line: lines past the replaced ones are the person's", () => {
    expect(carryOrigins([human("x"), ai("a", 0), ai("b", 1), human("y")], ["x", "A", "B", "C", "y"])).toEqual([
      human("x"),
      mixed("A", 0),
      mixed("B", 1),
      human("C"),
      human("y"),
    ]);
  });

  it("keeps a mixed line mixed when a person changes it again", () => {
    expect(carryOrigins([mixed("a", 4)], ["A"])).toEqual([mixed("A", 4)]);
  });

  it("keeps a person's line the person's when the person replaces it", () => {
    expect(carryOrigins([ai("a", 0), human("b")], ["a", "B"])).toEqual([ai("a", 0), human("B")]);
  });

  it("marks a person's line in place of one of unknown origin as the person's", () => {
    expect(carryOrigins([unknown("a")], ["A"])).toEqual([human("A")]);
  });

  it("marks lines a person inserts between AI lines as the person's", () => {
    expect(carryOrigins([ai("a", 0), ai("b", 0)], ["a", "new", "b"])).toEqual([ai("a", 0), human("new"), ai("b", 0)]);
  });

  it("keeps the remaining lines' origins when lines are only deleted", () => {
    expect(carryOrigins([ai("a", 0), human("b"), ai("c", 1), unknown("d")], ["a", "c"])).toEqual([ai("a", 0), ai("c", 1)]);
  });

  it("leaves nothing when every line is deleted", () => {
    expect(carryOrigins([ai("a", 0), human("b")], [])).toEqual([]);
  });

  it("does not pair a person's insertion with lines deleted elsewhere", () => {
    expect(carryOrigins([ai("a", 0), human("b"), ai("c", 0)], ["b", "c", "new"])).toEqual([human("b"), ai("c", 0), human("new")]);
  });

  // Moving text is not writing it: the model's function moved above another by a person is still
  // the model's, and a person's block the model moves is still the person's.
  it("keeps the origin of AI lines a person moves elsewhere in the file", () => {
    const previous = [ai("f1", 0), ai("f2", 0), human("g1"), human("g2")];
    expect(carryOrigins(previous, ["g1", "g2", "f1", "f2"])).toEqual([human("g1"), human("g2"), ai("f1", 0), ai("f2", 0)]);
  });

  it("keeps the origin of a person's lines an AI write moves", () => {
    const previous = [human("h1"), human("h2"), human("k"), ai("a", 0)];
    expect(carryOrigins(previous, ["k", "a", "h2", "h1", "new"], { author: 1 })).toEqual([
      human("k"),
      ai("a", 0),
      human("h2"),
      human("h1"),
      ai("new", 1),
    ]);
  });

  it("keeps lines that occur more than once out of move detection: a repeated line is new where the diff says so", () => {
    const previous = [ai("}", 0), human("x"), ai("}", 0)];
    // Which "}" the diff keeps is its choice (both are shortest); only one of the three can be the model's.
    expect(carryOrigins(previous, ["x", "}", "}", "}"]).toSorted((a, b) => a.origin.localeCompare(b.origin))).toEqual([
      ai("}", 0),
      human("x"),
      human("}"),
      human("}"),
    ]);
  });

  it("gives one origin per line of the new text, in order, whatever the change", () => {
    const previous = Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? ai(`l${i}`, i % 2) : human(`l${i}`)));
    const next = Array.from({ length: 60 }, (_, i) => (i % 4 === 0 ? `n${i}` : `l${(i * 7) % 50}`));
    expect(hashes(carryOrigins(previous, next))).toEqual(next);
  });
});

describe("carryOrigins on a change past MAX_EDIT_LENGTH", () => {
  // A file rewritten from end to end, every tenth line kept, has more changed lines than the diff
  // may look through: the change is then taken as one block.
  const size = MAX_EDIT_LENGTH;
  const rewritten = Array.from({ length: size }, (_, i) => (i % 10 === 0 ? `kept${i}` : `new${i}`));

  it("really is past the limit", () => {
    const previous = Array.from({ length: size }, (_, i) => (i % 10 === 0 ? `kept${i}` : `old${i}`));
    expect(diffArrays(previous, rewritten, { maxEditLength: MAX_EDIT_LENGTH })).toBeUndefined();
  });

  it("gives the new text's lines, in order", () => {
    const previous = Array.from({ length: size }, (_, i) => human(i % 10 === 0 ? `kept${i}` : `old${i}`));
    expect(hashes(carryOrigins(previous, rewritten, { author: 0 }))).toEqual(rewritten);
  });

  it("marks the lines of an AI rewrite as the AI's and keeps a person's unchanged lines the person's", () => {
    const previous = Array.from({ length: size }, (_, i) => human(i % 10 === 0 ? `kept${i}` : `old${i}`));
    const carried = carryOrigins(previous, rewritten, { author: 7 });
    expect(carried).toEqual(rewritten.map((hash, i) => (i % 10 === 0 ? human(hash) : ai(hash, 7))));
  });

  it("marks a person's rewrite of AI lines as mixed and keeps the AI's unchanged lines the AI's", () => {
    const previous = Array.from({ length: size }, (_, i) => ai(i % 10 === 0 ? `kept${i}` : `old${i}`, 2));
    const carried = carryOrigins(previous, rewritten);
    expect(carried).toEqual(rewritten.map((hash, i) => (i % 10 === 0 ? ai(hash, 2) : mixed(hash, 2))));
  });

  it("marks a person's lines past the replaced ones as the person's", () => {
    const previous = Array.from({ length: size }, (_, i) => ai(`old${i}`, 0));
    const longer = Array.from({ length: size + 5 }, (_, i) => `new${i}`);
    expect(carryOrigins(previous, longer).slice(size - 1)).toEqual([
      mixed(`new${size - 1}`, 0),
      ...Array.from({ length: 5 }, (_, i) => human(`new${size + i}`)),
    ]);
  });
});
