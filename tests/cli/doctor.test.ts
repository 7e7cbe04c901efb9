import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli-in-process.js";
import { makeSandbox, type Sandbox } from "../support/hook-process.js";

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly fix?: string;
}

let box: Sandbox;

/** `warden doctor --json` in the sandbox: its exit code and its checks. */
async function doctorJson(): Promise<{ code: number | null; checks: Check[] }> {
  const result = await runCliInProcess(["doctor", "--project", box.project, "--json"], box);
  return { code: result.code, checks: JSON.parse(result.stdout).checks };
}

const check = (checks: readonly Check[], name: string) => checks.find((c) => c.name === name);

/** What `claude plugin install warden@warden` writes into a settings file. */
function enablePlugin(settingsFile: string): void {
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, JSON.stringify({ enabledPlugins: { "warden@warden": true } }));
}
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

  it("says how to wire a project that was never wired", async () => {
    const { checks } = await doctorJson();
    expect(check(checks, "wiring")).toEqual(
      expect.objectContaining({ ok: false, fix: `warden install --project ${box.project}`, detail: expect.stringContaining("neither") }),
    );
  });

  it("flags hooks wired in both the project and the user settings, with the command that removes one", async () => {
    await runCliInProcess(["install", "--project", box.project], box);
    await runCliInProcess(["install", "--user"], box);
    const { code, checks } = await doctorJson();
    expect([code, check(checks, "wiring")]).toEqual([
      1,
      expect.objectContaining({
        ok: false,
        fix: "warden install --user --uninstall",
        detail: expect.stringContaining(`warden install --project ${box.project} --uninstall`),
      }),
    ]);
  });

  it("passes with the user settings alone wired", async () => {
    await runCliInProcess(["install", "--user"], box);
    const { code, checks } = await doctorJson();
    expect([code, checks.filter((c) => !c.ok)]).toEqual([0, []]);
  });

  it("counts the Warden plugin as the wiring: healthy with no settings wired, the self-test passing", async () => {
    enablePlugin(path.join(box.home, ".claude", "settings.json"));
    const { code, checks } = await doctorJson();
    expect([code, check(checks, "plugin")?.ok, checks.filter((c) => c.name.startsWith("self-test")).map((c) => c.detail)]).toEqual([
      0,
      true,
      ["denied", "allowed", `the deny was recorded in ${path.join(box.project, ".warden", "sessions")}`],
    ]);
  });

  it("flags the plugin enabled while a settings file also wires the hooks, with the command that removes the wiring", async () => {
    await runCliInProcess(["install", "--project", box.project], box);
    enablePlugin(path.join(box.home, ".claude", "settings.json"));
    const { code, checks } = await doctorJson();
    expect([code, check(checks, "plugin and settings")]).toEqual([
      1,
      expect.objectContaining({
        ok: false,
        fix: `warden install --project ${box.project} --uninstall`,
        detail: expect.stringContaining("runs every hook twice"),
      }),
    ]);
  });

  it("does not count a plugin the project's settings turn off", async () => {
    enablePlugin(path.join(box.home, ".claude", "settings.json"));
    fs.mkdirSync(path.join(box.project, ".claude"));
    fs.writeFileSync(path.join(box.project, ".claude", "settings.json"), JSON.stringify({ enabledPlugins: { "warden@warden": false } }));
    const { code, checks } = await doctorJson();
    expect([code, check(checks, "plugin"), check(checks, "wiring")?.ok]).toEqual([1, undefined, false]);
  });

  it("says how to repair wiring that lacks an event", async () => {
    await runCliInProcess(["install", "--project", box.project], box);
    const file = path.join(box.project, ".claude", "settings.json");
    const settings = JSON.parse(fs.readFileSync(file, "utf8"));
    delete settings.hooks.Stop;
    fs.writeFileSync(file, JSON.stringify(settings));
    const { checks } = await doctorJson();
    expect(check(checks, "project wiring")).toEqual(
      expect.objectContaining({
        ok: false,
        detail: expect.stringContaining("Stop: not wired"),
        fix: `warden install --project ${box.project}`,
      }),
    );
  });

  it("says a settings file that is not JSON must be corrected by hand", async () => {
    fs.mkdirSync(path.join(box.project, ".claude"));
    fs.writeFileSync(path.join(box.project, ".claude", "settings.json"), "{ nope");
    const { checks } = await doctorJson();
    expect(check(checks, "project wiring")?.fix).toBe(
      `correct the JSON of ${path.join(box.project, ".claude", "settings.json")} by hand, then run \`warden doctor\` again`,
    );
  });

  it("gives every failing check a fix", async () => {
    fs.mkdirSync(path.join(box.project, ".claude"));
    fs.writeFileSync(path.join(box.project, ".claude", "warden.json"), '{"fail_mode": "strict"}');
    const { checks } = await doctorJson();
    expect(checks.filter((c) => !c.ok && c.fix == null)).toEqual([]);
  });

  it("prints each fix under its failing check", async () => {
    const result = await runCliInProcess(["doctor", "--project", box.project], box);
    const fix = `warden install --project ${box.project}`.replaceAll(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(result.stdout).toMatch(new RegExp(`FAIL {2}wiring: .*\\n {6}fix: ${fix}\\n`));
  });

  it("lists every option it accepts in its usage", async () => {
    const result = await runCliInProcess(["doctor", "--help"], box);
    expect([result.code, result.stdout]).toEqual([0, expect.stringMatching(/^ {2}--project DIR .*\n {2}--json /m)]);
  });

  it("exits 2 with its usage on an unknown option", async () => {
    const result = await runCliInProcess(["doctor", "--fix"], box);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining("usage: warden doctor")]);
  });

  it("flags an invalid config file", async () => {
    await runCliInProcess(["install", "--project", box.project], box);
    fs.writeFileSync(path.join(box.project, ".claude", "warden.json"), '{"max_value_bytes": "big"}');
    const result = await runCliInProcess(["doctor", "--project", box.project], box);
    expect([result.code, result.stdout]).toEqual([
      1,
      expect.stringMatching(/FAIL {2}config: .*warden\.json: max_value_bytes: "big" \(a string\) is not a number/),
    ]);
  });

  it("names the config file to correct in the fix", async () => {
    await runCliInProcess(["install", "--project", box.project], box);
    fs.writeFileSync(path.join(box.project, ".claude", "warden.json"), '{"fail_mode": "strict"}');
    const { checks } = await doctorJson();
    expect(check(checks, "config")?.fix).toContain(path.join(box.project, ".claude", "warden.json"));
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

  it("says how to make an unwritable data directory usable", async () => {
    await runCliInProcess(["install", "--project", box.project], box);
    fs.writeFileSync(path.join(box.project, ".warden"), "a file where the data directory should be");
    const { checks } = await doctorJson();
    expect(check(checks, "self-test recording")?.fix).toBe(
      `make ${path.join(box.project, ".warden")} a writable directory (move away whatever is there), or set WARDEN_DIR to one`,
    );
  });

  it("leaves no trace of its own self-test session in the data directory", async () => {
    await runCliInProcess(["install", "--project", box.project], box);
    await runCliInProcess(["doctor", "--project", box.project], box);
    const folders = ["sessions", "pending"].map((name) => fs.readdirSync(path.join(box.project, ".warden", name)));
    expect(folders).toEqual([[], []]);
  });
});

describe("warden doctor in resident mode", () => {
  it("fails the resident-server check with its fix while the server is not running; the self-test still passes", async () => {
    await runCliInProcess(["install", "--project", box.project, "--server"], box);
    const { checks } = await doctorJson();
    expect([check(checks, "resident server"), check(checks, "self-test rm -rf ~")?.ok]).toEqual([
      expect.objectContaining({ ok: false, detail: expect.stringContaining("not running"), fix: "warden server start" }),
      true,
    ]);
  });

  it("passes once the server runs", async () => {
    await runCliInProcess(["install", "--project", box.project, "--server"], box);
    await runCliInProcess(["server", "start"], box);
    try {
      const { code, checks } = await doctorJson();
      expect([code, check(checks, "resident server")?.ok]).toEqual([0, true]);
    } finally {
      await runCliInProcess(["server", "stop"], box);
    }
  });
});
