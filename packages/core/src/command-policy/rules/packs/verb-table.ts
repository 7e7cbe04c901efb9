/**
 * A CLI's commands listed as the words typed after the program up to the verb
 * (`rds delete-db-instance`, `sql instances delete`); a part ending in `*` is a prefix
 * (`iam delete-*`). The longest entry the command's words start with wins.
 */

export type VerbTable<Tier extends string> = Readonly<Record<Tier, readonly string[]>>;

export interface VerbMatch<Tier extends string> {
  readonly tier: Tier;
  /** The command's words the entry matched, as typed. */
  readonly words: readonly string[];
}

/** `tiers` orders the table's tiers: on entries of the same length, the first tier wins. */
export function findVerb<Tier extends string>(
  table: VerbTable<Tier>,
  tiers: readonly Tier[],
  words: readonly string[],
): VerbMatch<Tier> | undefined {
  let best: VerbMatch<Tier> | undefined;
  for (const tier of tiers) {
    for (const entry of table[tier]) {
      const parts = entry.split(" ");
      if (parts.length > (best?.words.length ?? 0) && parts.every((part, k) => matchesPart(part, words[k])))
        best = { tier, words: words.slice(0, parts.length) };
    }
  }
  return best;
}

function matchesPart(part: string, word: string | undefined): boolean {
  if (word == null) return false;
  return part.endsWith("*") ? word.startsWith(part.slice(0, -1)) : part === word;
}
