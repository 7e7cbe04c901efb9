import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ensureContainedDir, isContainedPath } from "./contained-path.js";

let dir: string;
let root: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-contained-"));
  root = path.join(dir, ".warden");
  fs.mkdirSync(path.join(root, "sessions"), { recursive: true });
  fs.mkdirSync(path.join(dir, "outside"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("isContainedPath", () => {
  it("accepts a file below real folders of the data directory", () => {
    expect(isContainedPath(root, path.join(root, "sessions", "s1.jsonl"))).toBe(true);
  });

  it("refuses a file reached through a linked folder", () => {
    fs.symlinkSync(path.join(dir, "outside"), path.join(root, "pending"));
    expect(isContainedPath(root, path.join(root, "pending", "s1"))).toBe(false);
  });

  it("refuses everything when the data directory itself is a link", () => {
    const linked = path.join(dir, "linked");
    fs.symlinkSync(root, linked);
    expect(isContainedPath(linked, path.join(linked, "sessions", "s1.jsonl"))).toBe(false);
  });

  it("refuses the data directory itself", () => {
    expect(isContainedPath(root, root)).toBe(false);
  });
});

describe("ensureContainedDir", () => {
  // Another hook process creating the folder between this one's look and its mkdir: reproduced
  // exactly by letting "the other process" win just before the real mkdir runs.
  const raceOnce = (made: (dir: string) => void) => {
    const realMkdir = fs.mkdirSync;
    const spy = vi.spyOn(fs, "mkdirSync").mockImplementationOnce((target, options) => {
      made(String(target));
      return realMkdir(target, options);
    });
    return () => spy.mockRestore();
  };

  it("accepts a folder another process created at the same moment", () => {
    const restore = raceOnce((target) => fs.mkdirSync(target));
    try {
      ensureContainedDir(root, path.join(root, "pending", "s1"));
    } finally {
      restore();
    }
    expect(fs.statSync(path.join(root, "pending", "s1")).isDirectory()).toBe(true);
  });

  it("still refuses a link put there at that moment", () => {
    const restore = raceOnce((target) => fs.symlinkSync(path.join(dir, "outside"), target));
    try {
      expect(() => ensureContainedDir(root, path.join(root, "pending"))).toThrow(/symbolic link/);
    } finally {
      restore();
    }
  });
});
