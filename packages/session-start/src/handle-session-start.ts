import {
  ensureServer,
  finalizeSession,
  findStaleSessions,
  initDraftFor,
  readGitInfo,
  recordForSession,
  WARDEN_VERSION,
  type HookContext,
  type HookReply,
  type PreCompactPayload,
  type SessionStartPayload,
} from "@warden/core";

/**
 * A new session opens its file with `init`; a resumed, cleared or compacted one that already has a
 * file gets a `resume` record in the same file. Every SessionStart adds a registry `start` line.
 */
export async function handleSessionStart(payload: SessionStartPayload, ctx: HookContext): Promise<HookReply> {
  const source = payload.source ?? null;
  const [record] = ctx.store.appendWith(payload.session_id, (lastId) =>
    lastId === 0
      ? [initDraftFor(ctx, payload)]
      : [
          {
            type: "resume",
            source: source ?? "unknown",
            cwd: payload.cwd,
            transcript_path: payload.transcript_path ?? null,
            claude_pid: ctx.claudePid,
          },
        ],
  );
  ctx.store.appendRegistry({
    type: "start",
    session_id: payload.session_id,
    started_at: record?.timestamp ?? ctx.now().toISOString(),
    source,
    cwd: payload.cwd,
    transcript_path: payload.transcript_path ?? null,
    git: record?.type === "init" ? record.git : readGitInfo(payload.cwd),
    platform: `${process.platform}-${process.arch}`,
    warden_version: WARDEN_VERSION,
  });
  await finalizeStaleSessions(ctx, payload.session_id);
  await keepServerRunning(ctx, payload.session_id);
  return configWarning(ctx);
}

/**
 * In resident mode the session's first hook makes sure the user's server runs, and is of this
 * build (a server left from before an update is replaced). A server that cannot start costs only
 * speed: every hook then runs in its own process, as without resident mode.
 */
async function keepServerRunning(ctx: HookContext, sessionId: string): Promise<void> {
  if (ctx.residentServer == null) return;
  try {
    await ensureServer(ctx.residentServer.paths, { serverFile: ctx.residentServer.serverFile, env: ctx.env });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    ctx.store.appendError({
      hook: "session-start",
      event: "SessionStart",
      session_id: sessionId,
      message: `resident server not started: ${why}`,
    });
  }
}

/** Sessions whose Claude Code died without SessionEnd are closed by the next session in the project. */
async function finalizeStaleSessions(ctx: HookContext, currentSessionId: string): Promise<void> {
  const stale = findStaleSessions(ctx.store, { now: ctx.now(), isProcessAlive: ctx.isProcessAlive, exceptSessionId: currentSessionId });
  for (const sessionId of stale) await finalizeSession(ctx, { sessionId, reason: "stale", finalizedBy: "stale" });
}

/** An invalid config is reported once per session, at its start; the defaults keep protecting. */
function configWarning(ctx: HookContext): HookReply {
  if (ctx.config.errors.length === 0) return undefined;
  for (const message of ctx.config.errors) ctx.store.appendError({ hook: "session-start", event: "SessionStart", message });
  return { systemMessage: `Warden: ignoring invalid settings, defaults apply. ${ctx.config.errors.join(" ")}` };
}

export function handlePreCompact(payload: PreCompactPayload, ctx: HookContext): HookReply {
  recordForSession(ctx, payload, {
    type: "compact",
    trigger: payload.trigger ?? null,
    custom_instructions: payload.custom_instructions ?? null,
  });
  return undefined;
}
