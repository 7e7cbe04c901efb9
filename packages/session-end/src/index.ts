export { handleSessionEnd, handleStop, handleSubagentStop } from "./handle-session-end.js";
export { hookHandlers } from "./hook-handlers.js";
