import type { HookContext } from "../hook/hook-context.js";
import type { PostToolUseFailurePayload, PostToolUsePayload } from "../hook/hook-payload.js";
import type { PendingCall } from "../store/pending-call.js";
import { recordAiWrite, writtenFile } from "./ai-write.js";
import { recordBashWrites } from "./bash-writes.js";
import { recordCommitCheckpoints } from "./commit-checkpoint.js";

/**
 * Provenance's part of a completed call, after its event is recorded: a file the model wrote has
 * its lines carried into the ledger; a command that committed gets its checkpoints and notes. A
 * failure here is logged and loses nothing else: the event is already recorded.
 */
export async function recordProvenance(
  ctx: HookContext,
  payload: PostToolUsePayload | PostToolUseFailurePayload,
  pending: PendingCall | undefined,
): Promise<void> {
  if (!ctx.config.provenance.enabled) return;
  try {
    const author = {
      session_id: payload.session_id,
      tool_use_id: payload.tool_use_id ?? null,
      prompt_id: payload.prompt_id ?? pending?.prompt_id ?? null,
      agent_id: payload.agent_id ?? null,
      tool_name: payload.tool_name,
      at: ctx.now().toISOString(),
    };
    const file = payload.hook_event_name === "PostToolUse" ? writtenFile(payload.tool_name, payload.tool_input, payload.cwd) : undefined;
    if (file != null) recordAiWrite(ctx.store.paths.root, { file, author, toolResponse: payload.tool_response }, ctx.now());
    // A failed command may still have written its files (`cat > f <<EOF && false`).
    if (pending?.written_before != null) recordBashWrites(ctx.store.paths.root, pending.written_before, author, ctx.now());
    if (pending?.git_before != null) {
      await recordCommitCheckpoints(ctx, {
        sessionId: payload.session_id,
        toolUseId: payload.tool_use_id ?? null,
        transcriptPath: payload.transcript_path ?? null,
        before: pending.git_before,
      });
    }
  } catch (error) {
    ctx.store.appendError({
      hook: payload.hook_event_name,
      session_id: payload.session_id,
      message: `provenance: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
