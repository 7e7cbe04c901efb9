import { describe, expect, it } from "vitest";
import { expandSubstitutions, outputOfMarker } from "./expand-substitutions.js";
import { subMarker } from "./markers.js";
import type { Substitution } from "./substitution.js";

const unquoted: Substitution = { kind: "$(…)", body: "x", context: "unquoted" };
const quoted: Substitution = { kind: "$(…)", body: "x", context: "double-quoted" };
const process: Substitution = { kind: "<(…)", body: "x" };

describe("expandSubstitutions", () => {
  it("splits an unquoted output into words, its shell syntax escaped", () => {
    expect(expandSubstitutions(`rm ${subMarker(0)}`, [unquoted], new Map([[0, "-rf a;b\n\n"]]))).toBe("rm -rf a\\;b");
  });

  it("keeps a double-quoted output whole, its quotes escaped", () => {
    expect(expandSubstitutions(`echo "${subMarker(0)}"`, [quoted], new Map([[0, 'say "hi" $x']]))).toBe('echo "say \\"hi\\" \\$x"');
  });

  it("puts an output in a heredoc as it is", () => {
    expect(expandSubstitutions(`${subMarker(0)} -rf ~\n`, [unquoted], new Map([[0, "rm;"]]), true)).toBe("rm; -rf ~\n");
  });

  it("leaves the marker of an unknown output", () => {
    expect(expandSubstitutions(`rm ${subMarker(0)}`, [unquoted], new Map([[1, "x"]]))).toBe(`rm ${subMarker(0)}`);
  });

  it("leaves the marker of a process substitution, which stands for a file name", () => {
    expect(expandSubstitutions(`bash ${subMarker(0)}`, [process], new Map([[0, "rm -rf ~"]]))).toBe(`bash ${subMarker(0)}`);
  });
});

describe("outputOfMarker", () => {
  it("gives the output of a word that is only a marker", () => {
    expect([outputOfMarker(subMarker(2), new Map([[2, "rm -rf ~"]])), outputOfMarker(`x${subMarker(2)}`, new Map([[2, "y"]]))]).toEqual([
      "rm -rf ~",
      undefined,
    ]);
  });
});
