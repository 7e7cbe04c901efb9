import { diffArrays } from "diff";

/** Agent Trace's contributor types, per line. */
export type Origin = "ai" | "human" | "mixed" | "unknown";

/** One line of a file as provenance knows it: its hash, who wrote it, and (for AI lines) which write. */
export interface LineOrigin {
  readonly hash: string;
  readonly origin: Origin;
  /** Index into the ledger's or note's author table; set for ai and mixed lines. */
  readonly author?: number;
}

/**
 * Past this many changed lines the diff stops looking for the shortest edit: every line of the new
 * text then counts as new. Keeps a hook bounded on a file rewritten from end to end.
 */
const MAX_EDIT_LENGTH = 20_000;

/**
 * The origins of `next` (a file's lines, hashed) given the origins of `previous` (the same file
 * earlier): lines the diff keeps keep their origin; new lines are `written` (the AI's, with its
 * author) when the change being carried is a tool's write, else they are a person's. A person's
 * line that takes the place of an AI line, pair by pair within one change, is `mixed`: both
 * touched it.
 */
export function carryOrigins(
  previous: readonly LineOrigin[],
  next: readonly string[],
  written?: { readonly author: number },
): LineOrigin[] {
  const changes = diffArrays(
    previous.map((l) => l.hash),
    [...next],
    { maxEditLength: MAX_EDIT_LENGTH },
  );
  if (changes == null) return next.map((hash) => newLine(hash, undefined, written));
  const result: LineOrigin[] = [];
  let oldIndex = 0;
  let removed: LineOrigin[] = [];
  for (const change of changes) {
    if (change.removed) {
      removed = previous.slice(oldIndex, oldIndex + change.count);
      oldIndex += change.count;
    } else if (change.added) {
      change.value.forEach((hash, i) => result.push(newLine(hash, removed[i], written)));
      removed = [];
    } else {
      for (let i = 0; i < change.count; i++) result.push(previous[oldIndex + i]!);
      oldIndex += change.count;
      removed = [];
    }
  }
  return result;
}

function newLine(hash: string, replaced: LineOrigin | undefined, written: { readonly author: number } | undefined): LineOrigin {
  if (written != null) return { hash, origin: "ai", author: written.author };
  if (replaced != null && (replaced.origin === "ai" || replaced.origin === "mixed")) {
    return replaced.author == null ? { hash, origin: "mixed" } : { hash, origin: "mixed", author: replaced.author };
  }
  return { hash, origin: "human" };
}
