export { handlePreCompact, handleSessionStart } from "./handle-session-start.js";
export { hookHandlers } from "./hook-handlers.js";
