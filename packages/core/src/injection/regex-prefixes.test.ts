import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { prefixLiterals, regexPrefixes } from "./regex-prefixes.js";
import { parseExamples } from "./rule-examples.js";
import { SHIPPED_RULES } from "./shipped-rules.js";

const shown = (source: string, flags = "i"): string[] | null => {
  const prefixes = regexPrefixes(source, flags);
  return prefixes == null ? null : [...prefixLiterals(prefixes.atWordStart).map((p) => `\\b${p}`), ...prefixLiterals(prefixes.anywhere)];
};

describe("regexPrefixes", () => {
  it.each([
    ["\\b(?:reveal|print)\\s+your\\s+\\w+", ["\\breveal your", "\\bprint your"]],
    // Past ten characters a phrase is selective enough: it is not extended, and is cut at twelve.
    ["\\bignore\\s+(?:all\\s+)?previous", ["\\bignore previ", "\\bignore all"]],
    ["(?:hey\\s+)?Claude[,:]", ["claude,", "claude:", "hey claude,", "hey claude:"]],
    ["e-?mail\\b", ["email", "e-mail"]],
    ["summari[sz]e", ["summarise", "summarize"]],
    ["#{2,}\\s*\\(", ["##"]],
    ["(?<=x)abc|(?!y)de", ["de", "abc"]],
    ["\\brun\\s+\\S+", ["\\brun"]],
  ])("every match of /%s/i starts with one of %j", (source, expected) => {
    expect(shown(source)?.toSorted()).toEqual(expected.toSorted());
  });

  it("keeps the case of a case-sensitive regex", () => {
    expect(shown("\\bSYSTEM\\s+MODE", "")).toEqual(["\\bSYSTEM MODE"]);
  });

  it("keeps a group's many alternatives, which no shorter one covers", () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}x`);
    expect(shown(`(?:${words.join("|")})\\b`)?.length).toBe(100);
  });

  it("drops a literal that a shorter one already starts", () => {
    expect(shown("\\b(?:act|act\\s+as|acting)")).toEqual(["\\bact"]);
  });

  it.each([
    ["a match may start with anything", ".{0,5}ignore"],
    ["a match may start with a word character of any kind", "\\w+ignore"],
    ["a match may be empty at its start", "(?:please\\s+)*ignore"],
    ["a match may start with whitespace", "\\s*ignore"],
    ["a match may start with a character range", "[a-z]gnore"],
  ])("is null when %s", (_, source) => {
    expect(shown(source)).toBeNull();
  });

  it("is null for the u flag, whose case folding and word boundaries differ", () => {
    expect(shown("\\bignore", "iu")).toBeNull();
  });
});

/** A prefix as a regex: escaped, a space standing for any run of whitespace. */
const asRegex = (p: string): string => p.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&").replace(/ /g, "\\s+");

describe("shipped keywords' prefixes", () => {
  const texts = fs
    .readdirSync(new URL("../../rules/", import.meta.url))
    .filter((f) => f.endsWith(".examples.json"))
    .flatMap((f) => {
      const file = parseExamples(f, fs.readFileSync(new URL(`../../rules/${f}`, import.meta.url), "utf8"));
      return Object.values(file.examples).flatMap((e) => [...(e.match ?? []), ...(e.no_match ?? [])]);
    });
  const keywords = SHIPPED_RULES.flatMap((r) => r.keywords).filter((k) => k.prefixes != null);

  it.each(keywords.map((k) => [k.name, k] as const))("%s: every match in the rules' examples starts with a prefix", (_, keyword) => {
    const re = new RegExp(keyword.source, `${keyword.flags}g`);
    const starts = [
      ...prefixLiterals(keyword.prefixes?.atWordStart ?? "").map((p) => new RegExp(`\\b${asRegex(p)}`, `${keyword.flags}y`)),
      ...prefixLiterals(keyword.prefixes?.anywhere ?? "").map((p) => new RegExp(asRegex(p), `${keyword.flags}y`)),
    ];
    const unprefixed: string[] = [];
    for (const text of texts) {
      for (let m = re.exec(text); m != null; m = re.exec(text)) {
        if (m[0].length === 0) re.lastIndex++;
        const at = m.index;
        if (!starts.some((s) => ((s.lastIndex = at), s.test(text)))) unprefixed.push(m[0]);
      }
    }
    expect(unprefixed).toEqual([]);
  });
});
