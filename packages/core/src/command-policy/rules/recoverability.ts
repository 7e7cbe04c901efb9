import type { StatusEntry, WorkTreeStatus } from "../read-git-status.js";

/**
 * Whether what a command deletes or discards can be got back, from git's view of those files:
 * tracked and unchanged content is in git; ignored build output can be regenerated; changes not
 * yet committed, untracked files and ignored secrets exist nowhere else.
 */

/** What an operation throws away. */
export interface Discard {
  /**
   * Which changes to tracked files it loses: those not staged (the index keeps the rest), every
   * uncommitted one, only the staged ones (`reset --merge`), or none.
   */
  readonly changes: "unstaged" | "uncommitted" | "staged" | "none";
  readonly untracked: boolean;
  readonly ignored: boolean;
}

export type Recoverability =
  | { readonly state: "recoverable"; readonly note: string }
  /** `note` names what would be lost: "would lose 2 modified files: f, src/a.ts". */
  | { readonly state: "unrecoverable"; readonly note: string }
  | { readonly state: "unknown"; readonly note: string; readonly noRepository?: true };

/** Ignored files that are not build output: nothing regenerates a `.env` or a private key. */
const IRREPLACEABLE = /(?:^|\/)(?:\.env(?:\.(?!example$|sample$|template$|dist$|defaults$)[^/]+)?|[^/]+\.(?:pem|key|p12|pfx))$/;
const EXAMPLES = 3;

export function assessRecoverability(status: WorkTreeStatus, discard: Discard): Recoverability {
  if (!status.known) {
    const unknown = { state: "unknown", note: `recoverability unknown: ${status.why}` } as const;
    return status.noRepository === true ? { ...unknown, noRepository: true } : unknown;
  }
  const modified: string[] = [];
  const untracked: string[] = [];
  const secrets: string[] = [];
  const regenerable: string[] = [];
  for (const entry of status.entries) {
    if (entry.index === "?") {
      if (discard.untracked) untracked.push(entry.path);
    } else if (entry.index === "!") {
      if (discard.ignored) (IRREPLACEABLE.test(entry.path) ? secrets : regenerable).push(entry.path);
    } else if (loses(entry, discard.changes)) modified.push(entry.path);
  }
  const lost = [
    describeGroup(modified, discard.changes === "staged" ? "staged" : "modified"),
    describeGroup(untracked, "untracked"),
    describeGroup(secrets, "ignored but irreplaceable"),
  ].filter((part) => part !== "");
  if (lost.length > 0) return { state: "unrecoverable", note: `would lose ${lost.join("; ")}` };
  const output = regenerable.length === 0 ? "" : `; ${examples(regenerable)} ignored by git, taken as regenerable output`;
  return { state: "recoverable", note: `recoverable: what it discards is tracked and unchanged in git${output}` };
}

/**
 * Whether a tracked file's entry holds work the operation throws away. A deletion (`D`) leaves
 * nothing to lose on that side; unmerged entries hold a conflict being resolved.
 */
function loses(entry: StatusEntry, changes: Discard["changes"]): boolean {
  const staged = entry.index !== " " && entry.index !== "D";
  const unstaged = entry.worktree !== " " && entry.worktree !== "D";
  switch (changes) {
    case "unstaged":
      return unstaged || entry.index === "U";
    case "uncommitted":
      return staged || unstaged;
    case "staged":
      // reset --merge keeps files with unstaged changes (or refuses to run), so only staged-only work goes.
      return staged && entry.worktree === " ";
    case "none":
      return false;
    default: {
      const never: never = changes;
      throw new Error(`unknown kind of change ${String(never)}`);
    }
  }
}

/** "3 untracked files under src/: src/a.ts, src/b.ts, src/c.ts", "" when there are none. */
function describeGroup(paths: readonly string[], label: string): string {
  if (paths.length === 0) return "";
  const dirs = paths.filter((p) => p.endsWith("/")).length;
  const noun = dirs === paths.length ? "director" : dirs === 0 ? "file" : "path";
  const plural = paths.length === 1 ? (noun === "director" ? "y" : "") : noun === "director" ? "ies" : "s";
  const under = paths.length > 1 ? commonDirectory(paths) : "";
  return `${paths.length} ${label} ${noun}${plural}${under === "" ? "" : ` under ${under}`}: ${examples(paths)}`;
}

function examples(paths: readonly string[]): string {
  const more = paths.length - EXAMPLES;
  return `${paths.slice(0, EXAMPLES).join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

/** The directory every path is in (`src/`), or "" when they share none. */
function commonDirectory(paths: readonly string[]): string {
  let prefix = paths[0] ?? "";
  for (const p of paths) while (!p.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.slice(0, prefix.lastIndexOf("/") + 1);
}
