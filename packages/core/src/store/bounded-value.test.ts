import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { boundValue, cutText, MAX_VALUE_DEPTH, serializeIteratively } from "./bounded-value.js";

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

describe("boundValue", () => {
  it("keeps values within the limit unchanged", () => {
    const value = { stdout: "hello", stderr: "" };
    expect(boundValue(value, 1024, "tool_output")).toEqual({ value, truncated: [] });
  });

  it("cuts a long string to head and tail and lists its path, size and sha256", () => {
    const content = `HEAD${"a".repeat(5000)}TAIL`;
    const { value, truncated } = boundValue({ file: { content } }, 1024, "tool_output");
    expect(truncated).toEqual([{ path: "tool_output.file.content", bytes: 5008, sha256: sha(content) }]);
    expect(JSON.stringify(value)).toMatch(/HEAD.*bytes omitted.*TAIL/);
  });

  it("bounds a value made of many small strings by cutting its JSON text", () => {
    const filenames = Array.from({ length: 2000 }, (_, i) => `/repo/src/file-${i}.ts`);
    const { value, truncated } = boundValue({ filenames }, 2048, "tool_output");
    expect(typeof value).toBe("string");
    expect(truncated[0]).toMatchObject({ path: "tool_output", sha256: sha(JSON.stringify({ filenames })) });
  });
});

describe("cutText", () => {
  it("never splits a multi-byte character", () => {
    const cut = cutText("é".repeat(3000), 1001);
    expect(cut).not.toContain("\uFFFD");
  });

  it("says how many bytes were left out", () => {
    expect(cutText("x".repeat(3000), 1000)).toContain("[warden: 2000 of 3000 bytes omitted]");
  });
});

const deep = (levels: number): unknown => JSON.parse(`${"[".repeat(levels)}"core"${"]".repeat(levels)}`);

describe("boundValue on a deeply nested value", () => {
  it("cuts what is nested deeper than the limit instead of overflowing the stack", () => {
    const { truncated } = boundValue({ extra: deep(10_000) }, 1024, "tool_input");
    expect(truncated).toEqual([expect.objectContaining({ path: `tool_input.extra${"[0]".repeat(MAX_VALUE_DEPTH - 1)}` })]);
  });

  it("keeps the size and sha256 of the cut part, so it can still be proven", () => {
    const part = `${"[".repeat(10_000 - MAX_VALUE_DEPTH + 1)}"core"${"]".repeat(10_000 - MAX_VALUE_DEPTH + 1)}`;
    const { truncated } = boundValue({ extra: deep(10_000) }, 1024, "tool_input");
    expect(truncated[0]).toMatchObject({ bytes: part.length, sha256: sha(part) });
  });
});

describe("serializeIteratively", () => {
  it("writes the same JSON text as JSON.stringify", () => {
    const value = { a: [1, "two", null, true, { b: [], c: {} }], 'd"e': { f: -1.5e-7 }, g: "ü\n" };
    expect(serializeIteratively(value)).toBe(JSON.stringify(value));
  });
});
