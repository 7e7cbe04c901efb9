import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCommandPolicy, loadWardenConfig } from "@warden/core";
import { REPO_ROOT } from "../support/hook-process.js";

let project: string;
beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "warden-readme-"));
});
afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

/** The README's example .claude/warden.json: the first json block of its Configuration section. */
function readmeExample(): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Configuration"));
  const match = /```json\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error("README has no json example under ## Configuration");
  return match[1];
}

describe("the README's configuration example", () => {
  it("is a valid config that the command policy accepts", () => {
    fs.mkdirSync(path.join(project, ".claude"));
    fs.writeFileSync(path.join(project, ".claude", "warden.json"), readmeExample());
    const config = loadWardenConfig(project, path.join(project, "home"));
    expect(config.errors).toEqual([]);
    expect(createCommandPolicy(config.commands).rules.map((r) => r.id)).toEqual(
      expect.arrayContaining(["team.no-terraform-apply", "team.secrets-dir"]),
    );
  });
});
