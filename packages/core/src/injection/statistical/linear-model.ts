import { FEATURE_BITS, FEATURE_COUNT, featureCapacity, hashFeatures } from "./hashed-features.js";
import { segmentText } from "./text-segments.js";

/**
 * A logistic-regression model over hashed features: one signed byte per bucket, times `scale`.
 * A piece's score is `bias + scale * sum(weights of its features) / sqrt(feature count)`, so a long
 * piece is not more suspicious for being long; its probability is the logistic of that.
 */
export interface LinearModel {
  readonly weights: Int8Array;
  readonly scale: number;
  readonly bias: number;
}

/**
 * The committed form of a model: a 24-byte header ("WIM1", the feature bits, three zero bytes,
 * scale and bias as little-endian doubles), then one signed byte per bucket.
 */
const MAGIC = "WIM1";
const HEADER = 24;

export function encodeModel(model: LinearModel): Buffer {
  const out = Buffer.alloc(HEADER + model.weights.length);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt8(FEATURE_BITS, 4);
  out.writeDoubleLE(model.scale, 8);
  out.writeDoubleLE(model.bias, 16);
  out.set(new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength), HEADER);
  return out;
}

export function decodeModel(bytes: Uint8Array): LinearModel {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < HEADER || buffer.toString("latin1", 0, 4) !== MAGIC) throw new Error("not a Warden injection model (bad header)");
  const bits = buffer.readUInt8(4);
  if (bits !== FEATURE_BITS || buffer.length !== HEADER + FEATURE_COUNT)
    throw new Error(
      `model has ${bits} feature bits and ${buffer.length - HEADER} weights; this build reads ${FEATURE_BITS} bits (${FEATURE_COUNT} weights)`,
    );
  return {
    weights: new Int8Array(buffer.buffer, buffer.byteOffset + HEADER, FEATURE_COUNT),
    scale: buffer.readDoubleLE(8),
    bias: buffer.readDoubleLE(16),
  };
}

/** The raw sum of a piece's weights and its feature count, so neighbouring pieces can be merged. */
export interface PieceSum {
  readonly sum: number;
  readonly count: number;
}

/** `buffer` holds `featureCapacity` of the piece's length: one array serves every piece of a text. */
function sumPiece(model: LinearModel, text: string, start: number, end: number, buffer: Int32Array): PieceSum {
  const count = hashFeatures(text, start, end, buffer);
  const weights = model.weights;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += weights[buffer[i] ?? 0] ?? 0;
  return { sum, count };
}

export function logit(model: LinearModel, sum: number, count: number): number {
  return count === 0 ? -Infinity : model.bias + (model.scale * sum) / Math.sqrt(count);
}

/** The most suspicious stretch of a text: one piece or two neighbouring ones. */
export interface ScoredStretch {
  readonly start: number;
  readonly end: number;
  /** Log-odds that the stretch is an instruction aimed at the agent. */
  readonly logit: number;
}

/** Scores every piece and every pair of neighbouring pieces; returns the best `limit` stretches that do not overlap. */
export function scoreText(model: LinearModel, text: string, minLogit: number, limit = 3): ScoredStretch[] {
  const bounds = segmentText(text);
  const found: ScoredStretch[] = [];
  let longest = 0;
  for (let k = 0; k < bounds.length; k += 2) longest = Math.max(longest, (bounds[k + 1] ?? 0) - (bounds[k] ?? 0));
  const buffer = new Int32Array(featureCapacity(longest));
  let previous: PieceSum | undefined;
  for (let k = 0; k < bounds.length; k += 2) {
    const start = bounds[k] ?? 0;
    const end = bounds[k + 1] ?? 0;
    if (!isProse(text, start, end)) {
      previous = undefined;
      continue;
    }
    const piece = sumPiece(model, text, start, end, buffer);
    const z = logit(model, piece.sum, piece.count);
    if (z >= minLogit) found.push({ start, end, logit: z });
    if (previous != null) {
      const pair = logit(model, previous.sum + piece.sum, previous.count + piece.count);
      if (pair >= minLogit && pair > z) found.push({ start: bounds[k - 2] ?? start, end, logit: pair });
    }
    previous = piece;
  }
  found.sort((a, b) => b.logit - a.logit);
  const kept: ScoredStretch[] = [];
  for (const s of found) {
    if (kept.length >= limit) break;
    if (kept.every((k) => s.end <= k.start || s.start >= k.end)) kept.push(s);
  }
  return kept;
}

/**
 * Whether a piece is mostly letters: instructions are written in words, while digit tables,
 * minified code and encoded blobs have few, and their odd features are what a linear model is
 * least sure about. (Encoded payloads are decoded and read by the rules.)
 */
function isProse(text: string, start: number, end: number): boolean {
  let letters = 0;
  let other = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if ((c >= 97 && c <= 122) || c >= 0xc0) letters++;
    // Digits are neither: a JSON record's dates and ids do not make its text any less prose.
    else if (c !== 0x20 && c !== 0x2a && c !== 0x2e && !(c >= 0x30 && c <= 0x39)) other++;
  }
  return letters >= 2 * other && letters >= 20;
}
