/**
 * Lines as provenance compares them: split on "\n" (a "\r" before it dropped, so a file saved with
 * other line endings is still the same text), no empty last line after a final newline, each line
 * known by a short hash so that no text, secret or not, is kept.
 */
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
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ line.length;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

export function hashLines(text: string): string[] {
  return splitLines(text).map(hashLine);
}
