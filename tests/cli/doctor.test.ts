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

describe("warden doctor", () => {
  it("exits 1 and says the wiring is missing in a project that was never wired", async () => {
    const result = await runCliInProcess(["doctor", "--project", box.project], box);
    expect([result.code, result.stdout]).toEqual([1, expect.stringContaining("Warden is NOT fully on")]);
  });

  it("exits 0 once the project is wired, with a passing self-test", async () => {
    await runCliInProcess(["install", "--project", box.project], box);
    const result = await runCliInProcess(["doctor", "--project", box.project, "--json"], box);
    const report = JSON.parse(result.stdout);
    expect([
      result.code,
      report.healthy,
      report.checks.filter((c: { name: string }) => c.name.startsWith("self-test")).map((c: { detail: string }) => c.detail),
    ]).toEqual([0, true, ["denied", "allowed", `the deny was recorded in ${path.join(box.project, ".warden", "sessions")}`]]);
  });

  it("flags an invalid config file", async () => {
    await runCliInProcess(["install", "--project", box.project], box);
    fs.writeFileSync(path.join(box.project, ".claude", "warden.json"), '{"max_value_bytes": "big"}');
    const result = await runCliInProcess(["doctor", "--project", box.project], box);
    expect([result.code, result.stdout]).toEqual([1, expect.stringMatching(/FAIL {2}config: .*warden\.json: max_value_bytes/)]);
  });

  it("reports where the data lives and how much there is", async () => {
    await runCliInProcess(["install", "--project", box.project], box);
    const result = await runCliInProcess(["doctor", "--project", box.project, "--json"], box);
    expect(JSON.parse(result.stdout).data).toEqual(expect.objectContaining({ dir: path.join(box.project, ".warden"), sessions: 0 }));
  });

  it("runs the wired hook against the project's real data directory: a broken one shows, the deny still holds", async () => {
    await runCliInProcess(["install", "--project", box.project], box);
    fs.writeFileSync(path.join(box.project, ".warden"), "a file where the data directory should be");
    const result = await runCliInProcess(["doctor", "--project", box.project, "--json"], box);
    const checks = JSON.parse(result.stdout).checks.filter((c: { name: string }) => c.name.startsWith("self-test"));
    expect([result.code, checks.map((c: { ok: boolean }) => c.ok)]).toEqual([1, [true, true, false]]);
  });

  it("leaves no trace of its own self-test session in the data directory", async () => {
    await runCliInProcess(["install", "--project", box.project], box);
    await runCliInProcess(["doctor", "--project", box.project], box);
    const folders = ["sessions", "pending"].map((name) => fs.readdirSync(path.join(box.project, ".warden", name)));
    expect(folders).toEqual([[], []]);
  });
});
