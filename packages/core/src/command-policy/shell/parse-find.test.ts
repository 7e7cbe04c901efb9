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

  it("expands only the first starting points", () => {
    expect(execCommands(parseFind(["a", "b", "c", "-exec", "rm", "{}", ";"]), 2)).toEqual([
      ["rm", "a/*"],
      ["rm", "b/*"],
    ]);
  });
});
