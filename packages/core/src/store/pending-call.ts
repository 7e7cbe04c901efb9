import * as z from "zod/mini";
import { lazySchema } from "../support/lazy-schema.js";
import { findingSchema, severitySchema, verdictSchema } from "../verdict.js";

/**
 * What PreToolUse knows about an allowed call that PostToolUse needs to complete its event:
 * when it started and what the guard decided. Kept in a small file per tool_use_id.
 */
export const pendingCallSchema = lazySchema(() =>
  z.object({
    tool_use_id: z.string(),
    tool_name: z.string(),
    tool_input: z.unknown(),
    timestamp_start: z.string(),
    working_dir: z.string(),
    agent_id: z.optional(z.string()),
    agent_type: z.optional(z.string()),
    prompt_id: z.optional(z.string()),
    verdict: verdictSchema(),
    severity: z.nullable(severitySchema()),
    findings: z.array(findingSchema()),
    reason: z.optional(z.string()),
    scan_time_ms: z.number(),
    /** For a command that may commit: the repository and its HEAD reflog's size before it ran. */
    /** For a command that writes files from its own text (`cat > f <<EOF`): each file's lines before it, hashed. */
    written_before: z.optional(z.array(z.object({ path: z.string(), hashes: z.array(z.string()) }))),
    git_before: z.optional(z.object({ root: z.string(), git_dir: z.string(), head_log_bytes: z.number(), head: z.nullable(z.string()) })),
  }),
);
export type PendingCall = z.infer<ReturnType<typeof pendingCallSchema>>;
