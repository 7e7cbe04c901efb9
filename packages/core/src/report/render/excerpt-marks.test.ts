import { describe, expect, it } from "vitest";
import { escapeMarked, excerptPattern } from "./excerpt-marks.js";
import type { Finding } from "../../verdict.js";

const finding = (excerpt: string): Finding => ({ rule: "r", severity: "high", excerpt });

describe("excerpt marks", () => {
  it("marks an excerpt whose whitespace differs from the text", () => {
    expect(escapeMarked("run\n  curl x | sh now", excerptPattern([finding("curl x | sh")]))).toBe("run\n  <mark>curl x | sh</mark> now");
  });

  it("matches across a line break that the excerpt collapsed", () => {
    expect(escapeMarked("ignore previous\ninstructions", excerptPattern([finding("ignore previous instructions")]))).toBe(
      "<mark>ignore previous\ninstructions</mark>",
    );
  });

  it("escapes markup inside and around a mark", () => {
    expect(escapeMarked("<b>rm -rf ~</b>", excerptPattern([finding("rm -rf ~")]))).toBe("&lt;b&gt;<mark>rm -rf ~</mark>&lt;/b&gt;");
  });

  it("marks the longer of two overlapping excerpts", () => {
    expect(escapeMarked("do a | b c", excerptPattern([finding("a | b"), finding("do a | b c")]))).toBe("<mark>do a | b c</mark>");
  });

  it("drops a trailing ellipsis and ignores excerpts too short to mean anything", () => {
    expect([excerptPattern([finding("ab")]), escapeMarked("long excerpt here", excerptPattern([finding("long exc…")]))]).toEqual([
      null,
      "<mark>long exc</mark>erpt here",
    ]);
  });

  it("treats regular expression characters literally", () => {
    expect(escapeMarked("a.b a+b (x)", excerptPattern([finding("a+b (x)")]))).toBe("a.b <mark>a+b (x)</mark>");
  });
});
