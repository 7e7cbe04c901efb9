import { describe, expect, it } from "vitest";
import { readCommandCorpus, stoppedCommands } from "./command-corpus.fixture.js";

/**
 * False stops on real, everyday commands: every shell line of the code blocks in Node's docs,
 * npm's docs and the READMEs in node_modules (scripts/collect-readme-commands.mjs). The few the
 * guard stops are listed below, each with why stopping it is right; any other stop is a false one.
 */

const corpus = readCommandCorpus("readme-commands.json");

/** Commands of the corpus the guard should stop, and why. */
const INTENDED_STOPS: Readonly<Record<string, string>> = {
  "git reset --hard upstream/main": "discards uncommitted work, and outside a repository git cannot say there is none",
  "git reset --hard upstream/v1.x-staging": "the same",
  "git reset --hard upstream/vN.x": "the same",
  "git restore --source=upstream/main src/node_version.h":
    "overwrites a file's uncommitted changes; outside a repository (as this corpus runs) git cannot say there are none, so it is asked",
  "git push -f upstream v1.x-staging": "a force push rewrites a shared branch",
  "kill -USR2 1": "signals process 1 (init on a host)",
  'npm deprecate my-thing@"< 0.2.3" "critical bug fixed in v0.2.3"': "marks published versions deprecated for everyone: asked",
  'npm deprecate my-thing@1.x "1.x is no longer supported"': "the same",
  "npm unpublish [<package-spec>]": "an unpublished version can never be published again",
  "rm -rf /usr/local/{lib/node{,/.npm,_modules},bin,share/man}/npm*": "deletes an installation outside the project: asked",
};

describe("the README command corpus", () => {
  it("holds over a thousand real commands", () => {
    expect(corpus.length).toBeGreaterThan(1000);
  });

  it("is stopped only where stopping is right", () => {
    expect(stoppedCommands(corpus)).toEqual(Object.keys(INTENDED_STOPS).toSorted());
  });
});
