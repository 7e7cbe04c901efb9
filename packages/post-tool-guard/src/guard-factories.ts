import {
  CommandPolicyConfigError,
  createCommandPolicy,
  createInjectionScanner,
  injectionOptionsFromConfig,
  type GuardFactories,
} from "@warden/core";

/** The guard hook's policy and scanner, built on first use from the config. */
export const guardFactories: GuardFactories = {
  policy: ({ config, guardDirs, warn }) => {
    const world = { guardDirs };
    try {
      return createCommandPolicy(config.commands, world);
    } catch (error) {
      // A bad rule override must not switch the guard off: the built-in rules keep protecting.
      if (!(error instanceof CommandPolicyConfigError)) throw error;
      warn(`commands: ${error.message}; the built-in command policy applies instead`);
      return createCommandPolicy({}, world);
    }
  },
  scanner: ({ config, env, projectDir, stateDir, warn, longLived }) => {
    // Rule files that do not parse are left out (and reported); the shipped rules always apply.
    const { options, errors } = injectionOptionsFromConfig(config.injection, { env, projectDir, stateDir });
    for (const error of errors) warn(`injection: ${error}`);
    return createInjectionScanner({ ...options, longLived });
  },
};
