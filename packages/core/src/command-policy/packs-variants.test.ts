import { describe, expect, it } from "vitest";
import { createCommandPolicy } from "./create-command-policy.js";
import { bashCall } from "./dangerous-commands.fixture.js";
import { PACK_DANGEROUS, PACK_FILES } from "./packs.fixture.js";

/**
 * Every command the packs stop must still be stopped, by the same rule, when the whole line is
 * handed to another shell, grouped, chained or backgrounded: the packs see what bash would run,
 * not the text they were written against. (Single commands are spelled many more ways in
 * variants.test.ts.)
 */

const quote = (command: string): string => `'${command.replaceAll("'", `'\\''`)}'`;

const LAYERS: readonly (readonly [string, (command: string) => string])[] = [
  ["bash -c", (c) => `bash -c ${quote(c)}`],
  ["sh -c", (c) => `sh -c ${quote(c)}`],
  ["eval", (c) => `eval ${quote(c)}`],
  ["a subshell", (c) => `(\n${c}\n)`],
  ["a group", (c) => `{\n${c}\n}`],
  ["after &&", (c) => `cd . &&\n${c}`],
  ["an if", (c) => `if true; then\n${c}\nfi`],
];

const policy = createCommandPolicy({}, { readText: (abs) => PACK_FILES[abs] });

describe.each(LAYERS)("pack commands inside %s", (_layer, wrap) => {
  it(`are all still stopped by the same rule (${PACK_DANGEROUS.length} commands)`, () => {
    const missed = PACK_DANGEROUS.filter(([command, , rule]) => {
      const result = policy.decide(bashCall(wrap(command)));
      return result.decision === "allow" || !result.findings.some((f) => f.rule === rule);
    }).map(([command, , rule]) => `${rule}: ${command}`);
    expect(missed).toEqual([]);
  });
});
