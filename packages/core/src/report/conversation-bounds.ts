/**
 * How much of a long conversation the report keeps. A 10,000-turn session has some 60,000 steps
 * and its texts run to hundreds of megabytes; the report keeps the start and the end, half the
 * budget each, and says how many steps it left out between them.
 */
export interface ConversationLimits {
  readonly maxEntries: number;
  /** Characters of text over the entries kept. */
  readonly maxTextChars: number;
}

export const DEFAULT_CONVERSATION_LIMITS: ConversationLimits = { maxEntries: 4000, maxTextChars: 4_000_000 };

export interface BoundedSequence<T> {
  readonly head: readonly T[];
  /** How many items were left out between head and tail; 0 when all are kept (then tail is empty). */
  readonly omitted: number;
  /** The first and last item left out, when any. */
  readonly firstOmitted: T | undefined;
  readonly lastOmitted: T | undefined;
  readonly tail: readonly T[];
}

/** Keeps the start and the end of `items` within the limits; `textOf` gives each item's text. */
export function boundSequence<T>(items: readonly T[], limits: ConversationLimits, textOf: (item: T) => string): BoundedSequence<T> {
  const half = { entries: Math.floor(limits.maxEntries / 2), chars: Math.floor(limits.maxTextChars / 2) };
  const fits = (from: number, step: 1 | -1): number => {
    let chars = 0;
    let count = 0;
    for (let i = from; i >= 0 && i < items.length && count < half.entries; i += step) {
      const item = items[i] as T;
      chars += textOf(item).length;
      if (chars > half.chars && count > 0) break;
      count++;
    }
    return count;
  };
  const headCount = fits(0, 1);
  if (headCount === items.length) return { head: items, omitted: 0, firstOmitted: undefined, lastOmitted: undefined, tail: [] };
  const tailCount = Math.min(fits(items.length - 1, -1), items.length - headCount);
  const omitted = items.length - headCount - tailCount;
  return {
    head: items.slice(0, headCount),
    omitted,
    firstOmitted: omitted > 0 ? items[headCount] : undefined,
    lastOmitted: omitted > 0 ? items[items.length - tailCount - 1] : undefined,
    tail: items.slice(items.length - tailCount),
  };
}
