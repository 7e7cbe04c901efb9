export { guardFactories } from "./guard-factories.js";
export { handlePostToolUse, handlePostToolUseFailure } from "./handle-post-tool-use.js";
export { handlePreToolUse } from "./handle-pre-tool-use.js";
export { handleUserPromptSubmit } from "./handle-user-prompt-submit.js";
export { hookHandlers } from "./hook-handlers.js";
