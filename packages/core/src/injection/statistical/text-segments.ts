/**
 * Cuts a text into the pieces the statistical layer scores: whole lines gathered until a piece
 * holds about a sentence or two, and long lines cut at a sentence end or a space. An injected
 * instruction is usually one to three sentences; a piece much longer would drown it in the text
 * around it, a piece much shorter would lose the words that make it an instruction.
 */
export const SEGMENT_TARGET = 200;
export const SEGMENT_MAX = 400;

/** Start and end offsets, flattened: segment k is `[bounds[2k], bounds[2k+1])`. */
export function segmentText(text: string, from = 0, to = text.length): number[] {
  const bounds: number[] = [];
  let start = from;
  let i = from;
  while (i < to) {
    let lineEnd = text.indexOf("\n", i);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    if (lineEnd - start >= SEGMENT_TARGET) {
      if (lineEnd - start <= SEGMENT_MAX) {
        pushSegment(text, bounds, start, lineEnd);
        start = lineEnd + 1;
      } else {
        // A long line (or a short piece followed by one): close the piece before it, then cut the line.
        if (i > start) pushSegment(text, bounds, start, i - 1);
        start = cutLongLine(text, bounds, i, lineEnd);
      }
    }
    i = lineEnd + 1;
  }
  if (start < to) pushSegment(text, bounds, start, to);
  return bounds;
}

function cutLongLine(text: string, bounds: number[], start: number, end: number): number {
  while (end - start > SEGMENT_MAX) {
    const cut = cutPoint(text, start + SEGMENT_TARGET, start + SEGMENT_MAX);
    pushSegment(text, bounds, start, cut);
    start = cut;
  }
  // What is left of the line starts the next piece, so it can gather the lines after it.
  return start;
}

/** After the last sentence end in [from, to), else the last space, else `to`. */
function cutPoint(text: string, from: number, to: number): number {
  let space = -1;
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63) && i + 1 < to && text.charCodeAt(i + 1) === 32) return i + 2;
    if (space < 0 && c === 32) space = i + 1;
  }
  return space > 0 ? space : to;
}

function pushSegment(text: string, bounds: number[], start: number, end: number): void {
  // Skip pieces with nothing but space in them.
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) {
      bounds.push(start, end);
      return;
    }
  }
}
