import { describe, expect, it } from "vitest";
import { execCommands, parseFind } from "./parse-find.js";

describe("parseFind", () => {
  it.each([
    [["/var/log", "-name", "*.gz"], ["/var/log"]],
    [
      ["-L", "-O2", "-D", "tree", "a", "b/", "-type", "f"],
      ["a", "b/"],
    ],
    [["-name", "x"], ["."]],
    [[], ["."]],
  ])("reads the starting points of find %j", (args, roots) => {
    expect(parseFind(args).roots).toEqual(roots);
  });

  it("finds everything under each starting point", () => {
    expect(parseFind(["/", "src/", "."]).found).toEqual(["/*", "src/*", "./*"]);
  });

  it("deletes what it finds with -delete", () => {
    expect(parseFind(["/tmp/x", "-name", "*.o", "-delete"]).deletes).toEqual(["/tmp/x/*"]);
  });

  it("deletes the starting points too when no test filters them out", () => {
    expect(parseFind(["build", "-depth", "-delete"]).deletes).toEqual(["build", "build/*"]);
  });

  it("names what its -name tests name under each starting point", () => {
    expect(parseFind([".", "src/", "-name", ".warden", "-o", "-iname", "*.tmp"]).named).toEqual([
      "./.warden",
      "./*.tmp",
      "src/.warden",
      "src/*.tmp",
    ]);
  });

  it("names what its -path tests name as written", () => {
    expect(parseFind([".", "-path", "./.warden"]).named).toEqual(["./.warden"]);
  });

  it.each([
    [[".", "!", "-name", ".warden", "-delete"]],
    [[".", "-not", "-name", ".warden", "-delete"]],
    [[".", "-name", ".git", "-prune", "-o", "-name", "*.tmp", "-delete"]],
  ])("names nothing when the names are what it skips: find %j", (args) => {
    expect(parseFind(args).named).toEqual([]);
  });

  it("deletes nothing without -delete", () => {
    expect(parseFind(["/tmp/x", "-name", "*.o"]).deletes).toEqual([]);
  });

  it("reads the command of each exec action, up to ; or +", () => {
    expect(parseFind([".", "-exec", "rm", "{}", ";", "-okdir", "cat", "{}", "+"]).execs).toEqual([
      ["rm", "{}"],
      ["cat", "{}"],
    ]);
  });
});

describe("execCommands", () => {
  it("puts what each starting point yields in place of {}", () => {
    expect(execCommands(parseFind(["a", "b", "-exec", "rm", "-f", "{}", "+"]), 4)).toEqual([
      ["rm", "-f", "a/*"],
      ["rm", "-f", "b/*"],
    ]);
  });

  it("puts what its name tests name in place of {} too", () => {
    expect(execCommands(parseFind([".", "-name", ".warden", "-exec", "mv", "{}", "x", ";"]), 4)).toEqual([
      ["mv", "./*", "x"],
      ["mv", "./.warden", "x"],
    ]);
  });

  it("expands only the first starting points", () => {
    expect(execCommands(parseFind(["a", "b", "c", "-exec", "rm", "{}", ";"]), 2)).toEqual([
      ["rm", "a/*"],
      ["rm", "b/*"],
    ]);
  });
});
