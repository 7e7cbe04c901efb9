import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outboxRegistryPath, registeredOutboxes, registerOutbox } from "./outbox-registry.js";

let home: string;
let env: Record<string, string>;
beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), "warden-registry-"));
  env = { HOME: home };
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

/** A data directory that holds sessions, as the hooks leave one. */
function dataDir(name: string): string {
  const root = path.join(home, name, ".warden");
  fs.mkdirSync(path.join(root, "sessions"), { recursive: true });
  return root;
}

describe("the outbox registry", () => {
  it("lists each registered data directory once, in the order they were first registered", () => {
    const a = dataDir("a");
    const b = dataDir("b");
    registerOutbox(env, home, a);
    registerOutbox(env, home, b);
    registerOutbox(env, home, a);
    expect(registeredOutboxes(env, home)).toEqual([a, b]);
  });

  it("leaves out a directory deleted since (a removed project)", () => {
    const a = dataDir("a");
    registerOutbox(env, home, a);
    fs.rmSync(path.dirname(a), { recursive: true });
    expect(registeredOutboxes(env, home)).toEqual([]);
  });

  it("lives in Warden's per-user folder, private to the user", () => {
    registerOutbox(env, home, dataDir("a"));
    const file = outboxRegistryPath(env, home);
    expect([path.dirname(file), fs.statSync(path.dirname(file)).mode & 0o777, fs.statSync(file).mode & 0o777]).toEqual([
      path.join(home, ".local", "state", "warden"),
      0o700,
      0o600,
    ]);
  });

  it("ignores lines that are not absolute paths (a hand-edited or damaged file)", () => {
    const a = dataDir("a");
    registerOutbox(env, home, a);
    fs.appendFileSync(outboxRegistryPath(env, home), "relative/.warden\n\n");
    expect(registeredOutboxes(env, home)).toEqual([a]);
  });
});
