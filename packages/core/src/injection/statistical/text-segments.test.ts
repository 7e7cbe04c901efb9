import { describe, expect, it } from "vitest";
import { SEGMENT_MAX, segmentText } from "./text-segments.js";

function pieces(text: string): string[] {
  const bounds = segmentText(text);
  const out: string[] = [];
  for (let k = 0; k < bounds.length; k += 2) out.push(text.slice(bounds[k], bounds[k + 1]));
  return out;
}

describe("segmentText", () => {
  it("gathers short lines into one piece", () => {
    expect(pieces("a short line\nanother one\nand a third")).toEqual(["a short line\nanother one\nand a third"]);
  });

  it("never makes a piece longer than the maximum", () => {
    const text = Array.from({ length: 300 }, (_, i) => `Sentence number ${i} says little. `).join("");
    for (const p of pieces(text)) expect(p.length).toBeLessThanOrEqual(SEGMENT_MAX);
  });

  it("cuts a long line after a sentence end when there is one", () => {
    const text = `${"word ".repeat(50)}ends here. ${"more ".repeat(60)}`;
    expect(pieces(text)[0]?.endsWith("ends here. ")).toBe(true);
  });

  it("covers every character that is not space exactly once", () => {
    const text = Array.from({ length: 120 }, (_, i) => (i % 7 === 0 ? "x".repeat(500) : `line ${i}`)).join("\n");
    const bounds = segmentText(text);
    let covered = "";
    for (let k = 0; k < bounds.length; k += 2) {
      expect(bounds[k]).toBeGreaterThanOrEqual(k === 0 ? 0 : (bounds[k - 1] ?? 0));
      covered += text.slice(bounds[k], bounds[k + 1]);
    }
    expect(covered.replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
  });

  it("makes no piece of a text that is only space", () => {
    expect(segmentText("  \n\n \t ")).toEqual([]);
  });
});
