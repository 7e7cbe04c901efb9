import { describe, expect, it } from "vitest";
import type { CommandContext } from "../command-types.js";
import { createCommandPolicy } from "../create-command-policy.js";
import { bashCall } from "../dangerous-commands.fixture.js";
import { classifyPath } from "./classify-path.js";

/** A project outside any home and temp directory, as in a container's /workspace or a CI checkout. */
const WORKSPACE: CommandContext = { cwd: "/workspace/app", projectDir: "/workspace/app", home: "/root" };

describe("classifyPath beside a project outside home", () => {
  it.each([
    ["/workspace/other", "project-sibling"],
    ["/workspace/other/src", "project-sibling"],
    ["/workspace", "project-root"],
    ["/workspace/app/dist", "project"],
    ["/data/cache", "outside"],
  ])("puts %s in %s", (abs, cls) => {
    expect(classifyPath(abs, WORKSPACE)).toBe(cls);
  });

  it.each([
    ["a temp directory", { cwd: "/tmp/w/app", projectDir: "/tmp/w/app", home: "/root" }, "/tmp/w/other", "temp"],
    ["a user area", { cwd: "/opt/app", projectDir: "/opt/app", home: "/root" }, "/opt/other", "mount"],
    ["a home", { cwd: "/home/dev/app", projectDir: "/home/dev/app", home: "/home/dev" }, "/home/dev/other", "home-subtree"],
  ])("leaves the neighbours of a project in %s to that directory's class", (_, ctx, abs, cls) => {
    expect(classifyPath(abs, ctx)).toBe(cls);
  });
});

describe("a recursive delete beside the project", () => {
  const policy = createCommandPolicy({}, { readStatus: () => ({ known: false, why: "not in a git repository" }) });

  it("asks: the directory next to the project is most often another project", () => {
    expect(policy.decide(bashCall("rm -rf ../other", WORKSPACE))).toMatchObject({
      decision: "ask",
      findings: [{ rule: "fs.rm-outside-project" }],
    });
  });

  it("lets a delete deeper outside the project's parent run", () => {
    expect(policy.decide(bashCall("rm -rf /data/cache/tmp", WORKSPACE))).toMatchObject({ decision: "allow", findings: [] });
  });
});
