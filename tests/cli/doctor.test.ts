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
    ]).toEqual([0, true, ["denied", "allowed"]]);
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
    expect(JSON.parse(result.stdout).data).toEqual({ dir: path.join(box.project, ".warden"), bytes: 0, sessions: 0 });
  });
});
