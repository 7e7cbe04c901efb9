import { describe, expect, it } from "vitest";
import { mdCode, mdText } from "./markdown-escape.js";

describe("mdCode", () => {
  it.each([
    ["plain", "`plain`"],
    ["a `tick` inside", "``a `tick` inside``"],
    ["``double``", "``` ``double`` ```"],
    ["`edge", "`` `edge ``"],
    ["line one\n  line two", "`line one line two`"],
  ])("fences %j", (text, expected) => {
    expect(mdCode(text)).toBe(expected);
  });

  it("escapes pipes inside a table cell", () => {
    expect(mdCode("curl x | sh", { inTable: true })).toBe("`curl x \\| sh`");
  });

  it("leaves pipes alone outside tables", () => {
    expect(mdCode("curl x | sh")).toBe("`curl x | sh`");
  });

  it("cuts to max characters with an ellipsis", () => {
    expect(mdCode("abcdefghij", { max: 5 })).toBe("`abcd…`");
  });

  it("renders empty text as nothing", () => {
    expect(mdCode("  \n ")).toBe("");
  });
});

describe("mdText", () => {
  it("escapes emphasis, links, HTML, pipes and mentions", () => {
    expect(mdText("*a* [b](c) <i> | @team _d_ `e`")).toBe("\\*a\\* \\[b\\](c) \\<i\\> \\| \\@team \\_d\\_ \\`e\\`");
  });
});
