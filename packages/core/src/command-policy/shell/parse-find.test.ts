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

  it("finds each starting point and everything under it, at any depth", () => {
    expect(parseFind(["/", "src/", "."]).found).toEqual(["/", "/**", "src/", "src/**", ".", "./**"]);
  });

  it("finds everything under a starting point but not the point itself when a test filters", () => {
    expect(parseFind([".", "-type", "f"]).found).toEqual(["./**"]);
  });

  it("deletes what its name tests name, at any depth", () => {
    expect(parseFind(["/tmp/x", "-name", "*.o", "-delete"]).deletes).toEqual(["/tmp/x/**/*.o"]);
  });

  it("deletes the starting points too when no test filters them out", () => {
    expect(parseFind(["build", "-depth", "-delete"]).deletes).toEqual(["build", "build/**"]);
  });

  it("deletes what the branch of -delete names, not what another branch prunes", () => {
    expect(parseFind([".", "-name", ".git", "-prune", "-o", "-name", "*.tmp", "-delete"]).deletes).toEqual(["./**/*.tmp"]);
  });

  it("deletes what any name of a group names", () => {
    expect(parseFind([".", "(", "-name", "a", "-o", "-name", "b", ")", "-delete"]).deletes).toEqual(["./**/a", "./**/b"]);
  });

  it("deletes everything when a name test is negated", () => {
    expect(parseFind([".", "!", "-name", "keep", "-delete"]).deletes).toEqual(["./**"]);
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

  it.each([[[".", "!", "-name", ".warden", "-delete"]], [[".", "-not", "-name", ".warden", "-delete"]]])(
    "names nothing when the names are what it skips: find %j",
    (args) => {
      expect(parseFind(args).named).toEqual([]);
    },
  );

  it("names what the branch of -delete names when another branch prunes", () => {
    expect(parseFind([".", "-name", ".git", "-prune", "-o", "-name", "*.tmp", "-delete"]).named).toEqual(["./*.tmp"]);
  });

  it("deletes nothing without -delete", () => {
    expect(parseFind(["/tmp/x", "-name", "*.o"]).deletes).toEqual([]);
  });

  it("reads the command of each exec action, up to ; or +", () => {
    expect(parseFind([".", "-exec", "rm", "{}", ";", "-okdir", "cat", "{}", "+"]).execs.map((e) => e.command)).toEqual([
      ["rm", "{}"],
      ["cat", "{}"],
    ]);
  });

  it("does not take an exec command's -o for find's", () => {
    expect(parseFind([".", "-name", "*.c", "-exec", "grep", "-o", "x", "{}", ";"]).execs).toEqual([
      { command: ["grep", "-o", "x", "{}"], items: ["./**/*.c"] },
    ]);
  });

  it("gives an exec action the names of its own branch, whatever it prunes", () => {
    expect(parseFind([".", "-name", "node_modules", "-prune", "-exec", "rm", "-rf", "{}", "+"]).execs[0]?.items).toEqual([
      "./**/node_modules",
    ]);
  });
});

describe("execCommands", () => {
  it("puts each starting point and everything under it in place of {}", () => {
    expect(execCommands(parseFind(["a", "b", "-exec", "rm", "-f", "{}", "+"]), 4)).toEqual([
      ["rm", "-f", "a"],
      ["rm", "-f", "a/**"],
      ["rm", "-f", "b"],
      ["rm", "-f", "b/**"],
    ]);
  });

  it("puts what its name tests name in place of {}", () => {
    expect(execCommands(parseFind([".", "-name", ".warden", "-exec", "mv", "{}", "x", ";"]), 4)).toEqual([["mv", "./**/.warden", "x"]]);
  });

  it("expands only the first items", () => {
    expect(execCommands(parseFind(["a", "b", "c", "-type", "f", "-exec", "rm", "{}", ";"]), 2)).toEqual([
      ["rm", "a/**"],
      ["rm", "b/**"],
    ]);
  });
});
