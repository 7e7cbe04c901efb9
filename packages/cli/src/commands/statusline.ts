import fs from "node:fs";
import {
  advanceTally,
  emptyTally,
  isSafeSessionId,
  loadRecordTally,
  loadWardenConfig,
  readLiveUsage,
  resolveWardenDir,
  saveRecordTally,
  sessionLogPath,
  SessionStore,
  type RecordTally,
} from "@warden/core";
import { clockOf, type CliIo } from "../cli-io.js";
import { readBoundedStdin } from "../bounded-stdin.js";
import { homeOf, isDirectory, projectDirOf } from "../data-dir.js";
import { defineCommand } from "../define-command.js";
import { oneLine, styleFor, toJson } from "../format.js";
import { formatStatusLine, type StatusView } from "../status-line.js";
import { parseStatusPayload, type StatusPayload } from "../status-payload.js";
import { pricesInEffect } from "./prices.js";

/** Claude Code gives a status line command 5 s; its input comes at once, so this wait is only for a stray caller. */
const STDIN_TIMEOUT_MS = 1_000;

export interface StatuslineIo extends CliIo {
  readonly readStdin?: () => Promise<string>;
}

export const STATUSLINE = defineCommand({
  name: "statusline",
  summary: "one line for Claude Code's status line: cost and tokens so far, calls and verdicts (reads its JSON on stdin)",
  details: `wire it with \`warden install --statusline\` (settings.json: "statusLine": {"type": "command", "command": ...});
cost and tokens are Warden's own de-duplicated count from the transcript, read from where the last call
stopped (state kept in .warden/cache/); verdicts come from the session's records when the project is wired,
else the line says "verdicts not recorded" and nothing is written; never fails: a bad input prints
"warden: no session", and it always exits 0`,
  options: {},
  run: ({ values }, io: StatuslineIo) => runStatusline(io, values.json === true),
});

async function runStatusline(io: StatuslineIo, json: boolean): Promise<number> {
  const payload = parseStatusPayload(await (io.readStdin ?? (() => readBoundedStdin(STDIN_TIMEOUT_MS)))());
  if (payload == null) {
    io.out(json ? toJson({ error: "no session" }) : "warden: no session");
    return 0;
  }
  try {
    const view = await statusOf(payload, io);
    // Claude Code renders ANSI colours in the status line although its stdout is a pipe.
    io.out(json ? toJson(view) : formatStatusLine(view, styleFor({ isTty: true, env: io.env })));
  } catch (error) {
    io.out(`warden: ${oneLine(error instanceof Error ? error.message : String(error), 80)}`);
  }
  return 0;
}

/**
 * The session's figures. In a wired project (the data directory the hooks write to exists), both
 * readings continue from state kept in it; elsewhere nothing is written and the transcript is read whole.
 */
async function statusOf(payload: StatusPayload, io: CliIo): Promise<StatusView> {
  const project = payload.workspace?.project_dir ?? payload.cwd ?? io.cwd;
  const root = resolveWardenDir({ env: io.env, cwd: project });
  const store = isDirectory(root) && isSafeSessionId(payload.session_id) ? openLiveStore(root, io) : undefined;
  // Priced as the session's report will be: the project's price file too.
  const usage = await readLiveUsage(payload.transcript_path, store, payload.session_id, pricesInEffect(io, project));
  return { usage, records: store == null ? null : await recordsOf(store, payload.session_id) };
}

function openLiveStore(root: string, io: CliIo): SessionStore {
  // The transcript cache holds the conversation: masked as the hooks mask what they store.
  const config = loadWardenConfig(projectDirOf(root, io), homeOf(io));
  return new SessionStore(root, clockOf(io), { redact: config.redact });
}

/** The session's tally, advanced past the records appended since the last call; null when it has none. */
async function recordsOf(store: SessionStore, sessionId: string): Promise<RecordTally | null> {
  const log = sessionLogPath(store.paths, sessionId);
  if (!fs.existsSync(log) && !fs.existsSync(`${log}.gz`)) return null;
  const tally = await advanceTally(log, loadRecordTally(store.paths, sessionId) ?? emptyTally());
  saveRecordTally(store.paths, sessionId, tally);
  return tally;
}
