import type { HookHandlers } from "@warden/core";
import { handlePostToolUse, handlePostToolUseFailure } from "./handle-post-tool-use.js";
import { handlePreToolUse } from "./handle-pre-tool-use.js";
import { handleUserPromptSubmit } from "./handle-user-prompt-submit.js";

/** The events the post-tool-guard hook serves, each with its handler. */
export const hookHandlers = {
  UserPromptSubmit: handleUserPromptSubmit,
  PreToolUse: handlePreToolUse,
  PostToolUse: handlePostToolUse,
  PostToolUseFailure: handlePostToolUseFailure,
} satisfies HookHandlers;
