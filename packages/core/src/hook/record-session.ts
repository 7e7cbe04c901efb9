import type { HookContext } from "./hook-context.js";
import type { HookPayload } from "./hook-payload.js";
import { readGitInfo } from "./git-info.js";
import type { InitRecord, RecordDraft, SessionRecord } from "../store/session-record.js";
import { WARDEN_VERSION } from "../support/version.js";

/**
 * Appends a record to the payload's session. If the session has no file yet (Warden was wired
 * in mid-session, or SessionStart's hook failed) an init record is written first, so every
 * session file opens with one.
 */
export function recordForSession(ctx: HookContext, payload: HookPayload, draft: RecordDraft): SessionRecord[] {
  const marked = ctx.inputCutOffAfterMs === undefined ? draft : { ...draft, input_cut_off_after_ms: ctx.inputCutOffAfterMs };
  return ctx.store.appendWith(payload.session_id, (lastId) => (lastId === 0 ? [initDraftFor(ctx, payload), marked] : [marked]));
}

export function initDraftFor(ctx: HookContext, payload: HookPayload): RecordDraft<InitRecord> {
  return {
    type: "init",
    session_id: payload.session_id,
    source: payload.hook_event_name === "SessionStart" ? (payload.source ?? null) : null,
    cwd: payload.cwd,
    project_dir: ctx.projectDir,
    transcript_path: payload.transcript_path ?? null,
    git: readGitInfo(payload.cwd),
    platform: `${process.platform}-${process.arch}`,
    warden_version: WARDEN_VERSION,
    claude_pid: ctx.claudePid,
    ...(payload.hook_event_name === "SessionStart" && payload.model ? { model: payload.model } : {}),
  };
}
