import { runHook } from "@warden/core";
import { handlePreCompact, handleSessionStart } from "./handle-session-start.js";

await runHook("session-start", { SessionStart: handleSessionStart, PreCompact: handlePreCompact });
