import { guardFactories, hookHandlers as guardHandlers } from "@warden/post-tool-guard";
import { hookHandlers as endHandlers } from "@warden/session-end";
import { hookHandlers as startHandlers } from "@warden/session-start";
import { cacheGuards } from "./cached-guards.js";
import type { ServedHook } from "./resident-server.js";

/** Every hook the server serves, by the name of its command hook (the file in hooks/). */
export const servedHooks: Readonly<Record<string, ServedHook>> = {
  "session-start": { handlers: startHandlers },
  "post-tool-guard": { handlers: guardHandlers, guard: cacheGuards(guardFactories) },
  "session-end": { handlers: endHandlers },
};
