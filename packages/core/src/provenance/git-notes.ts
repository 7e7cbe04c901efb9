import { readGitObjects, runGit, tryGit } from "./git-run.js";
import { NOTES_REF, parseTraceNotes, type TraceNote } from "./trace-note.js";

/**
 * Makes git carry Warden's notes to the new commit when one is rewritten by `commit --amend` or
 * `rebase` (notes.rewriteRef; notes.rewrite.amend and .rebase are on by default), and remembers
 * since when this repository has them. Touches only these keys of the repository's config.
 */
export function ensureNotesFollowRewrites(root: string, now: Date): void {
  const refs = (tryGit(root, ["config", "--get-all", "notes.rewriteRef"]) ?? "").split("\n").map((l) => l.trim());
  if (!refs.includes(NOTES_REF)) runGit(root, ["config", "--add", "notes.rewriteRef", NOTES_REF]);
  if (tryGit(root, ["config", "--get", "warden.provenanceSince"]) == null)
    runGit(root, ["config", "warden.provenanceSince", now.toISOString()]);
}

/** When Warden started keeping notes in this clone; null when it never did here. */
export function provenanceSince(root: string): Date | null {
  const value = tryGit(root, ["config", "--get", "warden.provenanceSince"])?.trim();
  const date = value == null ? NaN : Date.parse(value);
  return Number.isNaN(date) ? null : new Date(date);
}

/**
 * Whether a commit made at `committedAt` (seconds since the epoch: git keeps no finer time) came
 * after Warden began keeping notes. A commit of the very second Warden began counts as after it:
 * compared to the millisecond, a person's commit made just after the session's first one would
 * fall before it half the time.
 */
export function committedSince(since: Date | null, committedAt: number): boolean {
  return since != null && committedAt >= Math.floor(since.getTime() / 1000);
}

/**
 * Adds the note (replacing one git carried from a rewritten commit). git signs the notes ref's own
 * commit with the user's identity; where none is set (a fresh machine, a container), as Warden.
 */
export function writeNote(root: string, commit: string, note: TraceNote): void {
  const args = ["notes", "--ref", NOTES_REF, "add", "-f", "-F", "-", commit];
  const input = `${JSON.stringify(note, null, 1)}\n`;
  const identity =
    tryGit(root, ["var", "GIT_COMMITTER_IDENT"]) == null ? ["-c", "user.name=Warden", "-c", "user.email=warden@localhost"] : [];
  runGit(root, [...identity, ...args], { input });
}

/** Every commit of the repository that has a Warden note, with the note's blob. */
export function listNotes(root: string): Map<string, string> {
  const listed = tryGit(root, ["notes", "--ref", NOTES_REF, "list"]) ?? "";
  const notes = new Map<string, string>();
  for (const line of listed.split("\n")) {
    const [blob, commit] = line.trim().split(" ");
    if (blob && commit) notes.set(commit, blob);
  }
  return notes;
}

/** The Warden records on a commit (several when squashed commits' notes were joined); empty when none. */
export function readNotes(root: string, commit: string): TraceNote[] {
  const text = tryGit(root, ["notes", "--ref", NOTES_REF, "show", commit]);
  return text == null ? [] : parseTraceNotes(text);
}

/** The Warden records on many commits at once: one `notes list` and one `cat-file --batch`, however many commits. */
export function readNotesOf(root: string, commits: readonly string[]): Map<string, TraceNote[]> {
  const blobs = listNotes(root);
  const wanted = [...new Set(commits)].flatMap((commit) => {
    const blob = blobs.get(commit);
    return blob == null ? [] : [{ commit, blob }];
  });
  const objects = readGitObjects(
    root,
    wanted.map((w) => w.blob),
  );
  const result = new Map<string, TraceNote[]>();
  wanted.forEach(({ commit }, k) => {
    const object = objects[k];
    if (object != null) result.set(commit, parseTraceNotes(object.bytes.toString("utf8")));
  });
  return result;
}
