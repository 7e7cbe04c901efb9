import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/cli-in-process.js";
import { runHookInProcess } from "../support/hook-in-process.js";
import { makeSandbox, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

/**
 * The reports the CLI writes (`report`, `finalize`, `show`) mask secrets as the hooks' do, and
 * keep raw text when the project's config says `redact: "off"`. Each session is recorded with
 * redaction off, so its records hold the secret raw and only the command can mask it.
 */

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

const SESSION = "5ec2e700-0000-4000-8000-000000000001";
// A fake AWS access key, assembled at run time so no scanner flags this file.
const AWS_KEY = ["AKIA", "Z7QXVBN3KL5MPW2R"].join("");
const MASK = "[REDACTED:aws-access-token:20:";
const configFile = () => path.join(box.project, ".claude", "warden.json");
const reportJson = () => fs.readFileSync(path.join(box.wardenDir, "reports", `${SESSION}.json`), "utf8");

function setRedact(value: "on" | "off"): void {
  fs.mkdirSync(path.dirname(configFile()), { recursive: true });
  fs.writeFileSync(configFile(), JSON.stringify({ redact: value }));
}

/** An open session (no report yet) whose one Bash call printed the key, recorded raw. */
async function recordSecretSession(): Promise<void> {
  setRedact("off");
  const s = { sessionId: SESSION, cwd: box.project };
  const input = p.bashInput("cat deploy.log");
  await runHookInProcess("session-start", p.sessionStart(s), box);
  await runHookInProcess("post-tool-guard", p.preToolUse(s, "Bash", input, "toolu_log"), box);
  await runHookInProcess("post-tool-guard", p.postToolUse(s, "Bash", input, p.bashResponse(`deploying with ${AWS_KEY}`), "toolu_log"), box);
}

describe("warden report", () => {
  it("masks a secret from the records in the report it writes, by default", async () => {
    await recordSecretSession();
    fs.rmSync(configFile());
    await runCliInProcess(["report", SESSION], box);
    expect([reportJson().includes(AWS_KEY), reportJson().includes(MASK)]).toEqual([false, true]);
  });

  it('masks it with redact: "on"', async () => {
    await recordSecretSession();
    setRedact("on");
    await runCliInProcess(["report", SESSION], box);
    expect([reportJson().includes(AWS_KEY), reportJson().includes(MASK)]).toEqual([false, true]);
  });

  it('keeps it raw with redact: "off"', async () => {
    await recordSecretSession();
    await runCliInProcess(["report", SESSION], box);
    expect(reportJson()).toContain(AWS_KEY);
  });

  it("reads the config of the project whose data directory --dir names, wherever it runs", async () => {
    await recordSecretSession();
    const { CLAUDE_PROJECT_DIR: _, ...env } = box.env;
    await runCliInProcess(["report", SESSION, "--dir", box.wardenDir], box, "", { cwd: box.home, env });
    expect(reportJson()).toContain(AWS_KEY);
  });
});

describe("warden finalize", () => {
  it("masks a secret from the records in the report it writes, by default", async () => {
    await recordSecretSession();
    fs.rmSync(configFile());
    await runCliInProcess(["finalize", SESSION], box);
    expect([reportJson().includes(AWS_KEY), reportJson().includes(MASK)]).toEqual([false, true]);
  });

  it('keeps it raw with redact: "off"', async () => {
    await recordSecretSession();
    await runCliInProcess(["finalize", SESSION], box);
    expect(reportJson()).toContain(AWS_KEY);
  });

  it("reads the config of the project whose data directory --dir names, wherever it runs", async () => {
    await recordSecretSession();
    const { CLAUDE_PROJECT_DIR: _, ...env } = box.env;
    await runCliInProcess(["finalize", SESSION, "--dir", box.wardenDir], box, "", { cwd: box.home, env });
    expect(reportJson()).toContain(AWS_KEY);
  });
});

describe("warden show", () => {
  it("masks a secret from the records in what it prints, by default", async () => {
    await recordSecretSession();
    fs.rmSync(configFile());
    const result = await runCliInProcess(["show", SESSION, "--json"], box);
    expect([result.stdout.includes(AWS_KEY), result.stdout.includes(MASK)]).toEqual([false, true]);
  });

  it('prints it raw with redact: "off"', async () => {
    await recordSecretSession();
    const result = await runCliInProcess(["show", SESSION, "--json"], box);
    expect(result.stdout).toContain(AWS_KEY);
  });
});
