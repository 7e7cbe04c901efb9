import { runHook } from "@warden/core";
import { hookHandlers } from "./hook-handlers.js";

await runHook("session-start", hookHandlers);
