import * as z from "zod/mini";
import { lazySchema } from "../support/lazy-schema.js";

/**
 * The guard's injection settings, as they appear under `injection` in `.claude/warden.json`:
 *
 *   { "injection": { "warn_at": "medium", "rules": [".claude/warden-rules"],
 *                    "llm": { "enabled": true, "model": "claude-haiku-4-5", "timeout_ms": 3000,
 *                             "max_calls_per_session": 20, "api_key_env": "ANTHROPIC_API_KEY" },
 *                    "model": { "enabled": true, "alone_at": 6, "supported_at": 2, "addressed_at": -1 } } }
 *
 * The API key itself is never written in the file: it is read from the named environment variable.
 */
export const injectionConfigSchema = lazySchema(() =>
  z.strictObject({
    warn_at: z.optional(z.enum(["low", "medium", "high", "critical"])),
    /** Extra `.nov` files or directories, relative to the project. */
    rules: z.optional(z.array(z.string())),
    llm: z.optional(
      z.strictObject({
        enabled: z.boolean(),
        model: z.optional(z.string()),
        base_url: z.optional(z.string()),
        timeout_ms: z.optional(z.number().check(z.int(), z.positive())),
        max_calls_per_session: z.optional(z.number().check(z.int(), z.gte(0))),
        api_key_env: z.optional(z.string()),
      }),
    ),
    /** The statistical layer: on by default; thresholds are the model's log-odds. */
    model: z.optional(
      z.strictObject({
        enabled: z.boolean(),
        alone_at: z.optional(z.number()),
        supported_at: z.optional(z.number()),
        addressed_at: z.optional(z.number()),
      }),
    ),
  }),
);
export type InjectionConfig = z.infer<ReturnType<typeof injectionConfigSchema>>;
