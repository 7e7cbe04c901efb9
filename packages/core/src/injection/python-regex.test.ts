import { describe, expect, it } from "vitest";
import { RegexTranslationError, translatePythonRegex } from "./python-regex.js";

describe("translatePythonRegex", () => {
  it.each([
    ["(?i)ignore", "", "ignore", "i"],
    ["(?is)a.b", "", "a.b", "is"],
    ["foo(?i)bar", "", "foobar", "i"],
    ["(?P<word>ab)c(?P=word)", "", "(?<word>ab)c\\k<word>", ""],
    ["\\Aabc\\Z", "", "(?<![\\s\\S])abc(?![\\s\\S])", ""],
    ["a{,3}", "", "a{0,3}", ""],
    ["a{ b }", "", "a\\{ b \\}", ""],
    ["\\U0001F3F4", "", "\\u{1F3F4}", "u"],
    ["[\\u200b-\\u200f]", "", "[\\u200b-\\u200f]", "u"],
    ["\\'quoted\\\"", "", "'quoted\"", ""],
    ["[]a]", "", "[\\]a]", ""],
    ["a(?#comment)b", "", "ab", ""],
    ["\\a", "", "\\x07", ""],
    ["(?x) a b # comment\n c", "", "abc", ""],
    ["(?s:a.b)c.d", "", "(?:a[\\s\\S]b)c.d", ""],
  ])("translates %j", (python, flags, source, jsFlags) => {
    expect(translatePythonRegex(python, flags)).toMatchObject({ source, flags: jsFlags });
  });

  it("applies a scoped (?i:...) to the whole pattern and says so", () => {
    const translated = translatePythonRegex("a(?i:b)c", "");
    expect(translated).toMatchObject({ source: "a(?:b)c", flags: "i" });
    expect(translated.warnings).toEqual(["the scoped flag (?i:...) is applied to the whole pattern"]);
  });

  it("gives \\b and \\w Python's Unicode meaning when the pattern has non-ASCII letters", () => {
    const { source, flags } = translatePythonRegex("\\bпривет\\b", "i");
    expect(flags).toBe("iu");
    expect(new RegExp(source, flags).test("скажи привет миру")).toBe(true);
    expect(new RegExp(source, flags).test("сприветом")).toBe(false);
  });

  it.each([
    ["(?>a)", "atomic groups (?>...) are not supported", 0],
    ["a*+", "possessive quantifiers are not supported", 2],
    ["(?(1)a|b)", "conditional groups (?(...)...) are not supported", 0],
    ["\\N{DASH}", "named Unicode escapes (\\N{...}) are not supported", 0],
    ["\\q", "unknown escape \\q", 0],
    ["abc\\", "the pattern ends with a lone backslash", 3],
  ])("refuses %j", (python, message, index) => {
    const error = (() => {
      try {
        translatePythonRegex(python, "");
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RegexTranslationError);
    expect(error).toMatchObject({ message, index });
  });
});
