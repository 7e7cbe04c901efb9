import { describe, expect, it } from "vitest";
import { countOf, formatTokens, wrapText } from "./format.js";

describe("formatTokens", () => {
  it.each([
    [0, "0"],
    [950, "950"],
    [999, "999"],
    [1000, "1.00k"],
    [6800, "6.80k"],
    [12_345, "12.3k"],
    [456_100, "456k"],
    [999_700, "1.00M"],
    [4_560_000, "4.56M"],
    [1_200_000_000, "1.20B"],
  ])("gives %d three significant digits: %s", (n, text) => {
    expect(formatTokens(n)).toBe(text);
  });
});

describe("countOf", () => {
  it.each([
    [0, "0 prompts"],
    [1, "1 prompt"],
    [2, "2 prompts"],
  ])("counts %d as %s", (n, text) => {
    expect(countOf(n, "prompt")).toBe(text);
  });

  it("takes an irregular plural", () => {
    expect(countOf(3, "entry", "entries")).toBe("3 entries");
  });
});

describe("wrapText", () => {
  it("breaks at spaces within the width", () => {
    expect(wrapText("one two three four", 9)).toEqual(["one two", "three", "four"]);
  });

  it("keeps a word longer than the width whole on its own line", () => {
    expect(wrapText("a abcdefghijk b", 5)).toEqual(["a", "abcdefghijk", "b"]);
  });
});
