import { runHook } from "@warden/core";
import { guardFactories } from "./guard-factories.js";
import { handlePostToolUse, handlePostToolUseFailure } from "./handle-post-tool-use.js";
import { handlePreToolUse } from "./handle-pre-tool-use.js";
import { handleUserPromptSubmit } from "./handle-user-prompt-submit.js";

await runHook("post-tool-guard", {
  UserPromptSubmit: handleUserPromptSubmit,
  PreToolUse: handlePreToolUse,
  PostToolUse: handlePostToolUse,
  PostToolUseFailure: handlePostToolUseFailure,
}, guardFactories);
