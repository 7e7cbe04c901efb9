import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadWardenConfig } from "./warden-config.js";

let project: string;
let home: string;
beforeEach(() => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "warden-config-"));
  project = path.join(root, "project");
  home = path.join(root, "home");
  fs.mkdirSync(path.join(project, ".claude"), { recursive: true });
  fs.mkdirSync(path.join(home, ".claude"), { recursive: true });
});
afterEach(() => fs.rmSync(path.dirname(project), { recursive: true, force: true }));

const write = (dir: string, value: unknown) =>
  fs.writeFileSync(path.join(dir, ".claude", "warden.json"), typeof value === "string" ? value : JSON.stringify(value));
const rule = (id: string, reason: string) => ({ id, reason, command: "terraform" });

describe("loadWardenConfig", () => {
  it("gives the defaults when neither file exists", () => {
    expect(loadWardenConfig(project, home)).toMatchObject({ maxValueBytes: 65536, failMode: "open", errors: [] });
  });

  it("takes the team store's URL from the user's file", () => {
    write(home, { team: { database_url: "postgres://u:p@db/warden" } });
    expect(loadWardenConfig(project, home)).toMatchObject({ team: { database_url: "postgres://u:p@db/warden" }, errors: [] });
  });

  it("refuses a team store URL in the project's file (it is committed, and the URL holds a password), and says where it belongs", () => {
    write(project, { team: { database_url: "postgres://u:p@db/warden", user: "ada" } });
    const config = loadWardenConfig(project, home);
    expect([config.team, config.errors]).toEqual([
      { user: "ada" },
      [expect.stringMatching(/team\.database_url is ignored here .*WARDEN_DATABASE_URL.*~\/\.claude\/warden\.json/)],
    ]);
  });

  it("takes the project's plain settings over the user's", () => {
    write(home, { max_value_bytes: 2048, fail_mode: "closed" });
    write(project, { max_value_bytes: 4096 });
    expect(loadWardenConfig(project, home)).toMatchObject({ maxValueBytes: 4096, failMode: "closed" });
  });

  it("keeps the statistical layer's settings, the project's over the user's", () => {
    write(home, { injection: { model: { enabled: false } } });
    expect(loadWardenConfig(project, home).injection.model).toEqual({ enabled: false });
    write(project, { injection: { model: { enabled: true, alone_at: 7 } } });
    expect(loadWardenConfig(project, home).injection.model).toEqual({ enabled: true, alone_at: 7 });
  });

  it("resolves pricing.file against the folder of the config file that names it", () => {
    write(home, { pricing: { file: "prices.json" } });
    expect(loadWardenConfig(project, home).pricing).toEqual({
      file: path.join(home, ".claude", "prices.json"),
      configFile: path.join(home, ".claude", "warden.json"),
    });
  });

  it("takes the project's pricing.file over the user's", () => {
    write(home, { pricing: { file: "/elsewhere/prices.json" } });
    write(project, { pricing: { file: "../prices.json" } });
    expect(loadWardenConfig(project, home).pricing?.file).toBe(path.join(project, "prices.json"));
  });

  it("has no price file when neither config names one", () => {
    expect(loadWardenConfig(project, home).pricing).toBeNull();
  });

  it("merges rule overrides per rule id, the project's fields winning", () => {
    write(home, { commands: { rules: { "git.force-push": { action: "ask", severity: "low" } } } });
    write(project, { commands: { rules: { "git.force-push": { action: "warn" } } } });
    expect(loadWardenConfig(project, home).commands.rules).toEqual({ "git.force-push": { action: "warn", severity: "low" } });
  });

  it("merges pack settings per pack, the project's fields winning", () => {
    write(home, { commands: { packs: { cloud: { enabled: false, action: "ask" }, db: { action: "warn" } } } });
    write(project, { commands: { packs: { cloud: { enabled: true } } } });
    expect(loadWardenConfig(project, home).commands.packs).toEqual({ cloud: { enabled: true, action: "ask" }, db: { action: "warn" } });
  });

  it("joins added rules, a project rule replacing the user's rule of the same id", () => {
    write(home, { commands: { command_rules: [rule("a", "user a"), rule("b", "user b")] } });
    write(project, { commands: { command_rules: [rule("b", "project b")] } });
    expect(loadWardenConfig(project, home).commands.command_rules?.map((r) => r.reason)).toEqual(["user a", "project b"]);
  });

  it("ignores an invalid file, names it in the errors and keeps the other file", () => {
    write(home, { max_value_bytes: 2048 });
    write(project, { max_value_bytes: "big" });
    const config = loadWardenConfig(project, home);
    expect([config.maxValueBytes, config.errors]).toEqual([
      2048,
      [expect.stringMatching(/project\/\.claude\/warden\.json: max_value_bytes/)],
    ]);
  });

  it("reports a misspelt key instead of silently ignoring it", () => {
    write(project, { fail_mdoe: "closed" });
    expect(loadWardenConfig(project, home).errors).toEqual([expect.stringContaining("fail_mdoe")]);
  });

  it.each([
    [{ fail_mode: "strict" }, 'fail_mode: "strict" is not accepted; expected one of "open", "closed"'],
    [{ redact: true }, 'redact: true is not accepted; expected one of "on", "off"'],
    [{ max_value_bytes: "big" }, 'max_value_bytes: "big" (a string) is not a number'],
    [{ max_value_bytes: 100 }, "max_value_bytes: 100 is too small; expected at least 1024"],
    [{ fail_mdoe: "closed" }, 'unknown top-level key "fail_mdoe" (did you mean "fail_mode"?); known keys: $schema, max_value_bytes'],
    [
      { commands: { rules: { "git.force-push": { action: "block" } } } },
      'commands.rules["git.force-push"].action: "block" is not accepted; expected one of "deny", "ask", "warn"',
    ],
    [
      { commands: { rules: { "git.force-push": { actoin: "ask" } } } },
      'commands.rules["git.force-push"]: unknown key "actoin" (did you mean "action"?)',
    ],
    [
      { commands: { command_rules: [{ id: "team.x", command: "terraform" }] } },
      "commands.command_rules[0].reason: missing; expected a string",
    ],
    [{ injection: { warn_at: "hi" } }, 'injection.warn_at: "hi" is not accepted; expected one of "low", "medium", "high", "critical"'],
    [{ commands: [] }, "commands: [] is not an object"],
  ])("names the file, the key, the value found and what is accepted for %j", (value, message) => {
    write(project, value);
    const file = path.join(project, ".claude", "warden.json");
    expect(loadWardenConfig(project, home).errors).toEqual([expect.stringContaining(`${file}: ${message}`)]);
  });

  it("reports each problem of a file on its own", () => {
    write(project, { fail_mode: "strict", redact: "maybe" });
    expect(loadWardenConfig(project, home).errors).toHaveLength(2);
  });

  it("reports text that is not JSON", () => {
    write(project, "{ nope");
    expect(loadWardenConfig(project, home).errors).toEqual([expect.stringMatching(/not valid JSON/)]);
  });
});
