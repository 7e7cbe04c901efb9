import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/hook-process.js";

// hooks/ is committed so that a clone is wired without a build; `pnpm test` rebuilds it first,
// so any difference from what git has means the committed hooks are stale.
const inGitCheckout = (() => {
  try {
    return (
      execFileSync("git", ["rev-parse", "--is-inside-work-tree"], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim() === "true"
    );
  } catch {
    return false;
  }
})();

describe("the committed hooks/ bundles", () => {
  it.skipIf(!inGitCheckout)("are what the current sources build to", () => {
    const diff = execFileSync("git", ["status", "--porcelain", "--", "hooks"], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(diff).toBe("");
  });
});
