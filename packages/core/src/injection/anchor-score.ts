import type { Anchor } from "./rule-types.js";

/**
 * How selective an anchor is, which decides whether searching for it beats scanning the whole
 * text: a literal's length (non-ASCII characters counting triple, capped at ENOUGH), a common
 * word 2, a class of rare characters MIN_ANCHOR_SCORE.
 */

/** Beyond this length an anchor is selective enough; shorter sets of such anchors are preferred. */
export const ENOUGH = 5;
/** Anchor sets scoring below this are too frequent to search for; the keyword is scanned directly. */
export const MIN_ANCHOR_SCORE = 3;

/**
 * Words so frequent in code and documentation that an anchor made of one finds candidates
 * everywhere; they count as weak (score 2), so a more selective alternative is preferred.
 */
const COMMON = new Set(
  (
    "the and for you your this that with from have will are not all any can use run set get add new data file name type value user " +
    "system message mode test code error return function const import export default true false null string number object array list " +
    "text content option options config path request response result output input send post read write open show print call make " +
    "time first next each other more only also when then than what which there their them they these those here must should would " +
    "could need want like just into over some such about after before note see example following below above rules model agent tool " +
    "task key env http https www com org json html src res req ctx url link image info log debug help version update " +
    "change remove delete create start stop end line lines block section instead prior rather free care give worry prompt " +
    "instruction instructions command commands reply answer respond using used via per may"
  ).split(" "),
);

/** How selective a set of anchors is: its weakest member's length (non-ASCII counting triple), a common word 2. */
export function anchorScore(anchors: readonly Anchor[]): number {
  let min = Infinity;
  for (const anchor of anchors) {
    if ("class" in anchor) {
      min = Math.min(min, MIN_ANCHOR_SCORE);
      continue;
    }
    const word = anchor.literal.trim();
    // A case-sensitive capitalised anchor ("END OF", "SYSTEM") is rare even when the word is not.
    const capital = anchor.caseSensitive === true && /[A-Z]/.test(word);
    const common = !capital && COMMON.has(word.toLowerCase());
    const weight = common
      ? 2
      : Math.min(
          ENOUGH,
          [...word].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x7f ? 3 : 1), 0),
        );
    min = Math.min(min, weight);
  }
  return anchors.length === 0 ? 0 : min;
}
