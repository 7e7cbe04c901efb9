import * as z from "zod/mini";
import { ACTION_CLASSES } from "../injection/signals/action-classes.js";
import { lazySchema } from "../support/lazy-schema.js";

/**
 * The kinds of action the user's prompts in a session mentioned (payment, mail, access, …), kept
 * for PostToolUse: a request in a tool output for a kind the user never asked for is stronger
 * evidence of an injection. Only the kinds are kept, never the prompt's words.
 */
export const askedActionsSchema = lazySchema(() => z.object({ actions: z.array(z.enum(ACTION_CLASSES)) }));
export type AskedActions = z.infer<ReturnType<typeof askedActionsSchema>>;
