import { describe, expect, it } from "vitest";
import { TextBudget } from "./text-budget.js";

describe("TextBudget", () => {
  it("shows short text whole", () => {
    expect(new TextBudget({ perField: 5, total: 100, overBudgetField: 2 }).take("abc")).toEqual({ shown: "abc", omitted: 0 });
  });

  it("cuts a field to perField and counts what it left out", () => {
    expect(new TextBudget({ perField: 5, total: 100, overBudgetField: 2 }).take("abcdefgh")).toEqual({ shown: "abcde", omitted: 3 });
  });

  it("cuts harder once the total is spent", () => {
    const budget = new TextBudget({ perField: 5, total: 8, overBudgetField: 2 });
    expect([budget.take("12345"), budget.take("12345"), budget.take("12345")].map((part) => part.shown)).toEqual(["12345", "12345", "12"]);
  });

  it("never splits a surrogate pair", () => {
    expect(new TextBudget({ perField: 3, total: 100, overBudgetField: 2 }).take("ab😀cd")).toEqual({ shown: "ab", omitted: 4 });
  });
});
