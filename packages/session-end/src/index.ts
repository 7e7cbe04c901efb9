export { handleSessionEnd, handleStop, handleSubagentStop } from "./handle-session-end.js";
