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
 * Past this many changed lines (insertions plus deletions) the diff stops looking for the shortest
 * edit and the change is taken as one block: lines found unchanged or moved keep their origin, the
 * rest replace the old text's other lines in order. The diff's cost grows with the square of this
 * (jsdiff: about 0.2 s at 1,000 on a 100,000-line file, a minute at 20,000), and a hook runs it at
 * every write the model makes and for every file a commit changes.
 */
export const MAX_EDIT_LENGTH = 1_000;

/**
 * The origins of `next` (a file's lines, hashed) given the origins of `previous` (the same file
 * earlier): lines the diff keeps keep their origin, and so do lines moved (found once in each
 * text, in different places: moving text is not writing it); new lines are `written` (the AI's,
 * with its author) when the change being carried is a tool's write, else they are a person's. A
 * person's line that takes the place of an AI line, pair by pair within one change, is `mixed`:
 * both touched it.
 */
export function carryOrigins(
  previous: readonly LineOrigin[],
  next: readonly string[],
  written?: { readonly author: number },
): LineOrigin[] {
  const { slots, removed } = alignLines(previous, next);
  const moved = movedLines(previous, next, removed);
  return slots.map((slot, i) => slot.kept ?? moved.get(next[i]!) ?? newLine(next[i]!, slot.replaced, written));
}

/** A line of the new text: the old line the diff kept there, or the old line it replaces (if any). */
interface Slot {
  readonly kept?: LineOrigin;
  readonly replaced?: LineOrigin;
}

/**
 * One slot per line of `next`, and every old line the change removed. The lines both texts begin
 * and end with are kept without diffing: an edit touches a few lines of a long file, and the diff
 * then only sees those.
 */
function alignLines(previous: readonly LineOrigin[], next: readonly string[]): { slots: Slot[]; removed: LineOrigin[] } {
  let head = 0;
  while (head < previous.length && head < next.length && previous[head]!.hash === next[head]) head++;
  let tail = 0;
  while (
    tail < previous.length - head &&
    tail < next.length - head &&
    previous[previous.length - 1 - tail]!.hash === next[next.length - 1 - tail]
  )
    tail++;
  const middle = alignMiddle(previous.slice(head, previous.length - tail), next.slice(head, next.length - tail));
  return {
    slots: [
      ...previous.slice(0, head).map((kept) => ({ kept })),
      ...middle.slots,
      ...previous.slice(previous.length - tail).map((kept) => ({ kept })),
    ],
    removed: middle.removed,
  };
}

function alignMiddle(previous: readonly LineOrigin[], next: readonly string[]): { slots: Slot[]; removed: LineOrigin[] } {
  const changes = diffArrays(
    previous.map((l) => l.hash),
    [...next],
    { maxEditLength: MAX_EDIT_LENGTH },
  );
  const runs = changes?.map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "kept", count: c.count })) ?? [
    { kind: "removed", count: previous.length },
    { kind: "added", count: next.length },
  ];
  const slots: Slot[] = [];
  const removedAll: LineOrigin[] = [];
  let oldIndex = 0;
  let removed: LineOrigin[] = [];
  for (const run of runs) {
    if (run.kind === "removed") {
      removed = previous.slice(oldIndex, oldIndex + run.count);
      removedAll.push(...removed);
      oldIndex += run.count;
    } else if (run.kind === "added") {
      for (let i = 0; i < run.count; i++) slots.push(removed[i] == null ? {} : { replaced: removed[i] });
      removed = [];
    } else {
      for (let i = 0; i < run.count; i++) slots.push({ kept: previous[oldIndex + i]! });
      oldIndex += run.count;
      removed = [];
    }
  }
  return { slots, removed: removedAll };
}

/**
 * Removed lines that come back elsewhere, by hash. Only a line found exactly once in each text
 * counts: a repeated line ("}", an empty line) says nothing about where it came from.
 */
function movedLines(previous: readonly LineOrigin[], next: readonly string[], removed: readonly LineOrigin[]): Map<string, LineOrigin> {
  const moved = new Map<string, LineOrigin>();
  if (removed.length === 0) return moved;
  const before = countHashes(previous.map((l) => l.hash));
  const after = countHashes(next);
  for (const line of removed) if (before.get(line.hash) === 1 && after.get(line.hash) === 1) moved.set(line.hash, line);
  return moved;
}

function countHashes(hashes: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const hash of hashes) counts.set(hash, (counts.get(hash) ?? 0) + 1);
  return counts;
}

function newLine(hash: string, replaced: LineOrigin | undefined, written: { readonly author: number } | undefined): LineOrigin {
  if (written != null) return { hash, origin: "ai", author: written.author };
  if (replaced != null && (replaced.origin === "ai" || replaced.origin === "mixed")) {
    return replaced.author == null ? { hash, origin: "mixed" } : { hash, origin: "mixed", author: replaced.author };
  }
  return { hash, origin: "human" };
}
