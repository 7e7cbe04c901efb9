import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCommandPolicy } from "../../create-command-policy.js";

let project: string;
beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "warden-db-pack-"));
});
afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

const evaluate = (command: string) => {
  const result = createCommandPolicy().evaluateCommand(command, { cwd: project, projectDir: project, home: path.dirname(project) });
  return { decision: result.decision.decision, rules: result.matches.map((m) => m.rule.id) };
};
const write = (name: string, text: string) => fs.writeFileSync(path.join(project, name), text);

describe("SQL scripts fed to database clients", () => {
  it("are read from the project's files", () => {
    write("drop.sql", "DROP DATABASE app;\n");
    expect(evaluate("psql -f drop.sql")).toEqual({ decision: "deny", rules: ["db.drop"] });
  });

  it("are read when redirected in", () => {
    write("drop.sql", "DROP DATABASE app;\n");
    expect(evaluate("mysql app < drop.sql")).toEqual({ decision: "deny", rules: ["db.drop"] });
  });

  it("name the script they came from", () => {
    write("drop.sql", "DROP DATABASE app;\n");
    const result = createCommandPolicy().evaluateCommand("psql -f drop.sql", { cwd: project, projectDir: project, home: project });
    expect(result.matches[0]?.detail).toBe("DROP DATABASE app, from drop.sql");
  });

  it("are not read past 1 MiB", () => {
    write("big.sql", `DROP DATABASE app;\n${"-- padding\n".repeat(110_000)}`);
    expect(evaluate("psql -f big.sql")).toEqual({ decision: "allow", rules: [] });
  });

  it("are not read when they are a directory", () => {
    fs.mkdirSync(path.join(project, "drop.sql"));
    expect(evaluate("psql -f drop.sql")).toEqual({ decision: "allow", rules: [] });
  });

  it("are not read on the remote side, where the path names another machine's file", () => {
    write("drop.sql", "DROP DATABASE app;\n");
    expect(evaluate(`ssh db 'psql -f ${path.join(project, "drop.sql")}'`)).toEqual({ decision: "allow", rules: [] });
  });

  it("are read when fed from here to the remote side", () => {
    write("drop.sql", "DROP DATABASE app;\n");
    expect(evaluate("ssh db psql < drop.sql")).toEqual({ decision: "deny", rules: ["db.drop"] });
  });
});
