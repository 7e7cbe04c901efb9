import fs from "node:fs";
import path from "node:path";
import type { GuardFactories, GuardSetup } from "@warden/core";

/**
 * A command hook builds its command policy and its injection scanner once per process, so once per
 * call; the server would build the same ones for every call too (compiling the rules is most of a
 * PostToolUse). It keeps each one built, keyed by everything it is built from, and repeats the
 * warnings the build gave (a bad rule override, a rule file that does not parse) to every call that
 * uses it, as each command hook would. A scanner with the LLM tier on is built per call: its answer
 * cache and call budget belong to one session.
 */
export function cacheGuards(guard: GuardFactories, max = 64): GuardFactories {
  const { policy, scanner } = guard;
  return {
    ...(policy == null ? {} : { policy: cached(policy, (setup) => JSON.stringify([setup.config.commands, setup.guardDirs]), max) }),
    ...(scanner == null ? {} : { scanner: cached(scanner, scannerKey, max) }),
  };
}

/** The config, the project (rule paths are relative to it), and each rule file's size and time: an edited file is read again. */
function scannerKey(setup: GuardSetup): string | undefined {
  const injection = setup.config.injection;
  if (injection.llm?.enabled === true) return undefined;
  const files = (injection.rules ?? []).map((rule) => {
    try {
      const stat = fs.statSync(path.resolve(setup.projectDir, rule));
      return [stat.size, stat.mtimeMs, stat.ino];
    } catch {
      return null;
    }
  });
  return JSON.stringify([injection, setup.projectDir, files]);
}

function cached<T>(build: (setup: GuardSetup) => T, keyOf: (setup: GuardSetup) => string | undefined, max: number) {
  const built = new Map<string, { value: T; warnings: string[] }>();
  return (setup: GuardSetup): T => {
    const key = keyOf(setup);
    if (key == null) return build(setup);
    let entry = built.get(key);
    if (entry == null) {
      const warnings: string[] = [];
      entry = { value: build({ ...setup, warn: (message) => warnings.push(message) }), warnings };
      // Oldest first out: a server serving many projects keeps at most `max` of each.
      if (built.size >= max) built.delete(built.keys().next().value ?? "");
      built.set(key, entry);
    }
    for (const message of entry.warnings) setup.warn(message);
    return entry.value;
  };
}
