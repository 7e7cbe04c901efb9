// Seeded-random and text helpers the written attacks and the written benign texts share: the same
// draws in the same order, so both generators stay reproducible from one seed.

/** @typedef {() => number} Random a seeded RNG returning floats in [0, 1) */

/** @template T @param {Random} random @param {readonly T[]} items @returns {T} */
export const pick = (random, items) => /** @type {T} */ (items[Math.floor(random() * items.length)]);
/** @param {Random} random @param {number} lo @param {number} hi */
export const int = (random, lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
/** @param {Random} random @param {number} p */
export const chance = (random, p) => random() < p;
/** @template T @param {Random} random @param {readonly T[]} items @returns {T[]} */
export function shuffle(random, items) {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [/** @type {T} */ (copy[j]), /** @type {T} */ (copy[i])];
  }
  return copy;
}
export const hex = (/** @type {Random} */ random, /** @type {number} */ n) =>
  Array.from({ length: n }, () => "0123456789abcdef"[int(random, 0, 15)]).join("");
export const upperFirst = (/** @type {string} */ s) => s.charAt(0).toUpperCase() + s.slice(1);
export const pad2 = (/** @type {number} */ n) => String(n).padStart(2, "0");
/** @param {string} text @param {string} prefix */
export const prefixLines = (text, prefix) =>
  text
    .split("\n")
    .map((l) => (l ? `${prefix}${l}` : prefix.trimEnd()))
    .join("\n");
