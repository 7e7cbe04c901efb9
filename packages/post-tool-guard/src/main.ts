import { runHook } from "@warden/core";
import { guardFactories } from "./guard-factories.js";
import { hookHandlers } from "./hook-handlers.js";

await runHook("post-tool-guard", hookHandlers, guardFactories);
