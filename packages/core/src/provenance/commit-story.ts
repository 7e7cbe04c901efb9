import { aiShare, countOrigins, sumLines, type LineCounts, type OriginCounts } from "./commit-attribution.js";
import { notedFile } from "./commit-lines.js";
import { DEFAULT_COMMIT_LIMITS, readCommitChanges } from "./commit-diff.js";
import { committedSince, provenanceSince, readNotesOf } from "./git-notes.js";
import { runGit } from "./git-run.js";
import type { FlaggedEvent, NoteAuthor, Segment, TraceNote } from "./trace-note.js";

/** The sessions behind a commit and what the guard saw in them, as `warden why` tells it. */
export interface CommitStory {
  readonly commit: string;
  readonly subject: string;
  readonly committed_at: string;
  /** False when no Warden note is on the commit: no recorded session made it. */
  readonly noted: boolean;
  /** The commit the note was written for, when git carried it here through an amend or a rebase. */
  readonly rewritten_from: string | null;
  readonly lines: LineShare;
  readonly files: readonly ({ readonly path: string; readonly added: number } & OriginCounts)[];
  readonly sessions: readonly SessionPart[];
  /** Calls the guard warned about or blocked in the segments that led to the commit. */
  readonly findings: readonly (FlaggedEvent & { readonly session_id: string })[];
}

export interface LineShare extends LineCounts {
  /** ai lines over added lines (mixed counted apart); null when the commit added none. */
  readonly ai_share: number | null;
}

export interface SessionPart {
  readonly session_id: string;
  /** "committed": the session ran the `git commit`; "wrote": its writes are among the lines. */
  readonly roles: readonly ("committed" | "wrote")[];
  readonly models: readonly string[];
  readonly prompts: readonly { readonly prompt_id: string | null; readonly text: string | null }[];
  /** The segment of the committing session that led to the commit (tool calls, verdicts, tokens, cost). */
  readonly segment: Segment | null;
}

export function shareOf(counts: LineCounts): LineShare {
  return { ...counts, ai_share: aiShare(counts) };
}

/** What a commit's notes say: its files' line origins (re-read if rewritten), the sessions, the segment. */
export function commitStory(root: string, commit: string): CommitStory {
  return commitStories(root, [commit])[0]!;
}

/**
 * The stories of many commits (a pull request's range), oldest first as given. Their dates and
 * subjects, their notes and the clone's provenanceSince are read once for all, not per commit.
 */
export function commitStories(root: string, revs: readonly string[]): CommitStory[] {
  if (revs.length === 0) return [];
  const shown = runGit(root, ["log", "-z", "--no-walk=unsorted", "--format=%H%n%cI%n%s", ...revs, "--"])
    .split("\0")
    .filter((entry) => entry !== "")
    .map((entry) => {
      const [hash = "", committedAt = "", subject = ""] = entry.split("\n");
      return { hash: hash.trim(), committedAt, subject };
    });
  const notesOf = readNotesOf(
    root,
    shown.map((c) => c.hash),
  );
  const since = provenanceSince(root);
  return shown.map((c) => {
    const notes = notesOf.get(c.hash) ?? [];
    return notes.length === 0
      ? unnotedStory(root, c.hash, c.subject, c.committedAt, since)
      : notedStory(root, c.hash, c.subject, c.committedAt, notes);
  });
}

function notedStory(root: string, hash: string, subject: string, committedAt: string, notes: readonly TraceNote[]): CommitStory {
  const changed = notes.flatMap((n) => n.metadata.warden.files.map((f) => ({ path: f.path, added: f.added })));
  const paths = [...new Map(changed.map((f) => [f.path, f])).values()];
  let rewrittenFrom: string | null = null;
  const files = paths.map((f) => {
    const noted = notedFile(root, hash, f.path, notes);
    rewrittenFrom ??= noted?.rewrittenFrom ?? null;
    const lines = noted?.lines ?? [];
    const added = noted?.rewrittenFrom == null ? f.added : lines.length;
    return { path: f.path, added, ...countOrigins({ addedCount: Math.max(added, lines.length), lines }) };
  });
  const sessions = sessionParts(notes.map((n) => n.metadata.warden));
  return {
    commit: hash,
    subject,
    committed_at: committedAt,
    noted: true,
    rewritten_from: rewrittenFrom,
    lines: shareOf(sumLines(files)),
    files,
    sessions,
    findings: sessions.flatMap((s) => (s.segment?.flagged ?? []).map((f) => ({ ...f, session_id: s.session_id }))),
  };
}

/**
 * A commit no recorded session made: its lines are a person's when Warden was keeping notes in this
 * clone by then (as `warden blame` says), else unknown; they count in a range's share all the same.
 */
function unnotedStory(root: string, commit: string, subject: string, committedAt: string, since: Date | null): CommitStory {
  const origin = committedSince(since, Date.parse(committedAt) / 1000) ? "human" : "unknown";
  const files = readCommitChanges(root, commit, { maxFiles: DEFAULT_COMMIT_LIMITS.maxFiles, maxAddedLines: 0 }).map((f) => ({
    path: f.path,
    added: f.addedCount,
    ai: 0,
    mixed: 0,
    human: origin === "human" ? f.addedCount : 0,
    unknown: origin === "unknown" ? f.addedCount : 0,
  }));
  return {
    commit,
    subject,
    committed_at: committedAt,
    noted: false,
    rewritten_from: null,
    lines: shareOf(sumLines(files)),
    files,
    sessions: [],
    findings: [],
  };
}

function sessionParts(
  notes: readonly { committed_by_session: string; authors: readonly NoteAuthor[]; segment: Segment | null }[],
): SessionPart[] {
  const parts = new Map<
    string,
    { roles: Set<"committed" | "wrote">; models: Set<string>; prompts: Map<string, string | null>; segment: Segment | null }
  >();
  const partOf = (id: string) => {
    let part = parts.get(id);
    if (part == null) {
      part = { roles: new Set(), models: new Set(), prompts: new Map(), segment: null };
      parts.set(id, part);
    }
    return part;
  };
  for (const note of notes) {
    const committer = partOf(note.committed_by_session);
    committer.roles.add("committed");
    committer.segment ??= note.segment;
    for (const author of note.authors) {
      const part = partOf(author.session_id);
      part.roles.add("wrote");
      if (author.model != null) part.models.add(author.model);
      part.prompts.set(author.prompt_id ?? "", author.prompt ?? part.prompts.get(author.prompt_id ?? "") ?? null);
    }
    for (const model of note.segment?.models ?? []) committer.models.add(model);
  }
  return [...parts].map(([session_id, p]) => ({
    session_id,
    roles: [...p.roles],
    models: [...p.models],
    prompts: [...p.prompts].map(([id, text]) => ({ prompt_id: id === "" ? null : id, text })),
    segment: p.segment,
  }));
}

/** The commits of a range (`main..HEAD`), oldest first, at most `limit`. */
export function commitsOfRange(root: string, range: string, limit: number): string[] {
  return runGit(root, ["rev-list", "--reverse", `--max-count=${limit}`, range, "--"])
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}
