import { describe, expect, it } from "vitest";
import { fixtureCommits } from "./render/report-model.fixture.js";
import { commitLineTotals, standingCommits } from "./commit-lines.js";

describe("commitLineTotals", () => {
  it("counts an amended commit once: its amend holds its lines again", () => {
    expect(commitLineTotals(fixtureCommits())).toEqual({ added: 16, ai: 11, mixed: 2, human: 2, unknown: 1, ai_share: 11 / 16 });
  });

  it("adds up commits that replaced none of the others", () => {
    const [fix, amend] = fixtureCommits();
    const next = { ...amend!, commit: "a".repeat(40), amend_of: null };
    expect(commitLineTotals([fix!, next]).added).toBe(30);
  });

  it("has no AI share when the commits added no line", () => {
    const [fix] = fixtureCommits();
    const empty = { ...fix!, lines: { added: 0, ai: 0, mixed: 0, human: 0, unknown: 0 } };
    expect(commitLineTotals([empty]).ai_share).toBeNull();
  });
});

describe("standingCommits", () => {
  it("keeps only the last of a chain of amends", () => {
    const chain = [
      { commit: "a", amend_of: null },
      { commit: "b", amend_of: "a" },
      { commit: "c", amend_of: "b" },
    ];
    expect(standingCommits(chain)).toEqual([{ commit: "c", amend_of: "b" }]);
  });

  it("keeps an amend of a commit made before the session", () => {
    expect(standingCommits([{ commit: "b", amend_of: "earlier" }])).toEqual([{ commit: "b", amend_of: "earlier" }]);
  });
});
