export { handlePreCompact, handleSessionStart } from "./handle-session-start.js";
