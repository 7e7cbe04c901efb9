import { readFileSync } from "node:fs";
import * as z from "zod/mini";
import { createCommandPolicy } from "./create-command-policy.js";
import { bashCall } from "./dangerous-commands.fixture.js";

/** Corpora of real commands (`fixtures/*-commands.json`), each with where it was taken from. */

const corpusSchema = z.array(z.object({ command: z.string(), source: z.string() }));
export type CommandCorpus = z.infer<typeof corpusSchema>;

export function readCommandCorpus(file: string): CommandCorpus {
  return corpusSchema.parse(JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), "utf8")));
}

/** The commands of a corpus the default policy does not simply allow, sorted. */
export function stoppedCommands(corpus: CommandCorpus): string[] {
  const policy = createCommandPolicy();
  return corpus
    .filter(({ command }) => policy.decide(bashCall(command)).decision !== "allow")
    .map(({ command }) => command)
    .toSorted();
}
