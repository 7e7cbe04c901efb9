import type { HookHandlers } from "@warden/core";
import { handlePreCompact, handleSessionStart } from "./handle-session-start.js";

/** The events the session-start hook serves, each with its handler. */
export const hookHandlers = { SessionStart: handleSessionStart, PreCompact: handlePreCompact } satisfies HookHandlers;
