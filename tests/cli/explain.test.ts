import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli-in-process.js";
import { makeSandbox, type Sandbox } from "../support/hook-process.js";

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

describe("warden explain", () => {
  it("shows the unwrapped layers, the resolved target and the deciding rule", async () => {
    const result = await runCliInProcess(["explain", 'sudo bash -c "cd /tmp && rm -rf ~/"'], box);
    expect(result.stdout).toMatch(/layers +bash -c[\s\S]*target +delete .*\/home \(home[\s\S]*decision +deny[\s\S]*rule +fs\.rm-home/);
  });

  it("says when --cwd names no existing directory, and still explains", async () => {
    const result = await runCliInProcess(["explain", "ls", "--cwd", path.join(box.project, "nowhere")], box);
    expect([result.code, result.stderr, result.stdout]).toEqual([
      0,
      expect.stringContaining("nowhere is not an existing directory"),
      expect.stringContaining("decision  allow"),
    ]);
  });

  it("names the pack and the rule that decided", async () => {
    const result = await runCliInProcess(["explain", "ssh bastion 'terraform destroy -auto-approve'"], box);
    expect(result.stdout).toMatch(/layers +ssh bastion[\s\S]*decision +deny[\s\S]*rule +iac\.destroy-unattended\npack +iac/);
  });

  it("gives the pack in its JSON", async () => {
    const result = await runCliInProcess(["explain", "terraform destroy -auto-approve", "--json"], box);
    expect(JSON.parse(result.stdout)).toMatchObject({
      decidedBy: "iac.destroy-unattended",
      pack: "iac",
      decision: { findings: [{ rule: "iac.destroy-unattended", pack: "iac" }] },
    });
  });

  it("treats quoted data as data", async () => {
    const result = await runCliInProcess(["explain", 'grep -rn "rm -rf /" docs/', "--json"], box);
    expect(JSON.parse(result.stdout)).toMatchObject({ decision: { decision: "allow" }, decidedBy: null });
  });

  it("does not mistake the code of bash -c for a file path", async () => {
    const result = await runCliInProcess(["explain", 'bash -c "npm test && ls"', "--json"], box);
    expect(JSON.parse(result.stdout).commands[0]).toMatchObject({ program: "bash", targets: [] });
  });

  it("applies the project's config: a disabled rule no longer decides", async () => {
    fs.mkdirSync(path.join(box.project, ".claude"));
    fs.writeFileSync(
      path.join(box.project, ".claude", "warden.json"),
      JSON.stringify({ commands: { rules: { "git.force-push": { enabled: false } } } }),
    );
    const result = await runCliInProcess(["explain", "git push --force", "--project", box.project, "--json"], box);
    expect(JSON.parse(result.stdout).decision.decision).toBe("allow");
  });

  it("refuses a missing command with usage, exit code 2", async () => {
    const result = await runCliInProcess(["explain"], box);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining("give the command to explain")]);
  });

  it.each([
    ["deny", "rm -rf ~", 1],
    ["ask", "terraform apply -auto-approve", 1],
    ["allow", "ls -la", 0],
  ])("exits by its decision: %s -> %i", async (_decision, command, code) => {
    const result = await runCliInProcess(["explain", command], box);
    expect(result.code).toBe(code);
  });

  it("explains with the built-in policy when the config names an unknown rule, warning as the guard would", async () => {
    fs.mkdirSync(path.join(box.project, ".claude"));
    fs.writeFileSync(
      path.join(box.project, ".claude", "warden.json"),
      JSON.stringify({ commands: { rules: { "no.such-rule": { enabled: false } } } }),
    );
    const result = await runCliInProcess(["explain", "git push --force", "--project", box.project], box);
    expect([result.code, result.stdout, result.stderr]).toEqual([
      1,
      expect.stringMatching(/decision +deny[\s\S]*rule +git\.force-push/),
      expect.stringMatching(
        /^warden explain: config: commands\.rules: unknown rule id "no\.such-rule"; none of the .*built-in command policy/,
      ),
    ]);
  });

  it("explains when the config names an unknown pack", async () => {
    fs.mkdirSync(path.join(box.project, ".claude"));
    fs.writeFileSync(
      path.join(box.project, ".claude", "warden.json"),
      JSON.stringify({ commands: { packs: { nopack: { enabled: false } } } }),
    );
    const result = await runCliInProcess(["explain", "ls", "--project", box.project], box);
    expect([result.code, result.stderr]).toEqual([0, expect.stringContaining("warden explain: config: ")]);
  });
});
