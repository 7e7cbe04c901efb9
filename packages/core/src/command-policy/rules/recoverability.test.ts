import { describe, expect, it } from "vitest";
import type { StatusEntry } from "../read-git-status.js";
import { assessRecoverability, type Discard } from "./recoverability.js";

const RM: Discard = { changes: "unstaged", untracked: true, ignored: true };
const CHECKOUT: Discard = { changes: "unstaged", untracked: false, ignored: false };
const RESET_HARD: Discard = { changes: "uncommitted", untracked: false, ignored: false };
const entry = (xy: string, path: string): StatusEntry => ({ index: xy[0] ?? " ", worktree: xy[1] ?? " ", path });
const assess = (entries: StatusEntry[], discard: Discard) => assessRecoverability({ known: true, entries }, discard);

describe("assessRecoverability", () => {
  it("calls content git holds unchanged recoverable", () => {
    expect(assess([], RM)).toEqual({ state: "recoverable", note: "recoverable: what it discards is tracked and unchanged in git" });
  });

  it("names how many files of each kind would be lost, and the directory they share", () => {
    const entries = [
      entry(" M", "src/a.ts"),
      entry(" M", "src/b.ts"),
      entry(" M", "f"),
      entry("??", "src/x/1.ts"),
      entry("??", "src/x/2.ts"),
    ];
    expect(assess(entries, RM).note).toBe(
      "would lose 3 modified files: src/a.ts, src/b.ts, f; 2 untracked files under src/x/: src/x/1.ts, src/x/2.ts",
    );
  });

  it("shows three examples and counts the rest", () => {
    const entries = ["a", "b", "c", "d", "e"].map((name) => entry("??", `tmp/${name}`));
    expect(assess(entries, RM).note).toBe("would lose 5 untracked files under tmp/: tmp/a, tmp/b, tmp/c and 2 more");
  });

  it("takes ignored build output as regenerable, and says so", () => {
    expect(assess([entry("!!", "node_modules/"), entry("!!", "dist/")], RM)).toEqual({
      state: "recoverable",
      note: "recoverable: what it discards is tracked and unchanged in git; node_modules/, dist/ ignored by git, taken as regenerable output",
    });
  });

  it("does not take an ignored .env or key as regenerable", () => {
    expect(assess([entry("!!", ".env"), entry("!!", "certs/server.key"), entry("!!", ".env.example")], RM).note).toBe(
      "would lose 2 ignored but irreplaceable files: .env, certs/server.key",
    );
  });

  it("counts a staged change as kept by the index when only the working tree is overwritten", () => {
    expect(assess([entry("M ", "f")], CHECKOUT).state).toBe("recoverable");
  });

  it("counts a staged change as lost when the index is reset too", () => {
    expect(assess([entry("M ", "f"), entry("A ", "new.ts")], RESET_HARD).note).toBe("would lose 2 modified files: f, new.ts");
  });

  it("finds nothing to lose in a file already deleted", () => {
    expect(assess([entry(" D", "gone.ts"), entry("D ", "staged-gone.ts")], RESET_HARD).state).toBe("recoverable");
  });

  it("leaves untracked files out of what a checkout loses", () => {
    expect(assess([entry("??", "src/new.ts")], CHECKOUT).state).toBe("recoverable");
  });

  it("counts a conflicted file as lost", () => {
    expect(assess([entry("UU", "src/a.ts")], CHECKOUT).note).toBe("would lose 1 modified file: src/a.ts");
  });

  it("says why it does not know", () => {
    expect(assessRecoverability({ known: false, why: "not in a git repository" }, RM)).toEqual({
      state: "unknown",
      note: "recoverability unknown: not in a git repository",
    });
  });
});
