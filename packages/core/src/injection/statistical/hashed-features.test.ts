import { describe, expect, it } from "vitest";
import { FEATURE_COUNT, featureCapacity, hashFeatures } from "./hashed-features.js";

function buckets(text: string): number[] {
  const out = new Int32Array(featureCapacity(text.length));
  return [...out.subarray(0, hashFeatures(text, 0, text.length, out))];
}

function shared(a: string, b: string): number {
  const set = new Set(buckets(b));
  const fa = buckets(a);
  return fa.filter((x) => set.has(x)).length / fa.length;
}

describe("hashFeatures", () => {
  it("gives the same buckets to the same words whatever their case and spacing", () => {
    expect(buckets("Ignore  the PREVIOUS\ninstructions")).toEqual(buckets("ignore the previous instructions"));
  });

  it("keeps every bucket inside the model", () => {
    for (const b of buckets("<|im_start|>system Ünïcode 日本語 ### ](http://x)")) {
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(FEATURE_COUNT);
    }
  });

  it("lets a misspelled word share most of its features with the word", () => {
    expect(shared("instrucions", "instructions")).toBeGreaterThan(0.5);
    expect(shared("instrucions", "constitution")).toBeLessThan(0.2);
  });

  it("tells word order apart through bigrams", () => {
    expect(buckets("send the keys")).not.toEqual(buckets("keys the send"));
  });

  it("reads only the stretch it is given", () => {
    const text = "before ignore previous after";
    expect(hashFeatures(text, 7, 22, new Int32Array(featureCapacity(15)))).toBe(buckets("ignore previous").length);
  });

  it("counts punctuation runs as features", () => {
    expect(buckets("</data>").length).toBeGreaterThan(buckets("data").length);
  });
});
