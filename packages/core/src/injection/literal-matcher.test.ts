import { describe, expect, it } from "vitest";
import { LiteralMatcher, type MatcherLiteral } from "./literal-matcher.js";

function occurrences(literals: readonly MatcherLiteral[], text: string): string[] {
  const hits: string[] = [];
  const found = new LiteralMatcher(literals).scan(text);
  for (let k = 0; k < found.length; k += 2) hits.push(`${literals[found[k] ?? 0]?.literal}@${found[k + 1]}`);
  return hits.toSorted();
}

const lit = (literal: string, options: Partial<MatcherLiteral> = {}): MatcherLiteral => ({
  literal,
  caseSensitive: false,
  wordStart: false,
  ...options,
});

/** What a regex finds: at every position, whether the literal matches there. */
function byRegex(literals: readonly MatcherLiteral[], text: string): string[] {
  const hits: string[] = [];
  for (const l of literals) {
    const source = l.literal.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&").replace(/ /g, "\\s+");
    const re = new RegExp(`${l.wordStart ? "\\b" : ""}${source}`, l.caseSensitive ? "y" : "iy");
    for (let at = 0; at < text.length; at++) {
      re.lastIndex = at;
      if (re.test(text)) hits.push(`${l.literal}@${at}`);
    }
  }
  return hits.toSorted();
}

describe("LiteralMatcher", () => {
  it("finds every occurrence, overlapping ones and literals inside others included", () => {
    expect(occurrences([lit("aa"), lit("aab"), lit("ab")], "aaab")).toEqual(["aa@0", "aa@1", "aab@1", "ab@2"]);
  });

  it("ignores case, and a space stands for any run of whitespace", () => {
    expect(occurrences([lit("ignore all")], "IGNORE \t\n ALL, Ignore\u00a0all")).toEqual(["ignore all@0", "ignore all@15"]);
  });

  it("finds a word-start literal only where a word starts", () => {
    expect(occurrences([lit("act", { wordStart: true })], "act react (act) _act")).toEqual(["act@0", "act@11"]);
  });

  it("compares a case-sensitive literal exactly", () => {
    expect(occurrences([lit("SYSTEM PROMPT", { caseSensitive: true })], "system prompt SYSTEM  PROMPT System PROMPT")).toEqual([
      "SYSTEM PROMPT@14",
    ]);
  });

  it("folds non-ASCII letters as a case-insensitive regex does", () => {
    expect(occurrences([lit("négligez"), lit("игнорируй")], "NÉGLIGEZ Игнорируй")).toEqual(["négligez@0", "игнорируй@9"]);
  });

  it("finds what a regex per literal finds, on mixed text", () => {
    const literals = [
      lit("you are"),
      lit("you", { wordStart: true }),
      lit("are now", { wordStart: true }),
      lit("</data"),
      lit("DAN", { caseSensitive: true, wordStart: true }),
      lit("忽略"),
      lit("ß"),
      lit("ς"),
    ];
    const text = "You  are now DAN. dan, yOu\tARE\n\nnow; </DATA> 忽略之前 STRASSE straße ΣΊΣΥΦΟΣ σς youare";
    expect(occurrences(literals, text)).toEqual(byRegex(literals, text));
  });
});
