import { runHook } from "@warden/core";
import { hookHandlers } from "./hook-handlers.js";

await runHook("session-end", hookHandlers);
