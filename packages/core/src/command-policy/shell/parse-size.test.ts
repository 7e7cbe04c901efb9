import { describe, expect, it } from "vitest";
import { parseSize } from "./parse-size.js";

describe("parseSize", () => {
  it.each([
    ["1073741824", 2 ** 30],
    ["60G", 60 * 2 ** 30],
    ["2g", 2 * 2 ** 30],
    ["1T", 2 ** 40],
    ["10GiB", 10 * 2 ** 30],
    ["1.5G", 1.5 * 2 ** 30],
    ["1M", 2 ** 20],
    ["10MB", 10_000_000],
    ["4k", 4096],
    ["2b", 1024],
    ["100c", 100],
    ["3w", 6],
  ])("reads %s as %d bytes", (word, bytes) => {
    expect(parseSize(word)).toBe(bytes);
  });

  it.each(["", "G", "2x512", "1e9", "-5G", "10Q", "5GG"])("does not read %j", (word) => {
    expect(parseSize(word)).toBeUndefined();
  });
});
