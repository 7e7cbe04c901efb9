/**
 * A large text's anchor and prefix positions, per keyword: the literal matcher reports (literal,
 * position) pairs, often hundreds of thousands, each literal standing for several keywords.
 */

/** Lists of ids, flat: list i is ids[start[i] .. start[i + 1]). */
export interface IdLists {
  readonly start: Int32Array;
  readonly ids: Int32Array;
}

export function idLists(lists: readonly (readonly number[])[]): IdLists {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (start[i + 1] = (start[i] ?? 0) + list.length));
  return { start, ids: Int32Array.from(lists.flat()) };
}

/**
 * The positions of each id, sorted, once each: from the matcher's (literal, position) pairs, each
 * literal standing for its ids, and from (id, position) pairs. Counted first, then placed in one
 * typed array: the matcher can report hundreds of thousands.
 */
export function groupPositions(size: number, found: Int32Array, literalIds: IdLists, pairs: readonly number[]): Int32Array[] {
  const { start, ids } = literalIds;
  const offsets = new Int32Array(size + 1);
  const count = (id: number): void => {
    offsets[id + 1] = (offsets[id + 1] ?? 0) + 1;
  };
  for (let k = 0; k < found.length; k += 2) {
    const literal = found[k] ?? 0;
    for (let j = start[literal] ?? 0; j < (start[literal + 1] ?? 0); j++) count(ids[j] ?? 0);
  }
  for (let k = 0; k < pairs.length; k += 2) count(pairs[k] ?? 0);
  for (let id = 0; id < size; id++) offsets[id + 1] = (offsets[id + 1] ?? 0) + (offsets[id] ?? 0);
  const all = new Int32Array(offsets[size] ?? 0);
  const next = offsets.slice(0, size);
  const place = (id: number, at: number): void => {
    all[next[id] ?? 0] = at;
    next[id] = (next[id] ?? 0) + 1;
  };
  for (let k = 0; k < found.length; k += 2) {
    const literal = found[k] ?? 0;
    for (let j = start[literal] ?? 0; j < (start[literal + 1] ?? 0); j++) place(ids[j] ?? 0, found[k + 1] ?? 0);
  }
  for (let k = 0; k < pairs.length; k += 2) place(pairs[k] ?? 0, pairs[k + 1] ?? 0);
  return Array.from({ length: size }, (_, id) => sortUnique(all.subarray(offsets[id] ?? 0, offsets[id + 1] ?? 0)));
}

/**
 * Sorts positions in place and returns them without repeats. The matcher lists a literal where it
 * ends, so a position is out of order only among the few listed while its literal was read:
 * insertion sorts that in about one pass (a general sort if the list turns out otherwise).
 */
function sortUnique(list: Int32Array): Int32Array {
  let moves = 0;
  for (let i = 1; i < list.length; i++) {
    const value = list[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && (list[j] ?? 0) > value) {
      list[j + 1] = list[j] ?? 0;
      j--;
      moves++;
    }
    list[j + 1] = value;
    if (moves > 4 * list.length) {
      list.sort();
      break;
    }
  }
  let kept = Math.min(1, list.length);
  for (let i = 1; i < list.length; i++) if (list[i] !== list[kept - 1]) list[kept++] = list[i] ?? 0;
  return list.subarray(0, kept);
}
