import { describe, expect, it } from "vitest";
import { createCommandPolicy } from "../create-command-policy.js";
import { bashCall } from "../dangerous-commands.fixture.js";
import { holdsPrivateKey } from "./key-files.js";

const CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----\n";

describe("holdsPrivateKey", () => {
  it.each([
    ["an RSA key", "-----BEGIN RSA PRIVATE KEY-----\n"],
    ["a PKCS#8 key", "-----BEGIN PRIVATE KEY-----\n"],
    ["an encrypted key", "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"],
    ["an OpenSSH key", "-----BEGIN OPENSSH PRIVATE KEY-----\n"],
    ["a PGP secret key", "-----BEGIN PGP PRIVATE KEY BLOCK-----\n"],
    ["a certificate chain followed by its key", `${CERTIFICATE}${KEY}`],
  ])("finds %s by what the file holds, whatever its name", (_, text) => {
    expect(holdsPrivateKey("/srv/tls/fullchain.pem", text)).toBe(true);
  });

  it("takes a readable file with no private key for public, whatever its name", () => {
    expect(holdsPrivateKey("/srv/tls/server-key.pem", CERTIFICATE)).toBe(false);
  });

  it.each(["cert.pem", "fullchain.pem", "ca.pem", "ca-bundle.crt", "intermediate.cer", "root_ca.pem"])(
    "takes an unreadable %s for a certificate by its name",
    (name) => {
      expect(holdsPrivateKey(`/srv/tls/${name}`, undefined)).toBe(false);
    },
  );

  it.each(["privkey.pem", "server.key", "site.pem", "cert-key.pem"])("takes an unreadable %s for a key", (name) => {
    expect(holdsPrivateKey(`/srv/tls/${name}`, undefined)).toBe(true);
  });
});

/** A policy that finds `text` in the project's `site.pem` and no other file. */
const policy = (text: string) => createCommandPolicy({}, { readText: (abs) => (abs === "/home/dev/project/site.pem" ? text : undefined) });

describe("reading a PEM file through a command", () => {
  it("is denied when the file holds a private key", () => {
    expect(policy(KEY).decide(bashCall("cat site.pem"))).toMatchObject({ decision: "deny", findings: [{ rule: "cred.read-secret" }] });
  });

  it("is allowed when the file holds only certificates", () => {
    expect(policy(CERTIFICATE).decide(bashCall("cat site.pem"))).toMatchObject({ decision: "allow", findings: [] });
  });
});
