import type { GuardFactories, GuardSetup } from "@warden/core";

type PolicyFactory = NonNullable<GuardFactories["policy"]>;

/**
 * A command hook builds its command policy once per process, so once per call; the server would
 * build the same one for every call too. It keeps each one built, keyed by what it is built from
 * (the config's `commands` and the guard's own folders), and repeats the warnings the build gave
 * (a bad rule override) to every call that uses it, as each command hook would.
 */
export function cachePolicies(guard: GuardFactories, max = 64): GuardFactories {
  const build = guard.policy;
  if (build == null) return guard;
  const built = new Map<string, { policy: ReturnType<PolicyFactory>; warnings: string[] }>();
  const policy = (setup: GuardSetup): ReturnType<PolicyFactory> => {
    const key = JSON.stringify([setup.config.commands, setup.guardDirs]);
    let entry = built.get(key);
    if (entry == null) {
      const warnings: string[] = [];
      entry = { policy: build({ ...setup, warn: (message) => warnings.push(message) }), warnings };
      // Oldest first out: a server serving many projects keeps at most `max` policies.
      if (built.size >= max) built.delete(built.keys().next().value ?? "");
      built.set(key, entry);
    }
    for (const message of entry.warnings) setup.warn(message);
    return entry.policy;
  };
  return { ...guard, policy };
}
