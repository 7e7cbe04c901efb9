/**
 * Words written so a filter cannot read them but a model can: letters spaced out
 * ("i g n o r e  a l l"), digits for letters ("1gn0r3 4ll pr3v10u5"), rot13 ("vtaber nyy"). Each
 * line that looks rewritten is turned back into plain words, so the content rules and the
 * statistical layer read it like any decoded payload. Cheap first checks keep ordinary text,
 * where none of this occurs, at the cost of three regex passes.
 */
export type RewrittenEncoding = "spaced" | "leet" | "rot13";

export interface RewrittenRun {
  readonly encoding: RewrittenEncoding;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const MAX_RUNS = 32;
const SPACED = /(?:[A-Za-z][ \t-]{1,3}){7,}[A-Za-z]/g;
// Words with a digit standing for a letter: at least one letter and one of 0 1 3 4 5 7 inside a word.
const LEET_WORD = /\b(?=[a-z0-9]*[a-z])[a-z]*[013457][a-z0-9]*\b/gi;
const ROT13_COMMON = /\b(?:gur|naq|lbh|lbhe|guvf|jvgu|nyy|sebz|gung|vafgehpgvbaf|vtaber)\b/gi;
const LEET_LETTERS: Readonly<Record<string, string>> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t" };

export function findRewrittenRuns(text: string): RewrittenRun[] {
  const runs: RewrittenRun[] = [];
  const lines = new Map<number, RewrittenEncoding>();
  const mark = (re: RegExp, encoding: RewrittenEncoding, minPerLine: number) => {
    const perLine = new Map<number, number>();
    re.lastIndex = 0;
    for (let m = re.exec(text); m != null; m = re.exec(text)) {
      const lineStart = text.lastIndexOf("\n", m.index) + 1;
      const n = (perLine.get(lineStart) ?? 0) + 1;
      perLine.set(lineStart, n);
      if (n >= minPerLine && !lines.has(lineStart)) lines.set(lineStart, encoding);
      if (lines.size >= MAX_RUNS) break;
    }
  };
  mark(SPACED, "spaced", 1);
  mark(LEET_WORD, "leet", 4);
  mark(ROT13_COMMON, "rot13", 3);
  for (const [start, encoding] of lines) {
    const lineEnd = text.indexOf("\n", start);
    const end = lineEnd < 0 ? text.length : lineEnd;
    const line = text.slice(start, end);
    const decoded = encoding === "spaced" ? unspace(line) : encoding === "leet" ? unleet(line) : rot13(line);
    if (decoded !== line) runs.push({ encoding, start, end, text: decoded });
  }
  return runs.toSorted((a, b) => a.start - b.start);
}

/** "d i s - r e - g a r d  y o u r" → "disregard your": two or more spaces part words, one joins letters. */
function unspace(line: string): string {
  return line.replace(SPACED, (run) =>
    run
      .split(/\s{2,}/)
      .map((word) => word.replace(/[\s-]+/g, ""))
      .join(" "),
  );
}

function unleet(line: string): string {
  return line.replace(LEET_WORD, (word) => (/^\d+$/.test(word) ? word : word.replace(/[013457]/g, (d) => LEET_LETTERS[d] ?? d)));
}

function rot13(line: string): string {
  return line.replace(/[A-Za-z]/g, (c) => {
    const base = c <= "Z" ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}
