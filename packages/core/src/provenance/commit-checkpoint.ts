import path from "node:path";
import * as z from "zod/mini";
import type { ResolvedConfig } from "../config/warden-config.js";
import { readGitInfo, findRepository } from "../hook/git-info.js";
import { loadPriceTableOrRefuse } from "../report/pricing/index.js";
import type { PendingCall } from "../store/pending-call.js";
import { redactText, redactValue } from "../store/redact-secrets.js";
import type { CheckpointRecord, RecordDraft, SessionRecord } from "../store/session-record.js";
import type { SessionStore } from "../store/session-store.js";
import { WARDEN_VERSION } from "../support/version.js";
import { MAX_TRACKED_FILE_BYTES } from "./ai-write.js";
import { attributeCommit, countOrigins, sumLines, type CommitAttribution } from "./commit-attribution.js";
import { readCommitChanges, readCommittedTexts } from "./commit-diff.js";
import { ensureNotesFollowRewrites, writeNote } from "./git-notes.js";
import { runGit } from "./git-run.js";
import { commitsMade, headLogSize, readHeadMoves, type MadeCommit } from "./head-log.js";
import { readLedger, type FileLedger, type LineAuthor } from "./line-ledger.js";
import { hashLines } from "./line-text.js";
import { takeSegment } from "./session-segment.js";
import { buildTraceNote, NOTE_PROMPT_CHARS, type NoteAuthor, type Segment } from "./trace-note.js";

export type GitBefore = NonNullable<PendingCall["git_before"]>;

/** A Bash command that may make a commit: it names git and commit (chained forms and aliases like `git ci` aside). */
const MAY_COMMIT = /\bgit\b[\s\S]*\bcommit\b/;

/** What PreToolUse notes about the repository before a command that may commit; undefined for other calls. */
export function gitBeforeCall(toolName: string, toolInput: unknown, cwd: string): GitBefore | undefined {
  if (toolName !== "Bash") return undefined;
  const command = z.looseObject({ command: z.string() }).safeParse(toolInput);
  if (!command.success || !MAY_COMMIT.test(command.data.command)) return undefined;
  const repo = findRepository(cwd);
  // No repository yet: the command may make one and commit in it (`git init && git add -A && git commit`).
  if (repo == null) return { root: path.resolve(cwd), git_dir: path.resolve(cwd, ".git"), head_log_bytes: 0, head: null };
  return { root: repo.root, git_dir: repo.gitDir, head_log_bytes: headLogSize(repo.gitDir), head: readGitInfo(repo.root)?.commit ?? null };
}

export interface CheckpointCall {
  readonly sessionId: string;
  readonly toolUseId: string | null;
  readonly transcriptPath: string | null;
  readonly before: GitBefore;
}

