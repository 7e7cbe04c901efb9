/**
 * The features the statistical layer reads, hashed into a fixed number of buckets so the model
 * is one array of weights and no vocabulary: lower-cased word unigrams and bigrams, character
 * 3- and 4-grams of each word with its boundaries (so "iunstructions" and "instrucions" still share
 * most features with "instructions"), and runs of punctuation ("<|", "</", "###", "](") which is
 * how fake boundaries and roles look. Training and scanning call this same code, so the two cannot
 * drift apart.
 */
export const FEATURE_BITS = 18;
export const FEATURE_COUNT = 1 << FEATURE_BITS;
const MASK = FEATURE_COUNT - 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Each kind of feature starts from its own seed, so a word and a 3-gram with the same letters differ.
const SEED_WORD = 0x9e3779b1;
const SEED_PAIR = 0x85ebca77;
const SEED_PUNCT = 0xc2b2ae3d;
const SEED_GRAM3 = 0x27d4eb2f;
const SEED_GRAM4 = 0x165667b1;
const BOUNDARY = 0x3c;

/** Room `hashFeatures` needs for a stretch of this many characters (at most six features a character). */
export function featureCapacity(length: number): number {
  return 6 * length + 8;
}

/** Most characters of a word that feed its character n-grams: longer runs are ids, hashes, base64. */
const MAX_GRAM_WORD = 24;
const MAX_PUNCT_RUN = 4;

function mix(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

function finish(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h & MASK;
}

function wordCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return c;
  // Letters of other scripts are word characters too (CJK, Cyrillic, accented Latin).
  if (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f)) return c;
  return -1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/**
 * Writes the bucket of every feature of `text[start, end)` into `out` (a feature seen twice is
 * written twice: counts matter) and returns how many; `out` holds `featureCapacity(end - start)`.
 * An array, not a callback: this runs once per feature over every text a hook scans.
 */
export function hashFeatures(text: string, start: number, end: number, out: Int32Array): number {
  let count = 0;
  let previousWord = 0;
  let havePrevious = false;
  let i = start;
  // The last characters of the current word (with the leading boundary) for its n-grams.
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    const w = wordCode(c);
    if (w >= 0) {
      let h = mix(SEED_WORD ^ FNV_OFFSET, w);
      let n = 1;
      c3 = 0;
      c2 = BOUNDARY;
      c1 = w;
      i++;
      for (; i < end; i++) {
        const d = wordCode(text.charCodeAt(i));
        if (d < 0) break;
        h = mix(h, d);
        if (n < MAX_GRAM_WORD) {
          out[count++] = gram3(c2, c1, d);
          if (c3 !== 0) {
            out[count++] = gram4(c3, c2, c1, d);
          }
        }
        n++;
        c3 = c2;
        c2 = c1;
        c1 = d;
      }
      if (n <= MAX_GRAM_WORD) {
        out[count++] = gram3(c2, c1, BOUNDARY);
        if (c3 !== 0) {
          out[count++] = gram4(c3, c2, c1, BOUNDARY);
        }
      }
      out[count++] = finish(h);
      if (havePrevious) {
        out[count++] = finish(mix(mix(SEED_PAIR, previousWord), h));
      }
      previousWord = h;
      havePrevious = true;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    let h = mix(SEED_PUNCT ^ FNV_OFFSET, c);
    let n = 1;
    for (i++; i < end && n < MAX_PUNCT_RUN; i++, n++) {
      const d = text.charCodeAt(i);
      if (wordCode(d) >= 0 || isSpace(d)) break;
      h = mix(h, d);
    }
    while (i < end) {
      const d = text.charCodeAt(i);
      if (wordCode(d) >= 0 || isSpace(d)) break;
      i++;
    }
    out[count++] = finish(h);
  }
  return count;
}

function gram3(a: number, b: number, c: number): number {
  return finish(mix(mix(mix(SEED_GRAM3, a), b), c));
}

function gram4(a: number, b: number, c: number, d: number): number {
  return finish(mix(mix(mix(mix(SEED_GRAM4, a), b), c), d));
}
