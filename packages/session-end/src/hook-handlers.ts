import type { HookHandlers } from "@warden/core";
import { handleSessionEnd, handleStop, handleSubagentStop } from "./handle-session-end.js";

/** The events the session-end hook serves, each with its handler. */
export const hookHandlers = { Stop: handleStop, SubagentStop: handleSubagentStop, SessionEnd: handleSessionEnd } satisfies HookHandlers;
