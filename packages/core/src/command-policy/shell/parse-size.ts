/**
 * Sizes as `fallocate -l`, `mkfile`, `head -c` and `dd bs=`/`count=` take them: a number and an
 * optional unit. `K`, `M`, `G`, `T`, … (either case, bare or with `iB`) are powers of 1024, as in
 * `fallocate -l 60G` and `mkfile 10g`; `KB`, `MB`, … are powers of 1000; `b` is a 512-byte block,
 * `c` one byte and `w` two (dd). Anything else (`2x512`, `1e9`) is not read: undefined.
 */

const SIZE = /^(\d+(?:\.\d+)?)([a-z]*)$/i;
const POWERS = "kmgtpezy";
const SMALL_UNITS: Readonly<Record<string, number>> = { "": 1, c: 1, w: 2, b: 512 };

/** The size in bytes, or undefined when the word is not a size. */
export function parseSize(word: string): number | undefined {
  const match = SIZE.exec(word);
  if (match == null) return undefined;
  const count = Number(match[1]);
  const unit = (match[2] ?? "").toLowerCase();
  const small = SMALL_UNITS[unit];
  if (small != null) return count * small;
  const power = POWERS.indexOf(unit[0] ?? "") + 1;
  const suffix = unit.slice(1);
  if (power === 0) return undefined;
  if (suffix === "" || suffix === "ib") return count * 1024 ** power;
  if (suffix === "b") return count * 1000 ** power;
  return undefined;
}
