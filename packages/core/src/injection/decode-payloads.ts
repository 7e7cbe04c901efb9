/**
 * Finds runs of base64, hex (plain, `\x41`, `0x41, ...`, `41 42 ...`), URL-encoded and binary
 * text, decodes them, and keeps those that decode to readable text, so the content rules can read
 * what an encoded payload says. Bounded: a fixed number of candidates and decoded characters per
 * text, so a file full of hashes or data URIs costs little.
 */
export type PayloadEncoding = "base64" | "hex" | "url" | "binary";

export interface DecodedPayload {
  readonly encoding: PayloadEncoding;
  /** The encoded run's span in the text searched. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface DecodeLimits {
  /** Most candidate runs examined per text. */
  readonly maxCandidates: number;
  /** Most payloads kept per text. */
  readonly maxPayloads: number;
  /** Most encoded characters decoded from one run. */
  readonly maxRunChars: number;
  /** Most decoded characters kept per text. */
  readonly maxDecodedChars: number;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = {
  maxCandidates: 2000,
  maxPayloads: 64,
  maxRunChars: 256 * 1024,
  maxDecodedChars: 512 * 1024,
};

interface Run {
  readonly encoding: PayloadEncoding;
  readonly start: number;
  readonly end: number;
}

const B64 = 1;
const HEX = 2;
const BIT = 4;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = (/[A-Za-z0-9+/_-]/.test(ch) ? B64 : 0) | (/[0-9a-fA-F]/.test(ch) ? HEX : 0) | (ch === "0" || ch === "1" ? BIT : 0);
}
// Forms that begin with a distinctive character are found by regex; the rest by one pass over the text.
const ESCAPED_HEX = /(?:\\x[0-9a-fA-F]{2}){6,}|0x[0-9a-fA-F]{2}(?:\s*,\s*0x[0-9a-fA-F]{2}){5,}/g;
const URL_ENCODED = /%[0-9a-fA-F]{2}(?:[^\s%"'<>`]{0,40}%[0-9a-fA-F]{2}){2,}[^\s%"'<>`]{0,40}/g;

export function findEncodedPayloads(text: string, limits: DecodeLimits = DEFAULT_DECODE_LIMITS): DecodedPayload[] {
  const found: DecodedPayload[] = [];
  let candidates = 0;
  let decodedChars = 0;
  // Runs past the candidate limit are never examined: they are not even looked for.
  for (const run of encodedRuns(text, limits.maxCandidates + 1)) {
    if (++candidates > limits.maxCandidates || found.length >= limits.maxPayloads || decodedChars >= limits.maxDecodedChars) break;
    const encoded = text.slice(run.start, Math.min(run.end, run.start + limits.maxRunChars));
    const decoded = DECODERS[run.encoding](encoded);
    const readable = decoded == null ? undefined : readableText(decoded);
    if (readable == null) continue;
    const kept = readable.slice(0, limits.maxDecodedChars - decodedChars);
    decodedChars += kept.length;
    found.push({ encoding: run.encoding, start: run.start, end: run.end, text: kept });
  }
  return found;
}

const DECODERS: Record<PayloadEncoding, (run: string) => Buffer | undefined> = {
  base64: decodeBase64,
  hex: decodeHex,
  url: decodeUrl,
  binary: decodeBinary,
};

/** The candidate runs, in the order they are examined; the first `limit` of them. */
export function encodedRuns(text: string, limit = Infinity): Run[] {
  const runs: Run[] = [];
  for (const re of [ESCAPED_HEX, URL_ENCODED]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m != null; m = re.exec(text)) {
      const url = re === URL_ENCODED;
      // A URL-encoded run often starts with plain letters ("ignore%20all..."): take up to 40 of them.
      const first = m.index;
      let start = first;
      if (url) while (start > 0 && first - start < 40 && /[^\s%"'<>`=?&]/.test(text[start - 1] ?? " ")) start--;
      runs.push({ encoding: url ? "url" : "hex", start, end: m.index + m[0].length });
    }
  }
  if (runs.length < limit) wordRuns(text, runs, limit);
  return runs.slice(0, limit);
}

/**
 * Runs of the base64 alphabet (at least 20 characters), classified as binary, hex or base64 by
 * their characters, and sequences of separated tokens: hex pairs ("49 67 6e", at least 8) and
 * bytes of bits ("01001001 01100111", at least 6). One pass over the text.
 */
function wordRuns(text: string, runs: Run[], limit: number): void {
  const n = text.length;
  let runStart = 0;
  let classes = B64 | HEX | BIT;
  // A sequence of separated tokens: hex pairs (kind HEX) or bytes of bits (kind BIT).
  let seqStart = -1;
  let seqKind = 0;
  let seqCount = 0;
  let seqEnd = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    const cls = c < 128 ? CLASS[c] : 0;
    if (cls !== undefined && (cls & B64) !== 0) {
      classes &= cls;
      continue;
    }
    const len = i - runStart;
    // Most runs are words: too short to be a payload, and not a token of a sequence.
    if (seqKind === 0 && len < 20 && len !== 2 && len !== 8) {
      runStart = i + 1;
      classes = B64 | HEX | BIT;
      continue;
    }
    if (runs.length >= limit) return;
    if (len > 0) {
      const kind = len === 2 && (classes & HEX) !== 0 ? HEX : len === 8 && (classes & BIT) !== 0 ? BIT : 0;
      if (kind !== 0 && (seqKind === 0 || seqKind === kind)) {
        if (seqStart < 0) seqStart = runStart;
        seqKind = kind;
        seqCount++;
        seqEnd = i;
      } else if (seqKind !== 0) {
        pushSequence(runs, seqKind, seqStart, seqEnd, seqCount);
        seqStart = -1;
        seqKind = 0;
        seqCount = 0;
      }
      if (len >= 20) {
        let end = i;
        while (end < n && end - i < 2 && text.charCodeAt(end) === 61) end++;
        const encoding =
          (classes & BIT) !== 0 && len % 8 === 0 && len >= 48 ? "binary" : (classes & HEX) !== 0 && len % 2 === 0 ? "hex" : "base64";
        runs.push({ encoding, start: runStart, end });
      }
    }
    // Only a single space or colon may separate the tokens of a sequence.
    if (seqKind !== 0 && ((c !== 32 && c !== 58) || len === 0)) {
      pushSequence(runs, seqKind, seqStart, seqEnd, seqCount);
      seqStart = -1;
      seqKind = 0;
      seqCount = 0;
    }
    runStart = i + 1;
    classes = B64 | HEX | BIT;
  }
}

function pushSequence(runs: Run[], kind: number, start: number, end: number, count: number): void {
  if (kind === HEX && count >= 8) runs.push({ encoding: "hex", start, end });
  if (kind === BIT && count >= 6) runs.push({ encoding: "binary", start, end });
}

function decodeBase64(run: string): Buffer | undefined {
  const body = run.replace(/=+$/, "");
  if (body.length % 4 === 1) return undefined;
  // Identifiers, paths and words match the alphabet too; real payloads mix cases and digits.
  if (!/[a-z]/.test(body) || !/[A-Z0-9+/]/.test(body) || /^[a-z_-]+$/i.test(body)) return undefined;
  return Buffer.from(body.slice(0, body.length - (body.length % 4 === 1 ? 1 : 0)), "base64");
}

function decodeHex(run: string): Buffer | undefined {
  const digits = run.replace(/\\x|0x|[\s,:]/g, "");
  if (digits.length % 2 === 1 || !/^[0-9a-fA-F]+$/.test(digits)) return undefined;
  return Buffer.from(digits, "hex");
}

function decodeUrl(run: string): Buffer | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < run.length; i++) {
    const c = run[i];
    if (c === "%" && /^[0-9a-fA-F]{2}$/.test(run.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(run.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c === "+" ? 0x20 : run.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

function decodeBinary(run: string): Buffer | undefined {
  const bits = run.replace(/ /g, "");
  if (bits.length % 8 !== 0) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** Decoded bytes as text when they read as words (valid UTF-8, few controls, spaces and letters); else undefined. */
export function readableText(decoded: Buffer | string): string | undefined {
  const text = typeof decoded === "string" ? decoded : decoded.toString("utf8");
  if (text.length < 8) return undefined;
  let bad = 0;
  let letters = 0;
  let spaces = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) spaces++;
    else if (c < 0x20 || c === 0x7f || c === 0xfffd) bad++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf) letters++;
  }
  const visible = text.length - spaces;
  if (bad > text.length * 0.02 || spaces === 0 || letters < visible * 0.6) return undefined;
  return text;
}
