import { CommandPolicyConfigError, createCommandPolicy, type GuardFactories } from "@warden/core";

/** The guard hook's policy and scanner, built once per process from the config. */
export const guardFactories: GuardFactories = {
  policy: (config, warn) => {
    try {
      return createCommandPolicy(config.commands);
    } catch (error) {
      // A bad rule override must not switch the guard off: the built-in rules keep protecting.
      if (!(error instanceof CommandPolicyConfigError)) throw error;
      warn(`commands: ${error.message}; the built-in command policy applies instead`);
      return createCommandPolicy({});
    }
  },
};
