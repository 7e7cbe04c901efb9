/**
 * Lines as provenance compares them: split on "\n" (a "\r" before it dropped, so a file saved with
 * other line endings is still the same text), no empty last line after a final newline, each line
 * known by a short hash so that no text, secret or not, is kept.
 */
/** Git's own test for a binary file: a NUL byte among the first 8 KiB. */
export function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
}

/**
 * 64 bits of two FNV-1a lanes over the UTF-16 code units, as 16 hex digits: enough that two
 * different lines of one file never share a hash in practice, and fast enough for a hook to hash a
 * large file (a cryptographic hash per line costs ten times more and protects nothing here).
 */
export function hashLine(line: string): string {
  return hashRange(line, 0, line.length);
}

/** The hashes of `splitLines(text)`, in one pass over the text (no line strings are made). */
export function hashLines(text: string): string[] {
  const hashes: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    const next = end < 0 ? text.length : end + 1;
    if (end < 0) end = text.length;
    hashes.push(hashRange(text, start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end));
    start = next;
  }
  return hashes;
}

function hashRange(text: string, start: number, end: number): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ (end - start);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return hex8(a) + hex8(b);
}

function hex8(n: number): string {
  const s = (n >>> 0).toString(16);
  return s.length === 8 ? s : "00000000".slice(s.length) + s;
}
