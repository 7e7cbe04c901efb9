import { describe, expect, it } from "vitest";
import type { ToolCall } from "../guard-policy.js";
import { createCommandPolicy } from "./create-command-policy.js";

const policy = createCommandPolicy();
const bash = (command: string): ToolCall => ({
  toolName: "Bash",
  toolInput: { command },
  cwd: "/home/dev/project",
  projectDir: "/home/dev/project",
  home: "/home/dev",
});

describe("a deny", () => {
  const result = policy.decide(bash("echo ok; rm -rf /"));

  it("is blocked, critical, with the rule as finding", () => {
    expect(result).toMatchObject({
      decision: "deny",
      verdict: "blocked",
      severity: "critical",
      findings: [{ rule: "fs.rm-root", action: "deny" }],
    });
  });

  it("points at the segment that triggered it", () => {
    expect(result.findings[0]).toMatchObject({ excerpt: "rm -rf /", start: 9, end: 17, source: "command" });
  });

  it("gives the model the rule, the segment, and tells it to ask the user", () => {
    expect(result.reason).toMatch(
      /^Warden blocked this command: `rm -rf \/`: .*\[rule fs\.rm-root\]\. If this is really intended, ask the user to run it themselves/,
    );
  });
});

describe("a finding inside a layer", () => {
  it("records the layers and the inner segment, with the top-level segment's offsets", () => {
    expect(policy.decide(bash('ls; bash -c "cd / && rm -rf *"')).findings[0]).toMatchObject({
      rule: "fs.rm-root",
      excerpt: "rm -rf *",
      form: "bash -c",
      start: 4,
      end: 30,
    });
  });

  it("names substitution layers", () => {
    expect(policy.decide(bash('sh -c "echo $(rm -rf ~)"')).findings[0]).toMatchObject({ rule: "fs.rm-home", form: "$(…)" });
  });

  it("names interpreter layers", () => {
    expect(policy.decide(bash(`python3 -c 'import os; os.system("rm -rf ~")'`)).findings[0]).toMatchObject({
      form: "python3 -c › os.system",
    });
  });
});

describe("several findings", () => {
  it("decide by the strongest action and keep every finding", () => {
    const result = policy.decide(bash("git branch -D old && git push --force"));
    expect({ decision: result.decision, rules: result.findings.map((f) => f.rule) }).toEqual({
      decision: "deny",
      rules: ["git.branch-force-delete", "git.force-push"],
    });
  });

  it("take the highest severity", () => {
    expect(policy.decide(bash("git branch -D old; reboot")).severity).toBe("critical");
  });

  it("ask when the strongest action is ask", () => {
    expect(policy.decide(bash("rm -rf ../old-checkout")).reason).toMatch(/^Warden asks the user to confirm this command/);
  });
});

describe("an allowed command", () => {
  it("has no finding and no reason", () => {
    expect(policy.decide(bash("npm test"))).toEqual({ decision: "allow", verdict: "allowed", severity: null, findings: [] });
  });
});