export interface CheckpointDeps {
  readonly store: SessionStore;
  readonly config: ResolvedConfig;
  readonly now: () => Date;
  /** Where the user's price file is looked for (`$WARDEN_PRICES`, relative to the project). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly projectDir: string;
}

/**
 * After a command that may have committed: for each commit it made, attribute the commit's lines,
 * write its note, and append a checkpoint record carrying the session segment that led to it (the
 * first commit of the call takes the segment; a second one in the same command has nothing new).
 */
export async function recordCommitCheckpoints(deps: CheckpointDeps, call: CheckpointCall): Promise<CheckpointRecord[]> {
  const made = commitsOf(call.before);
  if (made.length === 0) return [];
  const root = call.before.root;
  const now = deps.now();
  if (deps.config.provenance.gitNotes) ensureNotesFollowRewrites(root, now);
  const records = deps.store.readSession(call.sessionId).records;
  // Priced as the session's report will be: the user's price file too (a broken one leaves it unpriced, and says why).
  const prices = loadPriceTableOrRefuse({ env: deps.env, cwd: deps.projectDir, pricing: deps.config.pricing }, (message) =>
    deps.store.appendError({ hook: "pricing", session_id: call.sessionId, message }),
  );
  const segment = await takeSegment(deps.store, call.sessionId, records, call.transcriptPath, prices);
  const recordsOf = sessionRecordsReader(deps.store, call.sessionId, records);
  const branch = readGitInfo(root)?.branch ?? null;
  const written: CheckpointRecord[] = [];
  for (const [i, commit] of made.entries()) {
    const [parentsLine = "", subject = ""] = runGitShow(root, commit.commit);
    const parents = parentsLine.split(" ").filter((p) => p !== "");
    const attribution = attributeCommitLines(deps.store.paths.root, root, commit.commit);
    const authors = describeAuthors(deps, attribution.authors, recordsOf, call.sessionId, segment);
    const commitSegment = i === 0 ? segment : emptySegment(segment);
    let note = "off";
    if (deps.config.provenance.gitNotes) {
      note = tryWriteNote(root, commit, parents, branch, call.sessionId, attribution, authors, commitSegment, now);
    }
    const files = attribution.files.map((f) => ({ path: f.path, added: f.addedCount, ...countOrigins(f) }));
    const draft: RecordDraft<CheckpointRecord> = {
      type: "checkpoint",
      commit: commit.commit,
      parents,
      branch,
      amend_of: commit.amendOf,
      repo_root: root,
      subject: deps.store.redacts ? redactText(subject) : subject,
      tool_use_id: call.toolUseId,
      files,
      lines: sumLines(files),
      segment: commitSegment,
      note,
    };
    const appended = deps.store.append(call.sessionId, draft);
    if (appended.type === "checkpoint") written.push(appended);
  }
  return written;
}

/** The commits a call made, from HEAD's reflog; without a reflog, a HEAD that moved counts as one commit. */
function commitsOf(before: GitBefore): MadeCommit[] {
  const moves = readHeadMoves(before.git_dir, before.head_log_bytes);
  if (moves.length > 0 || headLogSize(before.git_dir) > 0) return commitsMade(moves);
  const head = readGitInfo(before.root)?.commit ?? null;
  return head != null && head !== before.head ? [{ commit: head, amendOf: null }] : [];
}

/** The commit's parents and subject line. */
function runGitShow(root: string, commit: string): string[] {
  return runGit(root, ["show", "-s", "--format=%P%x00%s", commit])
    .split("\0")
    .map((s) => s.trim());
}

/** The commit's added lines, each with its origin: from the line ledger of every file the model wrote. */
export function attributeCommitLines(wardenRoot: string, root: string, commit: string): CommitAttribution {
  const changes = readCommitChanges(root, commit);
  const ledgers = new Map<string, FileLedger>();
  for (const change of changes) {
    if (change.added.length === 0) continue;
    const ledger = readLedger(wardenRoot, path.join(root, change.path));
    if (ledger != null) ledgers.set(change.path, ledger);
  }
  const texts = readCommittedTexts(root, commit, [...ledgers.keys()], MAX_TRACKED_FILE_BYTES);
  const committed = new Map<string, string[] | null>([...texts].map(([file, text]) => [file, text == null ? null : hashLines(text)]));
  return attributeCommit(changes, ledgers, committed);
}

const initModelSchema = z.looseObject({ type: z.literal("init"), model: z.optional(z.string()) });

/**
 * The records of the sessions named as authors, each read once per call: the committing session's
 * are already read for its segment, another session's are read when an author first names it.
 */
function sessionRecordsReader(store: SessionStore, sessionId: string, records: readonly SessionRecord[]) {
  const sessions = new Map<string, readonly SessionRecord[]>([[sessionId, records]]);
  return (id: string): readonly SessionRecord[] => {
    let found = sessions.get(id);
    if (found == null) {
      try {
        found = store.readSession(id).records;
      } catch {
        found = [];
      }
      sessions.set(id, found);
    }
    return found;
  };
}

/** Each author with the model it ran and the prompt that led to its write (masked, cut) when prompts go in notes. */
function describeAuthors(
  deps: CheckpointDeps,
  authors: readonly LineAuthor[],
  recordsOf: (sessionId: string) => readonly SessionRecord[],
  sessionId: string,
  segment: Segment,
): NoteAuthor[] {
  return authors.map((author) => {
    const records = recordsOf(author.session_id);
    const init = initModelSchema.safeParse(records[0]);
    const model = (init.success ? init.data.model : undefined) ?? (author.session_id === sessionId ? (segment.models[0] ?? null) : null);
    let prompt: string | null = null;
    if (deps.config.provenance.notePrompts && author.prompt_id != null) {
      const record = records.find((r) => r.type === "prompt" && r.prompt_id === author.prompt_id);
      if (record?.type === "prompt" && typeof record.prompt === "string") prompt = redactText(record.prompt).slice(0, NOTE_PROMPT_CHARS);
    }
    return { ...author, model, prompt };
  });
}

function tryWriteNote(
  root: string,
  commit: MadeCommit,
  parents: readonly string[],
  branch: string | null,
  sessionId: string,
  attribution: CommitAttribution,
  authors: readonly NoteAuthor[],
  segment: Segment,
  now: Date,
): string {
  try {
    const note = buildTraceNote({
      commit: commit.commit,
      parents,
      branch,
      amendOf: commit.amendOf,
      sessionId,
      attribution,
      authors,
      segment,
      wardenVersion: WARDEN_VERSION,
      now,
    });
    // Notes are shared with the team (git push): masked whatever the local `redact` setting says.
    writeNote(root, commit.commit, redactValue(note));
    return "written";
  } catch (error) {
    return `not written: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
  }
}

function emptySegment(segment: Segment): Segment {
  return {
    ...segment,
    transcript: segment.transcript == null ? null : { from: segment.transcript.to, to: segment.transcript.to },
    records: { from: segment.records.to + 1, to: segment.records.to },
    prompts: 0,
    events: 0,
    verdicts: { allowed: 0, warned: 0, blocked: 0 },
    flagged: [],
    tokens: { input: 0, output: 0, cache_write: 0, cache_read: 0 },
    cost_usd: 0,
    unpriced_models: [],
    models: [],
  };
}
