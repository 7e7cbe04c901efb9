export { handlePostToolUse, handlePostToolUseFailure } from "./handle-post-tool-use.js";
export { handlePreToolUse } from "./handle-pre-tool-use.js";
export { handleUserPromptSubmit } from "./handle-user-prompt-submit.js";
