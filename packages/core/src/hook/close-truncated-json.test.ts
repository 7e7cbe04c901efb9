import { describe, expect, it } from "vitest";
import { closeTruncatedJson } from "./close-truncated-json.js";

describe("closeTruncatedJson", () => {
  it.each([
    ['{"a":1,"b":{"c":[1,2', '{"a":1,"b":{"c":[1]}}'],
    ['{"a":1,', '{"a":1}'],
    ['{"a":1,"b', '{"a":1}'],
    ['{"a":1,"b":', '{"a":1}'],
    ['{"a":tru', "{}"],
    ['{"a":{"b":true}', '{"a":{"b":true}}'],
    ['[{"x":null},{"y"', '[{"x":null},{}]'],
    ["{", "{}"],
  ])("keeps the whole values of %s", (cut, whole) => {
    expect(closeTruncatedJson(cut)).toBe(whole);
  });

  it("keeps a string value as far as it came", () => {
    expect(closeTruncatedJson('{"tool_input":{"command":"rm -rf ~')).toBe('{"tool_input":{"command":"rm -rf ~"}}');
  });

  it("drops an escape sequence cut in the middle", () => {
    expect(JSON.parse(closeTruncatedJson('{"a":"x\\u00') ?? "")).toEqual({ a: "x" });
    expect(JSON.parse(closeTruncatedJson('{"a":"x\\') ?? "")).toEqual({ a: "x" });
  });

  it("keeps escaped quotes inside a cut string", () => {
    expect(JSON.parse(closeTruncatedJson('{"a":"say \\"hi\\" and') ?? "")).toEqual({ a: 'say "hi" and' });
  });

  it.each(["", "   ", "hello", '"just a string', "12"])("gives nothing for %j, which holds no whole value", (text) => {
    expect(closeTruncatedJson(text)).toBeUndefined();
  });

  it("refuses mismatched brackets", () => {
    expect(closeTruncatedJson('{"a":[1}')).toBeUndefined();
  });

  it("closes 100,000 open arrays without recursion", () => {
    expect(closeTruncatedJson("[".repeat(100_000))).toBe(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
  });
});
