import { createHookContext, finalizeSession, findStaleSessions, isProcessAlive, type HookContext } from "@warden/core";
import { CliFailure, clockOf, type CliIo } from "../cli-io.js";
import { homeOf, projectDirOf, resolveDataDir } from "../data-dir.js";
import { toJson } from "../format.js";
import { DATA_OPTIONS, DATA_OPTIONS_USAGE, parseCommand } from "../parse-command.js";
import { isCompressed } from "../session-files.js";
import { resolveSession } from "../session-arg.js";

export const FINALIZE_USAGE = `usage: warden finalize [<id>] [--dir DIR] [--json]
  with an id (or a unique prefix): closes that session now, as SessionEnd would (reason "manual");
  without: closes every stale session (open, and its Claude Code process is gone or silent for a day);
  a session too large to report is closed without a report, and the exit code is 3
${DATA_OPTIONS_USAGE}`;

interface Finalized {
  readonly session_id: string;
  readonly reason: string;
  readonly report_paths: string[];
  /** Why the session was closed without a report (as its end record says); absent when it has one. */
  readonly report_skipped?: string;
}

export async function runFinalize(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(argv, DATA_OPTIONS, FINALIZE_USAGE, 1);
  const ctx = cliContext(resolveDataDir(values.dir, io), io);
  const arg = positionals[0];
  const targets = arg == null ? findStaleSessions(ctx.store, { now: ctx.now(), isProcessAlive }) : [resolveSession(ctx.store, arg)];
  const reason = arg == null ? "stale" : "manual";
  if (arg != null) refuseIfClosed(ctx, targets[0] ?? arg);
  const finalized: Finalized[] = [];
  // Each session is closed on its own: one too large to report never keeps the others open.
  for (const sessionId of targets.filter((id) => !isCompressed(ctx.store, id))) {
    const { reportPaths, reportSkipped } = await finalizeSession(ctx, { sessionId, reason, finalizedBy: "manual" });
    finalized.push({
      session_id: sessionId,
      reason,
      report_paths: reportPaths,
      ...(reportSkipped ? { report_skipped: reportSkipped.message } : {}),
    });
  }
  const unreported = finalized.filter((f) => f.report_skipped != null);
  if (values.json) io.out(toJson({ finalized }));
  else if (finalized.length === 0) io.out(`no stale sessions in ${ctx.store.paths.root}`);
  else
    for (const f of finalized.filter((r) => r.report_skipped == null))
      io.out(`finalized ${f.session_id} (${f.reason}); report: ${f.report_paths.join(", ")}`);
  if (unreported.length > 0)
    throw new CliFailure(unreported.map((f) => `finalized ${f.session_id} (${f.reason}) without a report: ${f.report_skipped}`).join("\n"));
  return 0;
}

/**
 * The world of a hook, minus a Claude Code parent, reading the directory the CLI chose with the
 * settings of the project that directory belongs to (so `redact: "off"` applies as in its hooks).
 */
function cliContext(dir: string, io: CliIo): HookContext {
  const env = { ...io.env, WARDEN_DIR: dir, CLAUDE_PROJECT_DIR: projectDirOf(dir, io) };
  return createHookContext(
    { cwd: io.cwd, session_id: "warden-cli" },
    { env, now: clockOf(io), home: homeOf(io), claudePid: null, isProcessAlive },
  );
}

function refuseIfClosed(ctx: HookContext, sessionId: string): void {
  if (isCompressed(ctx.store, sessionId))
    throw new CliFailure(`session ${sessionId} is compressed (warden clean --compress); it was closed before that`);
  // Only the file's end is read: a session of any size is checked in bounded memory.
  const { last } = ctx.store.sessionEdges(sessionId);
  if (last?.type === "end")
    throw new CliFailure(
      `session ${sessionId} already ended (${last.reason}, by ${last.finalized_by}, at ${last.ended_at}); nothing to finalize`,
    );
}
