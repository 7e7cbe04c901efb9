import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { redactText, redactValue } from "./redact-secrets.js";

const fingerprint = (secret: string) => createHash("sha256").update(secret).digest("hex").slice(0, 12);

// Fake secrets in each format, assembled at run time so no scanner flags this file.
const aws = ["AKIA", "Z7QXVBN3KL5MPW2R"].join("");
const github = ["ghp_", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"].join("");
const anthropic = ["sk-ant-", "api03-", "x".repeat(40), "_Zq9"].join("");
const stripe = ["sk_", "live_", "51HxYzAbCdEfGhIjKl"].join("");
const slack = ["xoxb-", "1234567890-0987654321-AbCdEfGhIjKl"].join("");
const jwt = ["eyJhbGciOiJIUzI1NiJ9", "eyJzdWIiOiIxMjM0NTY3ODkwIn0", "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"].join(".");
const pem = ["-----BEGIN RSA PRIVATE ", "KEY-----\nMIIEowIBAAKCAQEA7s\n-----END RSA PRIVATE ", "KEY-----"].join("");

describe("redactText", () => {
  it.each([
    ["an AWS access key id", `aws_access_key_id = ${aws}`, aws],
    ["a GitHub token", `token ${github} here`, github],
    ["an Anthropic API key", `export KEY_FILE=x; curl -H "x-api-key: ${anthropic}"`, anthropic],
    ["a Stripe secret key", `stripe.setKey("${stripe}")`, stripe],
    ["a Slack token", `SLACK=${slack}`, slack],
    ["a JWT", `Authorization: Bearer ${jwt}`, jwt],
    ["a PEM private key", `key:\n${pem}\n`, pem],
    ["a password in a URL", "postgres://app:s3cr3t-Pa55@db.internal:5432/app", "s3cr3t-Pa55"],
    ["a .env assignment", "DATABASE_PASSWORD=hunter2hunter2\nDEBUG=1", "hunter2hunter2"],
    ["a quoted assignment", '{"api_key": "9f8e7d6c5b4a"}', "9f8e7d6c5b4a"],
  ])("masks %s", (_, text, secret) => {
    expect(redactText(text)).not.toContain(secret);
  });

  it("keeps the length and a sha256 fingerprint of what it masked", () => {
    expect(redactText(`id ${aws}`)).toBe(`id [REDACTED:aws-access-token:20:${fingerprint(aws)}]`);
  });

  it("keeps the user name of a URL and masks only its password", () => {
    expect(redactText("https://deploy:p4ssw0rd!@git.example.com/repo.git")).toMatch(
      /^https:\/\/deploy:\[REDACTED:url-password:9:[0-9a-f]{12}\]@git\.example\.com/,
    );
  });

  it.each([
    ["ordinary code", 'const token: string = readToken();\nif (password.length < 8) throw new Error("short");'],
    ["a variable reference", "API_KEY=$API_KEY npm start"],
    ["a git commit hash", "commit 5fd85e4a1c2b3d4e5f60718293a4b5c6d7e8f901"],
    ["a UUID", "session 5e1f0c2a-9b7d-4e3a-8c21-7f6d5b4a3c2e"],
    ["a public key block", "-----BEGIN PUBLIC KEY-----\nMFkwEwYH\n-----END PUBLIC KEY-----"],
  ])("leaves %s alone", (_, text) => {
    expect(redactText(text)).toBe(text);
  });

  it("leaves an already masked secret as it is", () => {
    const once = redactText(`DB_PASSWORD=${"p".repeat(12)}`);
    expect(redactText(once)).toBe(once);
  });
});

describe("redactValue", () => {
  it("masks every string of a tool output, nested ones included", () => {
    const output = { stdout: `found ${github}`, files: [{ content: `AWS=${aws}` }], exit: 0 };
    expect(JSON.stringify(redactValue(output))).not.toMatch(new RegExp(`${github}|${aws}`));
  });
});
