import { runHook } from "@warden/core";
import { handleSessionEnd, handleStop, handleSubagentStop } from "./handle-session-end.js";

await runHook("session-end", { Stop: handleStop, SubagentStop: handleSubagentStop, SessionEnd: handleSessionEnd });
