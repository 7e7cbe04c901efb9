import { describe, expect, it } from "vitest";
import { editDistance, suggest } from "./did-you-mean.js";

describe("suggest", () => {
  it.each([
    ["sesions", ["sessions", "show", "scan"], "sessions"],
    ["jsno", ["json", "dir"], "json"],
    ["chek", ["check", "test"], "check"],
    ["shwo", ["show", "scan"], "show"],
  ])("finds %s -> the close candidate", (word, candidates, expected) => {
    expect(suggest(word, candidates)).toBe(expected);
  });

  it.each([
    ["frobnicate", ["sessions", "show", "scan"]],
    ["x", ["json", "dir"]],
  ])("suggests nothing for %s, which is close to none", (word, candidates) => {
    expect(suggest(word, candidates)).toBeUndefined();
  });
});

describe("editDistance", () => {
  it.each([
    ["", "abc", 3],
    ["json", "jsno", 1],
    ["kitten", "sitting", 3],
    ["same", "same", 0],
  ])("%s -> %s is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});
